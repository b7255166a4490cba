/**
 * The Secretariat's participants page of a call (/convocatorias/:slug/participantes): the
 * organizations' requests and invitations, the invitation form, and the jurors. Every form names
 * itself with `intent`; a success returns to the page with `?hecho=<what>` (copy
 * `callParticipants.done.<what>`), a refusal carries the intent among its values so the page shows
 * it next to that form. The procedures enforce every rule; the Secretariat check here only spares
 * others a page they cannot use.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { assignJurorInput, participationInput } from "../../server/call-participation/schemas";
import { z } from "../../server/validation";
import { readForm } from "./form-request.server";
import { intentAction, schemaConstraint, type FormSchema } from "./forms.server";
import { requireSecretariat } from "./moderation.server";

const inviteForm = participationInput.omit({ callId: true }).extend({ intent: z.literal("invite") });
const assignForm = assignJurorInput.omit({ callId: true }).extend({ intent: z.literal("assignJuror") });

/** Each form of the page: its fields, and what it does once they are read. */
const FORMS = {
  decide: z.object({ intent: z.literal("decide"), id: z.uuid(), answer: z.enum(["accept", "decline"]) }),
  invite: inviteForm,
  assignJuror: assignForm,
  // Removing a juror deletes their scores: the box must be ticked (no JavaScript confirm needed).
  removeJuror: z.object({ intent: z.literal("removeJuror"), userId: z.uuid(), confirm: z.literal("on", { message: "callParticipants.confirmRequired" }) }),
} satisfies Record<string, FormSchema>;

type Intent = keyof typeof FORMS;
type Values<I extends Intent> = z.output<(typeof FORMS)[I]>;

/** The call as the Secretariat sees it; an unknown address is the 404 page. */
async function callOf(context: AppLoadContext, request: Request, slug: string) {
  requireSecretariat(context, request);
  try {
    return await context.caller.calls.bySlug({ slug });
  } catch (error) {
    const { httpStatus, message } = context.describeError(error);
    if (httpStatus === 404 || httpStatus === 400) throw json({ message }, { status: 404 });
    throw error;
  }
}

/** The organizations the invitation form offers: those whose name matches `?q=` (all, by name, without it). */
async function organizationChoices(context: AppLoadContext, request: Request) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  const { items, nextCursor } = await context.caller.organization.list({ q: q || undefined, limit: 50 });
  return { q, more: nextCursor !== null, items: items.map((o) => ({ id: o.id, name: o.name, verified: o.verified })) };
}

export async function participantsPage(context: AppLoadContext, request: Request, slug: string) {
  const call = await callOf(context, request, slug);
  const [participations, jurors, organizations] = await Promise.all([
    context.caller.callParticipation.listForCall({ callId: call.id }),
    context.caller.callParticipation.jurors({ callId: call.id }),
    organizationChoices(context, request),
  ]);
  return {
    call: { id: call.id, slug: call.slug, title: call.title, status: call.status, phase: call.phase },
    participations,
    jurors,
    organizations,
    /** Organizations accepted as jury: a juror may be named as one of their members. */
    juryOrganizations: participations.filter((p) => p.role === "JURY" && p.status === "ACCEPTED").map((p) => p.organization),
    constraint: { invite: schemaConstraint(inviteForm), assign: schemaConstraint(assignForm) },
  };
}

/** What each form does with its checked fields; the answer is the `hecho` notice. */
async function perform(context: AppLoadContext, callId: string, values: Values<Intent>): Promise<string> {
  const { callParticipation } = context.caller;
  switch (values.intent) {
    case "decide":
      await callParticipation.decide({ id: values.id, accept: values.answer === "accept" });
      return values.answer === "accept" ? "aceptada" : "rechazada";
    case "invite":
      await callParticipation.invite({ callId, organizationId: values.organizationId, role: values.role, message: values.message });
      return "invitada";
    case "assignJuror":
      await callParticipation.assignJuror({ callId, email: values.email, organizationId: values.organizationId });
      return "jurado";
    case "removeJuror":
      await callParticipation.removeJuror({ callId, userId: values.userId });
      return "juradoQuitado";
  }
}

export async function participantsAction(context: AppLoadContext, request: Request, slug: string) {
  const call = await callOf(context, request, slug);
  const form = await readForm({ request, context });
  return intentAction(context, form, FORMS, async (values) =>
    redirect(`/convocatorias/${call.slug}/participantes?hecho=${await perform(context, call.id, values)}`),
  );
}
