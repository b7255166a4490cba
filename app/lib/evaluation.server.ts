/**
 * The evaluation pages: a juror's (/jurado, /jurado/:callId, scoring each submission) and the
 * Secretariat's page of one call (/convocatorias/:slug/evaluacion: rubric, submissions, the jury's
 * progress and conflicts, ranking, winners, publishing and closing). Every form names itself with
 * `intent`; success returns to the page with `?hecho=<what>`, a refusal answers with the form's
 * values (its intent and row among them) so the page shows the errors next to that form. The
 * procedures enforce every rule; the checks here only spare people pages they cannot use.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { criterionInput, scoreInput } from "../../server/evaluation/schemas";
import { translate } from "../../server/i18n/messages";
import { AppError } from "../../server/trpc/errors";
import { z } from "../../server/validation";
import { actionFailure } from "./actions";
import { readForm } from "./form-request.server";
import { intentAction, parseSubmission, schemaConstraint } from "./forms.server";
import { requireSignIn } from "./organization-form.server";

/** The rubric editor shows this many rows (without JavaScript there is no "add a row"); empty ones are ignored. */
export const RUBRIC_ROWS = 8;

/** A 404 page for what the procedure says does not exist (or an address that cannot be an id). */
function notFound(context: AppLoadContext, error: unknown): never {
  const { httpStatus, message } = context.describeError(error);
  if (httpStatus === 404 || httpStatus === 400) throw json({ message }, { status: 404 });
  if (httpStatus === 403) throw json({ message }, { status: 403 });
  throw error;
}

// ---------------------------------------------------------------------------------------------
// Jurors
// ---------------------------------------------------------------------------------------------

export const scoreForm = scoreInput.extend({ intent: z.literal("score") });

/** /jurado: every call the person judges with their progress (submissions appear after each call closes). */
export async function juryOverview(context: AppLoadContext, request: Request) {
  requireSignIn(context, request);
  const calls = await context.caller.evaluation.myQueue({});
  return {
    calls: calls.map(({ submissions: _submissions, criteria: _criteria, ...call }) => call),
  };
}

/** /jurado/:callId: one call the person judges, its rubric and the submissions they may score. */
export async function juryCallPage(context: AppLoadContext, request: Request, callId: string) {
  requireSignIn(context, request);
  let calls;
  try {
    calls = await context.caller.evaluation.myQueue({ callId });
  } catch (error) {
    notFound(context, error);
  }
  const call = calls[0];
  if (!call) throw json({ message: translate(context.ctx.locale, "evaluation.callNotFound") }, { status: 404 });
  return { call, constraint: schemaConstraint(scoreForm) };
}

/** The score form of one submission: back to its place on the page, which says it was saved. */
export async function juryAction(context: AppLoadContext, request: Request, callId: string) {
  requireSignIn(context, request);
  const form = await readForm({ request, context });
  if (form.get("intent") !== "score") return actionFailure(context, new AppError("BAD_REQUEST", "request.invalid"));
  const submission = parseSubmission(context, form, scoreForm);
  if (!submission.ok) return submission.reply;
  const { intent: _intent, ...input } = submission.value;
  try {
    await context.caller.evaluation.score(input);
  } catch (error) {
    return actionFailure(context, error, submission.values);
  }
  return redirect(`/jurado/${callId}?hecho=${input.submissionId}#postulacion-${input.submissionId}`);
}

// ---------------------------------------------------------------------------------------------
// The Secretariat
// ---------------------------------------------------------------------------------------------

const emptyText = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** The rubric editor: fixed rows, each the procedure's criterion with every field optional; a row with anything in it needs its name, weight and maximum. */
export const rubricForm = z
  .object({
    intent: z.literal("rubric"),
    criteria: z.array(criterionInput.partial().optional()).max(RUBRIC_ROWS).default([]),
  })
  .superRefine((value, ctx) => {
    value.criteria.forEach((row, index) => {
      if (!row || Object.values(row).every(emptyText)) return;
      for (const field of ["name", "weight", "maxScore"] as const) {
        if (emptyText(row[field])) ctx.addIssue({ code: "custom", path: ["criteria", index, field], message: "evaluationForm.criterionIncomplete" });
      }
    });
  });

/** Winners: every ranked submission is a row with a checkbox and its justification. */
export const winnersForm = z
  .object({
    intent: z.literal("winners"),
    candidates: z
      .array(
        z.object({
          submissionId: z.uuid(),
          winner: z.boolean().optional(),
          justification: z.string().trim().max(2000).optional(),
        }),
      )
      .max(200)
      .default([]),
  })
  .superRefine((value, ctx) => {
    value.candidates.forEach((row, index) => {
      if (row.winner && emptyText(row.justification)) {
        ctx.addIssue({ code: "custom", path: ["candidates", index, "justification"], message: "evaluationForm.justificationRequired" });
      }
    });
  });

/** Publishing asks for an explicit confirmation: it tells every submitter and cannot be undone. */
export const publishForm = z
  .object({ intent: z.literal("publish"), confirm: z.boolean().optional() })
  .superRefine((value, ctx) => {
    if (value.confirm !== true) ctx.addIssue({ code: "custom", path: ["confirm"], message: "evaluationForm.confirmPublish" });
  });

const closeForm = z.object({ intent: z.literal("close") });

const FORMS = { rubric: rubricForm, winners: winnersForm, publish: publishForm, close: closeForm } as const;
type Intent = keyof typeof FORMS;

/** The call as the Secretariat sees it; others get the procedure's answer as a page (404 unknown or hidden, 403 otherwise). */
async function administeredCall(context: AppLoadContext, request: Request, slug: string) {
  requireSignIn(context, request);
  let call;
  try {
    call = await context.caller.calls.bySlug({ slug });
  } catch (error) {
    notFound(context, error);
  }
  if (!call.viewer.canAdminister) throw json({ message: translate(context.ctx.locale, "auth.forbidden") }, { status: 403 });
  return call;
}

export async function evaluationAdminPage(context: AppLoadContext, request: Request, slug: string) {
  const call = await administeredCall(context, request, slug);
  const { evaluation, submission } = context.caller;
  const [rubric, submissions, progress, ranking] = await Promise.all([
    evaluation.rubric({ callId: call.id }),
    submission.listForCall({ callId: call.id }),
    evaluation.progress({ callId: call.id }),
    evaluation.ranking({ callId: call.id }),
  ]);
  return {
    call: {
      id: call.id,
      slug: call.slug,
      title: call.title,
      status: call.status,
      phase: call.phase,
      closesAt: call.closesAt,
      evaluationEndsAt: call.evaluationEndsAt,
      resultsAt: call.resultsAt,
      resultsPublishedAt: call.resultsPublishedAt,
    },
    rubric,
    submissions,
    progress,
    ranking,
    rubricRows: RUBRIC_ROWS,
    constraint: { rubric: schemaConstraint(rubricForm), winners: schemaConstraint(winnersForm) },
  };
}

type Values<I extends Intent> = z.output<(typeof FORMS)[I]>;

/** What each form does; the answer is the `hecho` notice. */
async function perform(context: AppLoadContext, callId: string, values: Values<Intent>): Promise<string> {
  const { evaluation } = context.caller;
  switch (values.intent) {
    case "rubric": {
      const criteria = values.criteria.flatMap((row) =>
        row && !Object.values(row).every(emptyText)
          ? [{ name: row.name!, description: row.description ?? "", weight: row.weight!, maxScore: row.maxScore! }]
          : [],
      );
      await evaluation.setRubric({ callId, criteria });
      return "criterios";
    }
    case "winners": {
      const winners = values.candidates
        .filter((row) => row.winner)
        .map((row) => ({ submissionId: row.submissionId, justification: row.justification ?? "" }));
      await evaluation.selectWinners({ callId, winners });
      return "ganadores";
    }
    case "publish":
      await evaluation.publishResults({ callId });
      return "publicados";
    case "close":
      await evaluation.close({ callId });
      return "cerrada";
  }
}

export async function evaluationAdminAction(context: AppLoadContext, request: Request, slug: string) {
  const call = await administeredCall(context, request, slug);
  const form = await readForm({ request, context });
  // The procedures name fields by their own input (`criteria`, `winners`); the forms show those at the top.
  return intentAction(context, form, FORMS, async (values) =>
    redirect(`/convocatorias/${call.slug}/evaluacion?hecho=${await perform(context, call.id, values)}`),
  );
}
