import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { NotificationItem } from "~/components/notification-item";
import { useTranslation } from "~/i18n/react";
import { actionFailure } from "~/lib/actions";
import { readForm } from "~/lib/form-request.server";
import { parseSubmission } from "~/lib/forms.server";
import { titledPage } from "~/lib/meta";
import { markReadInput } from "~/lib/notifications.server";

export const meta = titledPage("notifications.title");

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (!context.ctx.user) throw redirect(`/ingresar?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  const cursor = new URL(request.url).searchParams.get("cursor") || undefined;
  try {
    return json({ ...(await context.caller.notification.list({ cursor, limit: 20 })), paged: Boolean(cursor) });
  } catch (error) {
    const { httpStatus, message } = context.describeError(error);
    if (httpStatus === 400) throw json({ message }, { status: 400 });
    throw error;
  }
}

/** Marks one notification read (`intent=read`, `id`) or all of them (`intent=readAll`); works without JavaScript. */
export async function action({ context, request }: ActionFunctionArgs) {
  if (!context.ctx.user) throw redirect("/ingresar?redirectTo=/notificaciones");
  const form = await readForm({ request, context });
  try {
    if (form.get("intent") === "readAll") {
      await context.caller.notification.markAllRead();
      return redirect("/notificaciones?aviso=leidas");
    }
    const fields = parseSubmission(context, form, markReadInput);
    if (!fields.ok) return fields.reply;
    await context.caller.notification.markRead(fields.value);
  } catch (error) {
    return actionFailure(context, error);
  }
  return redirect("/notificaciones");
}

export default function NotificationsPage() {
  const { t } = useTranslation();
  const { items, nextCursor, paged } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const hasUnread = items.some((n) => n.readAt === null);
  return (
    <section className="page narrow" aria-labelledby="notifications-title">
      <div className="page-head">
        <div>
          <h1 id="notifications-title">{t("notifications.title")}</h1>
          <p className="lead">{t("notifications.lead")}</p>
        </div>
        <Link to="/cuenta/notificaciones">{t("notifications.preferencesLink")}</Link>
      </div>
      {params.get("aviso") === "leidas" ? (
        <p className="notice" role="status">
          {t("notifications.allRead")}
        </p>
      ) : null}
      {result ? <ErrorSummary title={t("form.errorSummary")} message={result.message} fieldErrors={result.fieldErrors} /> : null}
      {hasUnread ? (
        <Form method="post">
          <button type="submit" name="intent" value="readAll" disabled={busy}>
            {t("notifications.markAllRead")}
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? (
        <p>{paged ? t("notifications.noMore") : t("notifications.empty")}</p>
      ) : (
        <ul className="notification-list" aria-labelledby="notifications-title">
          {items.map((n) => (
            <NotificationItem key={n.id} notification={n} busy={busy} />
          ))}
        </ul>
      )}
      {nextCursor ? (
        <p className="pager">
          <Link to={`/notificaciones?cursor=${encodeURIComponent(nextCursor)}`}>{t("notifications.more")}</Link>
        </p>
      ) : null}
    </section>
  );
}
