/**
 * What /organizaciones/:slug shows each person and what its one form does. The profile, its
 * members (as the procedure filters them for the viewer) and the viewer's role come from
 * organization.bySlug; the ideas on its behalf from idea.list; whether to offer "ask to join"
 * from the policy module. Zod stays on the server: the form's schema is read here.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { can } from "../../server/authz/policy";
import { joinRequestInput } from "../../server/organization/schemas";
import { actionFailure } from "./actions";
import { readForm } from "./form-request.server";
import { parseSubmission, schemaConstraint } from "./forms.server";

/** The join form's own field (the organization comes from the URL). */
const joinFields = joinRequestInput.pick({ message: true });

/** How many ideas on its behalf the page lists (idea.list's first page). */
const IDEAS_SHOWN = 12;

/** The organization by its slug; an unknown or malformed slug is the 404 page. */
async function organizationOr404(context: AppLoadContext, slug: string | undefined) {
  try {
    return await context.caller.organization.bySlug({ slug: slug ?? "" });
  } catch (error) {
    const { httpStatus } = context.describeError(error);
    if (httpStatus === 404 || httpStatus === 400) throw json(null, { status: 404 });
    throw error;
  }
}

export async function loadOrganizationPage(context: AppLoadContext, slug: string | undefined) {
  const organization = await organizationOr404(context, slug);
  const ideas = await context.caller.idea.list({ organizationId: organization.id, limit: IDEAS_SHOWN });
  const { actor } = context.ctx;
  const { nit: _nit, verificationReason: _reason, ...profile } = organization;
  return {
    // The NIT and the Secretariat's reasons are for the management page, not the public one.
    organization: { ...profile, verified: organization.verification === "VERIFIED" },
    ideas: ideas.items,
    viewer: {
      signedIn: actor !== null,
      role: organization.viewer.role,
      pendingJoinRequest: organization.viewer.pendingJoinRequest,
      canJoin: can(actor, "organization.join", { id: organization.id }),
      canManage: can(actor, "organization.manage", { id: organization.id }),
    },
    joinConstraint: schemaConstraint(joinFields),
  };
}

/** "Ask to join": sends the request and comes back to the page, which thanks the person (`?aviso=solicitud`). */
export async function organizationPageAction(context: AppLoadContext, request: Request, slug: string | undefined) {
  if (!context.ctx.user) {
    throw redirect(`/ingresar?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  }
  const organization = await organizationOr404(context, slug);
  const form = await readForm({ request, context });
  const fields = parseSubmission(context, form, joinFields);
  if (!fields.ok) return fields.reply;
  try {
    await context.caller.membership.requestToJoin({ organizationId: organization.id, message: fields.value.message });
  } catch (error) {
    return actionFailure(context, error, fields.values);
  }
  return redirect(`/organizaciones/${organization.slug}?aviso=solicitud`);
}
