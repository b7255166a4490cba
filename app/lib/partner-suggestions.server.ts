/**
 * /ideas/:id/aliados and /convocatorias/:slug/aliados: the organizations match.forIdea or
 * match.forCall suggests, and one form that invites the ticked ones to a new alliance
 * (alliance.create) or to one the viewer already leads (alliance.invite). The procedures decide
 * who may see the suggestions (anyone else gets their 404) and every rule of the invitation.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import type { AllianceSummary } from "../../server/alliance/queries";
import { createAllianceInput, MAX_INVITATIONS } from "../../server/alliance/schemas";
import { z } from "../../server/validation";
import { actionFailure } from "./actions";
import { readForm } from "./form-request.server";
import { parseSubmission, schemaConstraint } from "./forms.server";
import { requireSignIn } from "./organization-form.server";

/** The target radio's value for "Una alianza nueva"; any other value is an alliance's id. */
export const NEW_ALLIANCE = "nueva";

/** States in which an alliance still takes invitations. */
const OPEN_STATES: readonly AllianceSummary["status"][] = ["FORMING", "ACTIVE"];

const allianceFields = createAllianceInput.shape;

/**
 * The form as sent: the new alliance's fields are the procedure's, but optional here, because they
 * only count when the target is a new alliance (alliance.create then checks them with its own schema).
 */
const partnerForm = z.object({
  target: z.string().trim().max(40).default(NEW_ALLIANCE),
  organizationIds: z.array(z.uuid()).max(MAX_INVITATIONS).default([]),
  title: z.string().trim().max(160).default(""),
  purpose: z.string().trim().max(3000).default(""),
  expectedOutcome: z.string().trim().max(3000).default(""),
});

/** Only the limits show on the page: whether a field is needed depends on the target. */
const displayed = z.object({ title: allianceFields.title, purpose: allianceFields.purpose, expectedOutcome: allianceFields.expectedOutcome });

type Subject = { kind: "idea"; id: string; title: string } | { kind: "call"; id: string; slug: string; title: string; organizationId: string | null };

/** A refused or malformed subject is the procedure's 404 (or 403), the way the procedure answered. */
function answerAs(context: AppLoadContext, error: unknown): never {
  const { httpStatus, message } = context.describeError(error);
  if (httpStatus === 400) throw json({ message }, { status: 404 });
  if (httpStatus === 403 || httpStatus === 404) throw json({ message }, { status: httpStatus });
  throw error;
}

/** The subject's open alliances the viewer leads: only those take their invitations. */
async function leadableAlliances(context: AppLoadContext, alliances: AllianceSummary[]) {
  const open = alliances.filter((a) => OPEN_STATES.includes(a.status));
  const details = await Promise.all(open.map((a) => context.caller.alliance.byId({ id: a.id })));
  return details.filter((d) => d.viewer.canLead).map(({ id, title, status }) => ({ id, title, status }));
}

export async function ideaPartnersPage(context: AppLoadContext, request: Request, ideaId: string) {
  requireSignIn(context, request);
  const [idea, matches] = await Promise.all([context.caller.idea.byId({ id: ideaId }), context.caller.match.forIdea({ ideaId })]).catch(
    (error: unknown) => answerAs(context, error),
  );
  const alliances = await leadableAlliances(context, await context.caller.alliance.ofIdea({ ideaId: idea.id }));
  return { subject: { kind: "idea" as const, id: idea.id, title: idea.title, back: `/ideas/${idea.id}` }, ...matches, alliances, constraint: schemaConstraint(displayed) };
}

export async function callPartnersPage(context: AppLoadContext, request: Request, slug: string) {
  requireSignIn(context, request);
  const call = await context.caller.calls.bySlug({ slug }).catch((error: unknown) => answerAs(context, error));
  const matches = await context.caller.match.forCall({ callId: call.id }).catch((error: unknown) => answerAs(context, error));
  const alliances = await leadableAlliances(context, await context.caller.alliance.ofCall({ callId: call.id }));
  return { subject: { kind: "call" as const, id: call.id, title: call.title, back: `/convocatorias/${call.slug}` }, ...matches, alliances, constraint: schemaConstraint(displayed) };
}

async function partnersAction(context: AppLoadContext, request: Request, subject: Subject) {
  const form = await readForm({ request, context });
  const submission = parseSubmission(context, form, partnerForm);
  if (!submission.ok) return submission.reply;
  const { target, organizationIds, title, purpose, expectedOutcome } = submission.value;
  try {
    if (target !== NEW_ALLIANCE) {
      await context.caller.alliance.invite({ allianceId: target, organizationIds, emails: [] });
      return redirect(`/alianzas/${target}?hecho=invitadas`);
    }
    const about =
      subject.kind === "idea"
        ? { ideaId: subject.id }
        : // The Secretariat opens it in its own name; an owner of the proposing organization, for it.
          { callId: subject.id, organizationId: context.ctx.actor?.role === "SECRETARIAT" ? undefined : (subject.organizationId ?? undefined) };
    const created = await context.caller.alliance.create({ title, purpose, expectedOutcome, ...about, organizationIds, emails: [] });
    return redirect(`/alianzas/${created.id}?hecho=invitadas`);
  } catch (error) {
    return actionFailure(context, error, submission.values);
  }
}

export async function ideaPartnersAction(context: AppLoadContext, request: Request, ideaId: string) {
  requireSignIn(context, request);
  const idea = await context.caller.idea.byId({ id: ideaId }).catch((error: unknown) => answerAs(context, error));
  return partnersAction(context, request, { kind: "idea", id: idea.id, title: idea.title });
}

export async function callPartnersAction(context: AppLoadContext, request: Request, slug: string) {
  requireSignIn(context, request);
  const call = await context.caller.calls.bySlug({ slug }).catch((error: unknown) => answerAs(context, error));
  return partnersAction(context, request, { kind: "call", id: call.id, slug: call.slug, title: call.title, organizationId: call.proposingOrganization?.id ?? null });
}
