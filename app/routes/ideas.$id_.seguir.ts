import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { readForm } from "~/lib/form-request.server";
import { parseSubmission } from "~/lib/forms.server";
import { followInput } from "~/lib/notifications.server";

/** Nothing to show here: the button lives on the idea page. */
export const loader = ({ params }: LoaderFunctionArgs) => redirect(`/ideas/${params.id ?? ""}`);

/** Follows (`intent=follow`) or unfollows the idea, then returns to it; works without JavaScript. */
export async function action({ context, params, request }: ActionFunctionArgs) {
  const back = `/ideas/${params.id ?? ""}`;
  if (!context.ctx.user) throw redirect(`/ingresar?redirectTo=${encodeURIComponent(back)}`);
  const form = await readForm({ request, context });
  const fields = parseSubmission(context, new URLSearchParams({ ideaId: params.id ?? "" }), followInput);
  if (!fields.ok) throw json(null, { status: 404 });
  try {
    if (form.get("intent") === "unfollow") await context.caller.follow.remove(fields.value);
    else await context.caller.follow.add(fields.value);
  } catch (error) {
    const { httpStatus } = context.describeError(error);
    if (httpStatus === 404 || httpStatus === 400) throw json(null, { status: 404 });
    throw error;
  }
  return redirect(`${back}#seguir`);
}
