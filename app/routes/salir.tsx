import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { actionFailure } from "~/lib/actions";
import { readForm } from "~/lib/form-request.server";
import { titledPage } from "~/lib/meta";

export const meta = titledPage("logout.title");

export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.ctx.user) throw redirect("/");
  return null;
}

export async function action({ context, request }: ActionFunctionArgs) {
  const formData = await readForm({ request, context });
  try {
    if (formData.get("intent") === "everywhere") await context.caller.auth.logoutEverywhere();
    else await context.caller.auth.logout();
  } catch (error) {
    return actionFailure(context, error);
  }
  return redirect("/");
}

export default function LogoutPage() {
  const { t } = useTranslation();
  return (
    <section className="page narrow" aria-labelledby="logout-title">
      <h1 id="logout-title">{t("logout.title")}</h1>
      <p>{t("logout.lead")}</p>
      <Form method="post" className="stack">
        <button type="submit" name="intent" value="this">
          {t("logout.submit")}
        </button>
        <button type="submit" name="intent" value="everywhere" className="secondary" aria-describedby="everywhere-hint">
          {t("logout.everywhere")}
        </button>
        <p id="everywhere-hint" className="hint">
          {t("logout.everywhereHint")}
        </p>
      </Form>
    </section>
  );
}
