import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { safeRedirect } from "~/lib/actions";
import { readForm } from "~/lib/form-request.server";
import { LOCALE_COOKIE } from "../../server/i18n/locale";

const ONE_YEAR = 60 * 60 * 24 * 365;

export const loader = () => redirect("/");

/** Remembers the chosen language in a cookie; works without JavaScript. */
export async function action({ context, request }: ActionFunctionArgs) {
  const formData = await readForm({ request, context });
  const locale = formData.get("locale") === "en" ? "en" : "es";
  return redirect(safeRedirect(formData.get("redirectTo")), {
    headers: { "Set-Cookie": `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax` },
  });
}
