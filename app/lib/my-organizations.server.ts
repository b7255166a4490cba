/**
 * /mis-organizaciones: the person's organizations and the invitations addressed to them, and the
 * action of its forms (answer an invitation, leave, show or hide oneself on the public page).
 */
import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "../../server/validation";
import { readForm } from "./form-request.server";
import { intentAction, type FormSchema } from "./forms.server";
import { requireSignIn } from "./organization-form.server";

const FORMS = {
  respond: z.object({ intent: z.literal("respond"), requestId: z.uuid(), answer: z.enum(["accept", "decline"]) }),
  leave: z.object({ intent: z.literal("leave"), organizationId: z.uuid() }),
  listed: z.object({ intent: z.literal("listed"), organizationId: z.uuid(), listed: z.enum(["true", "false"]) }),
} satisfies Record<string, FormSchema>;

export async function myOrganizationsPage(context: AppLoadContext, request: Request) {
  requireSignIn(context, request);
  const [organizations, pending] = await Promise.all([context.caller.organization.mine(), context.caller.membership.pending()]);
  return { organizations, invitations: pending.filter((r) => r.kind === "INVITATION") };
}

/** Each answer returns to the page with `?hecho=<what>` (copy `myOrgs.done.<what>`). */
export async function myOrganizationsAction(context: AppLoadContext, request: Request) {
  requireSignIn(context, request);
  const form = await readForm({ request, context });
  const { membership } = context.caller;
  return intentAction(context, form, FORMS, async (values) => {
    switch (values.intent) {
      case "respond": {
        const accept = values.answer === "accept";
        await membership.respond({ requestId: values.requestId, accept });
        return redirect(`/mis-organizaciones?hecho=${accept ? "aceptada" : "rechazada"}`);
      }
      case "leave":
        await membership.leave({ organizationId: values.organizationId });
        return redirect("/mis-organizaciones?hecho=saliste");
      case "listed":
        await membership.setListed({ organizationId: values.organizationId, listed: values.listed === "true" });
        return redirect(`/mis-organizaciones?hecho=${values.listed === "true" ? "visible" : "oculto"}`);
    }
  });
}
