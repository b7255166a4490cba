/**
 * The owner's management page of an organization (/organizaciones/:slug/gestionar): what it
 * shows, and its forms' action. Every form names itself with `intent`; a success returns to the
 * page with `?hecho=<what>` (copy `orgAdmin.done.<what>`), a refusal carries the intent among
 * its values so the page shows it next to that form. The procedures enforce every rule; the
 * owner check here only spares others a page they cannot use.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { MembershipRole } from "../../server/db/generated/enums";
import { translate } from "../../server/i18n/messages";
import { inviteMemberInput, offerInput } from "../../server/organization/schemas";
import { z } from "../../server/validation";
import { readForm } from "./form-request.server";
import { intentAction, schemaConstraint, type FormSchema } from "./forms.server";
import { submitLogo } from "./organization-logo.server";
import { profileConstraint, profileForm, requireSignIn } from "./organization-form.server";

const offerForm = offerInput.omit({ organizationId: true }).extend({ intent: z.literal("addOffer") });
const inviteForm = inviteMemberInput.omit({ organizationId: true }).extend({ intent: z.literal("invite") });

/** Each form of the page: its fields, and what it does once they are read. */
const FORMS = {
  profile: profileForm,
  addOffer: offerForm,
  invite: inviteForm,
  removeOffer: z.object({ intent: z.literal("removeOffer"), offerId: z.uuid() }),
  setRole: z.object({ intent: z.literal("setRole"), userId: z.uuid(), role: z.enum(MembershipRole) }),
  removeMember: z.object({ intent: z.literal("removeMember"), userId: z.uuid() }),
  respond: z.object({ intent: z.literal("respond"), requestId: z.uuid(), answer: z.enum(["accept", "decline"]) }),
  answerCall: z.object({ intent: z.literal("answerCall"), participationId: z.uuid(), answer: z.enum(["accept", "decline"]) }),
  removeLogo: z.object({ intent: z.literal("removeLogo") }),
  requestVerification: z.object({ intent: z.literal("requestVerification") }),
} satisfies Record<string, FormSchema>;

type Intent = keyof typeof FORMS;
type Values<I extends Intent> = z.output<(typeof FORMS)[I]>;

/** The organization as its owner sees it; anyone else gets the error page (404 unknown, 403 not an owner). */
export async function ownedOrganization(context: AppLoadContext, request: Request, slug: string) {
  requireSignIn(context, request);
  let organization;
  try {
    organization = await context.caller.organization.bySlug({ slug });
  } catch (error) {
    const { httpStatus, message } = context.describeError(error);
    if (httpStatus === 404 || httpStatus === 400) throw json({ message }, { status: 404 });
    throw error;
  }
  if (organization.viewer.role !== "OWNER") {
    throw json({ message: translate(context.ctx.locale, "auth.forbidden") }, { status: 403 });
  }
  return organization;
}

export async function managementPage(context: AppLoadContext, request: Request, slug: string) {
  const organization = await ownedOrganization(context, request, slug);
  const [pending, callInvitations] = await Promise.all([
    context.caller.membership.pending(),
    context.caller.callParticipation.invitations({ organizationId: organization.id }),
  ]);
  return {
    organization,
    callInvitations,
    joinRequests: pending.filter((r) => r.kind === "JOIN_REQUEST" && r.organization.id === organization.id),
    viewerId: context.ctx.user!.id,
    constraint: { profile: profileConstraint(), offer: schemaConstraint(offerForm), invite: schemaConstraint(inviteForm) },
  };
}

/** What each form does with its checked fields; the answer is the `hecho` notice. */
async function perform(context: AppLoadContext, id: string, values: Values<Intent>): Promise<string> {
  const { organization, membership, callParticipation } = context.caller;
  switch (values.intent) {
    case "profile": {
      const { intent: _intent, ...profile } = values;
      const { reverify } = await organization.update({ id, ...profile });
      return reverify ? "reverificacion" : "perfil";
    }
    case "addOffer": {
      const { intent: _intent, ...offer } = values;
      await organization.addOffer({ organizationId: id, ...offer });
      return "oferta";
    }
    case "removeOffer":
      await organization.removeOffer({ organizationId: id, offerId: values.offerId });
      return "ofertaQuitada";
    case "invite":
      await membership.invite({ organizationId: id, email: values.email });
      return "invitacion";
    case "setRole":
      await membership.setRole({ organizationId: id, userId: values.userId, role: values.role });
      return "rol";
    case "removeMember":
      await membership.remove({ organizationId: id, userId: values.userId });
      return "miembroQuitado";
    case "respond":
      await membership.respond({ requestId: values.requestId, accept: values.answer === "accept" });
      return values.answer === "accept" ? "solicitudAceptada" : "solicitudRechazada";
    case "answerCall":
      await callParticipation.decide({ id: values.participationId, accept: values.answer === "accept" });
      return values.answer === "accept" ? "convocatoriaAceptada" : "convocatoriaRechazada";
    case "removeLogo":
      await organization.setLogo({ id, fileId: null });
      return "logoQuitado";
    case "requestVerification":
      await organization.requestVerification({ id });
      return "verificacion";
  }
}


/** The page's action: the logo form is the only multipart one, so the content type tells it apart. */
export async function manageAction(context: AppLoadContext, request: Request, slug: string) {
  const { id } = await ownedOrganization(context, request, slug);
  const back = (done: string) => redirect(`/organizaciones/${slug}/gestionar?hecho=${done}`);
  if ((request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    return submitLogo(context, request, id, () => back("logo"));
  }
  const form = await readForm({ request, context });
  return intentAction(context, form, FORMS, async (values) => back(await perform(context, id, values)));
}
