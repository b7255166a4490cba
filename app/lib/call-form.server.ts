/**
 * The call form (/convocatorias/nueva, /convocatorias/:slug/editar) and the Secretariat's
 * decisions on the editor page. The form's fields are the procedures' own (server/call/schemas.ts),
 * except three things a page sends differently: dates as `datetime-local` values, read in
 * America/Bogota (./bogota-time.ts), a fixed number of question rows whose empty ones are left
 * out, and a prize amount that may carry thousands separators.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { can } from "../../server/authz/policy";
import { callDecisionInput, cancelCallInput, createCallInput, instant } from "../../server/call/schemas";
import { receiveMultipartForm } from "../../server/files/multipart";
import { translate } from "../../server/i18n/messages";
import { AppError, fieldError } from "../../server/trpc/errors";
import { z } from "../../server/validation";
import { actionFailure, type ActionFailure } from "./actions";
import { bogotaLocalToInstant, instantToBogotaLocal } from "./bogota-time";
import { assertFormRequest, readForm } from "./form-request.server";
import { parseSubmission, schemaConstraint, type FormSchema } from "./forms.server";
import { callOr404 } from "./call-page.server";

/** Question rows the form shows (the procedures accept a few more). */
export const FORM_QUESTIONS = 8;

/** A `datetime-local` value, Bogotá's wall clock, as the instant the procedures take. */
const bogotaInstant = z.preprocess((v) => (typeof v === "string" ? (bogotaLocalToInstant(v) ?? "invalid") : v), instant);

const shape = createCallInput.shape;

export const callFormFields = z.object({
  title: shape.title,
  summary: shape.summary,
  problem: shape.problem,
  objectives: shape.objectives,
  expectedResults: shape.expectedResults,
  sectors: shape.sectors,
  prizeText: shape.prizeText,
  // "10.000.000" or "$ 10 000 000" as typed: the digits are the amount.
  prizeAmountCop: z.preprocess((v) => (typeof v === "string" ? v.replace(/[.\s$,]/g, "") : v), shape.prizeAmountCop),
  eligibleRoles: shape.eligibleRoles,
  eligibleOrgKinds: shape.eligibleOrgKinds,
  requiresOrganization: shape.requiresOrganization,
  maxSubmissionsPerParticipant: shape.maxSubmissionsPerParticipant,
  sponsorOrganizationIds: shape.sponsorOrganizationIds,
  questions: z
    .array(z.object({ prompt: z.string().trim().min(5).max(500).optional(), required: z.boolean().default(false) }))
    .max(FORM_QUESTIONS)
    .default([]),
  opensAt: bogotaInstant,
  closesAt: bogotaInstant,
  evaluationEndsAt: bogotaInstant,
  resultsAt: bogotaInstant,
  /** Proposals: the owner's verified organization that proposes it. */
  organizationId: z.uuid().optional(),
});

type CallFormValues = z.output<typeof callFormFields>;

/** The procedures' input from the form: empty question rows left out. */
function callInput(value: CallFormValues, termsFileId: string | null) {
  const { organizationId: _organizationId, questions, ...fields } = value;
  return {
    ...fields,
    questions: questions.flatMap((q) => (q.prompt ? [{ prompt: q.prompt, required: q.required }] : [])),
    termsFileId,
  };
}

export function requireSignIn(context: AppLoadContext, request: Request) {
  if (!context.ctx.user) throw redirect(`/ingresar?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
}

/** Organizations that may sponsor a call, for the Secretariat's checkboxes (the directory's first page, by name). */
async function sponsorOptions(context: AppLoadContext) {
  const { items } = await context.caller.organization.list({ limit: 50 });
  return items.map((o) => ({ id: o.id, name: o.name })).sort((a, b) => a.name.localeCompare(b.name, "es"));
}

/** /convocatorias/nueva: the Secretariat creates; owners of verified organizations propose. */
export async function newCallPage(context: AppLoadContext, request: Request) {
  requireSignIn(context, request);
  const canCreate = can(context.ctx.actor, "call.create", null);
  const owned = canCreate ? [] : (await context.caller.organization.mine()).filter((o) => o.role === "OWNER" && o.verification === "VERIFIED");
  return {
    canCreate,
    organizations: owned.map(({ id, name }) => ({ id, name })),
    sponsors: canCreate ? await sponsorOptions(context) : [],
    constraint: schemaConstraint(callFormFields),
  };
}

export async function newCallAction(context: AppLoadContext, request: Request) {
  requireSignIn(context, request);
  const form = await readForm({ request, context });
  const parsed = parseSubmission(context, form, callFormFields);
  if (!parsed.ok) return parsed.reply;
  try {
    if (can(context.ctx.actor, "call.create", null)) {
      const call = await context.caller.calls.create(callInput(parsed.value, null));
      return redirect(`/convocatorias/${call.slug}?aviso=creada`);
    }
    const organizationId = parsed.value.organizationId;
    if (!organizationId) throw fieldError("organizationId", "validation.required");
    const call = await context.caller.calls.propose({ ...callInput(parsed.value, null), sponsorOrganizationIds: [], organizationId });
    return redirect(`/convocatorias/${call.slug}?aviso=propuesta`);
  } catch (error) {
    return actionFailure(context, error, parsed.values);
  }
}

type CallDetails = Awaited<ReturnType<typeof callOr404>>;

/** The call as the form shows it: dates in Bogotá's wall clock, question rows, sponsors other than the proposer. */
function savedValues(call: CallDetails) {
  return {
    title: call.title,
    summary: call.summary,
    problem: call.problem,
    objectives: call.objectives,
    expectedResults: call.expectedResults,
    sectors: call.sectors as string[],
    prizeText: call.prizeText,
    prizeAmountCop: call.prizeAmountCop === null ? "" : String(call.prizeAmountCop),
    eligibleRoles: call.eligibleRoles as string[],
    eligibleOrgKinds: call.eligibleOrgKinds as string[],
    requiresOrganization: call.requiresOrganization,
    maxSubmissionsPerParticipant: String(call.maxSubmissionsPerParticipant),
    sponsorOrganizationIds: call.sponsors.map((s) => s.id).filter((id) => id !== call.proposingOrganization?.id),
    questions: call.questions.map((q) => ({ prompt: q.prompt, required: q.required })),
    opensAt: instantToBogotaLocal(call.opensAt),
    closesAt: instantToBogotaLocal(call.closesAt),
    evaluationEndsAt: instantToBogotaLocal(call.evaluationEndsAt),
    resultsAt: instantToBogotaLocal(call.resultsAt),
  };
}

/** The procedures' input for the call as it is, with another terms document. */
function currentInput(call: CallDetails, termsFileId: string | null) {
  return {
    id: call.id,
    title: call.title,
    summary: call.summary,
    problem: call.problem,
    objectives: call.objectives,
    expectedResults: call.expectedResults,
    sectors: call.sectors,
    prizeText: call.prizeText,
    prizeAmountCop: call.prizeAmountCop ?? undefined,
    eligibleRoles: call.eligibleRoles,
    eligibleOrgKinds: call.eligibleOrgKinds,
    requiresOrganization: call.requiresOrganization,
    maxSubmissionsPerParticipant: call.maxSubmissionsPerParticipant,
    sponsorOrganizationIds: call.sponsors.map((s) => s.id).filter((id) => id !== call.proposingOrganization?.id),
    questions: call.questions.map((q) => ({ prompt: q.prompt, required: q.required })),
    opensAt: call.opensAt,
    closesAt: call.closesAt,
    evaluationEndsAt: call.evaluationEndsAt,
    resultsAt: call.resultsAt,
    termsFileId,
  };
}

const DECISION_FORMS = {
  decide: callDecisionInput.omit({ id: true }).extend({ intent: z.literal("decide") }),
  cancel: cancelCallInput.omit({ id: true }).extend({ intent: z.literal("cancel") }),
  extend: z.object({ intent: z.literal("extend"), closesAt: bogotaInstant }),
  resubmit: z.object({ intent: z.literal("resubmit") }),
  removeTerms: z.object({ intent: z.literal("removeTerms") }),
  save: callFormFields.extend({ intent: z.literal("save") }),
} satisfies Record<string, FormSchema>;

type EditIntent = keyof typeof DECISION_FORMS;
const isEditIntent = (value: unknown): value is EditIntent => typeof value === "string" && Object.hasOwn(DECISION_FORMS, value);

/** The call for its editor: its proposers' owners and the Secretariat; others get the error page. */
async function editableCall(context: AppLoadContext, request: Request, slug: string | undefined) {
  requireSignIn(context, request);
  const call = await callOr404(context, slug);
  if (!call.viewer.canAdminister && !call.viewer.isProposer) {
    throw json({ message: translate(context.ctx.locale, "auth.forbidden") }, { status: 403 });
  }
  return call;
}

export async function editCallPage(context: AppLoadContext, request: Request, slug: string | undefined) {
  const call = await editableCall(context, request, slug);
  return {
    call,
    saved: savedValues(call),
    sponsors: call.viewer.canAdminister ? await sponsorOptions(context) : [],
    constraint: {
      form: schemaConstraint(callFormFields),
      decide: schemaConstraint(DECISION_FORMS.decide),
      cancel: schemaConstraint(DECISION_FORMS.cancel),
      extend: schemaConstraint(DECISION_FORMS.extend),
    },
    closesAtLocal: instantToBogotaLocal(call.closesAt),
  };
}

/** The file input of the terms form; its errors are shown on it. */
export const TERMS_FIELD = "terms";

/** Uploads the terms PDF (the road of organization logos: scratch, store, record), then attaches it with calls.update. */
async function submitTerms(context: AppLoadContext, request: Request, call: CallDetails) {
  assertFormRequest({ request, context }, "multipart");
  const { files, db, user } = context.ctx;
  const scratch = await files.createScratch();
  const failure = (error: unknown) => {
    if (error instanceof Response) throw error;
    const { message, fieldErrors, httpStatus } = context.describeError(error);
    const text = Object.values(fieldErrors)[0];
    return json<ActionFailure>({ ok: false, message, fieldErrors: text ? { [TERMS_FIELD]: text } : {}, values: { intent: "terms" } }, { status: httpStatus });
  };
  try {
    const form = await receiveMultipartForm(request, scratch, { textFields: ["intent"], fileField: TERMS_FIELD });
    if (form.error) return failure(form.error);
    const [file, ...more] = scratch.files;
    if (!file || more.length > 0 || file.contentType !== "application/pdf") return failure(fieldError(TERMS_FIELD, "call.termsNotPdf"));
    const written = await files.writeBlobs(db, user!.id, [file]);
    let fileId: string;
    try {
      const [stored] = await db.$transaction((tx) => files.recordFiles(tx, user!.id, written));
      fileId = stored!.id;
    } catch (error) {
      await files.deleteBlobs(written);
      throw error;
    }
    await context.caller.calls.update(currentInput(call, fileId));
    return redirect(`/convocatorias/${call.slug}/editar?aviso=guardada`);
  } catch (error) {
    return failure(error);
  } finally {
    await scratch.dispose();
  }
}

/** What each form of the editor does; the answer is the notice shown after it. */
async function performEdit(context: AppLoadContext, call: CallDetails, value: z.output<(typeof DECISION_FORMS)[EditIntent]>): Promise<string> {
  const { calls } = context.caller;
  switch (value.intent) {
    case "save": {
      const { intent: _intent, ...fields } = value;
      const input = callInput(fields, call.termsFile?.id ?? null);
      // An owner's organization stays its only named sponsor: the Secretariat chooses the others.
      await calls.update({ id: call.id, ...input, ...(call.viewer.canAdminister ? {} : { sponsorOrganizationIds: currentInput(call, null).sponsorOrganizationIds }) });
      return "guardada";
    }
    case "resubmit":
      await calls.resubmit({ id: call.id });
      return "reenviada";
    case "decide":
      await calls.decide({ id: call.id, decision: value.decision, reason: value.reason });
      return "decidida";
    case "cancel":
      await calls.cancel({ id: call.id, reason: value.reason });
      return "cancelada";
    case "extend":
      await calls.extendDeadline({ id: call.id, closesAt: value.closesAt });
      return "ampliada";
    case "removeTerms":
      await calls.update(currentInput(call, null));
      return "guardada";
  }
}

export async function editCallAction(context: AppLoadContext, request: Request, slug: string | undefined) {
  const call = await editableCall(context, request, slug);
  if ((request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    return submitTerms(context, request, call);
  }
  const form = await readForm({ request, context });
  const intent = form.get("intent");
  if (!isEditIntent(intent)) return actionFailure(context, new AppError("BAD_REQUEST", "request.invalid"));
  const parsed = parseSubmission(context, form, DECISION_FORMS[intent]);
  if (!parsed.ok) return parsed.reply;
  try {
    const done = await performEdit(context, call, parsed.value as z.output<(typeof DECISION_FORMS)[EditIntent]>);
    return redirect(`/convocatorias/${call.slug}/editar?aviso=${done}`);
  } catch (error) {
    return actionFailure(context, error, parsed.values);
  }
}
