import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { titledPage } from "~/lib/meta";

export const meta = titledPage("unsubscribe.title");

/**
 * The link of every notification email. GET asks for confirmation (a link preview or a mail
 * scanner fetching it must not unsubscribe anyone); POST, from this page or from the mail
 * program's one-click button (List-Unsubscribe-Post, RFC 8058), stops that kind of email.
 * No login: the signed token is the permission.
 */
export async function loader({ context, params }: LoaderFunctionArgs) {
  try {
    const { scope } = await context.caller.preferences.unsubscribeInfo({ token: params.token ?? "" });
    return json({ scope: scope as string | null });
  } catch (error) {
    const { httpStatus } = context.describeError(error);
    if (httpStatus === 404 || httpStatus === 400) return json({ scope: null }, { status: 404 });
    throw error;
  }
}

export async function action({ context, params }: ActionFunctionArgs) {
  try {
    const { scope } = await context.caller.preferences.unsubscribe({ token: params.token ?? "" });
    return json({ done: scope as string });
  } catch (error) {
    const { httpStatus } = context.describeError(error);
    if (httpStatus === 404 || httpStatus === 400) return json({ done: null }, { status: 404 });
    throw error;
  }
}

export default function UnsubscribePage() {
  const { t } = useTranslation();
  const { scope } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const done = result?.done ?? null;
  const invalid = scope === null || (result !== undefined && done === null);
  const what = (kind: string) => t(`preferences.kind.${kind}` as never);
  return (
    <section className="page narrow" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{t("unsubscribe.title")}</h1>
      {invalid ? (
        <p>{t("unsubscribe.invalid")}</p>
      ) : done ? (
        <p className="notice" role="status">
          {t("unsubscribe.done", { what: what(done) })}
        </p>
      ) : (
        <Form method="post">
          <p>{t("unsubscribe.confirm", { what: what(scope) })}</p>
          <p className="hint">{t("unsubscribe.keepInApp")}</p>
          <button type="submit" disabled={busy}>
            {t("unsubscribe.submit")}
          </button>
        </Form>
      )}
      <p>
        <Link to="/cuenta/notificaciones">{t("unsubscribe.preferences")}</Link>
      </p>
    </section>
  );
}
