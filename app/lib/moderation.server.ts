/**
 * What the moderation pages and the idea page's moderation forms share: who may open them, the
 * decision and report-resolution forms' action (same answer from the queue page and from an
 * idea's moderation page), and what the idea page needs to show those forms.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { can, type Action } from "../../server/authz/policy";
import type { CoauthorStatus, IdeaStatus } from "../../server/db/generated/enums";
import { translate } from "../../server/i18n/messages";
import { ideaDecisionInput } from "../../server/idea/schemas";
import { secretariatMoves } from "../../server/moderation/moves";
import { resolveReportsInput } from "../../server/moderation/schemas";
import { resolveCommentReportsInput } from "../../server/comment/schemas";
import { reportFormFields } from "../../server/report/schemas";
import { AppError } from "../../server/trpc/errors";
import { z } from "../../server/validation";
import { actionFailure, safeRedirect } from "./actions";
import { readForm } from "./form-request.server";
import { parseSubmission, schemaConstraint } from "./forms.server";

/** The forms' fields: the procedure's input and which form it was (so a refusal lands on the right one). */
export const decisionForm = ideaDecisionInput.extend({ intent: z.literal("decide") });
export const resolveForm = resolveReportsInput.extend({ intent: z.literal("resolve") });
export const resolveCommentForm = resolveCommentReportsInput.extend({ intent: z.literal("resolveComment") });

export { reportFormFields };
// Constants the moderation pages' loaders need, reached through this `.server` module: their own
// modules also build zod schemas, which would otherwise stay in the browser bundle.
export { QUEUE_IDS } from "../../server/moderation/schemas";
export { AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES } from "../../server/audit/schemas";

/** Why this person may not report an idea (its author, or the Secretariat, which moderates instead). */
export const reportRefusal = (context: AppLoadContext, role: string) =>
  translate(context.ctx.locale, role === "SECRETARIAT" ? "report.secretariat" : "report.ownIdea");

/** Limits of the reason text areas, from the schemas. */
export function moderationConstraints() {
  return { decision: schemaConstraint(decisionForm), resolve: schemaConstraint(resolveForm) };
}

/**
 * Pages of the Secretariat: a visitor signs in first and comes back; anyone else gets a 403 page
 * saying who may use it.
 */
export function requireSecretariat(context: AppLoadContext, request: Request, action: Extract<Action, "moderation.act" | "audit.view"> = "moderation.act") {
  const { user, actor, locale } = context.ctx;
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/ingresar?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (!can(actor, action, null)) throw json({ message: translate(locale, "moderation.forbidden") }, { status: 403 });
}

/** What happened, for the notice of the page the form returns to. */
export type ModerationDone = "decidida" | "descartados" | "confirmados";

function withNotice(path: string, done: ModerationDone, status: IdeaStatus): string {
  const url = new URL(path, "http://cocrea.invalid");
  url.searchParams.set("hecho", done);
  url.searchParams.set("estado", status);
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The decision and report-resolution forms' action. Success returns to the page the form was on
 * (`redirectTo`) with a notice; a refusal answers with its messages and the form's `intent` and
 * idea id among the values, so the page shows them next to that form's fields.
 */
export async function moderationAction(context: AppLoadContext, request: Request, fallback: string) {
  requireSecretariat(context, request);
  const form = await readForm({ request, context });
  const back = safeRedirect(form.get("redirectTo"), fallback);
  if (form.get("intent") === "decide") {
    const submission = parseSubmission(context, form, decisionForm);
    if (!submission.ok) return submission.reply;
    const { intent: _intent, ...input } = submission.value;
    try {
      const { to } = await context.caller.moderation.decide(input);
      return redirect(withNotice(back, "decidida", to));
    } catch (error) {
      return actionFailure(context, error, submission.values);
    }
  }
  if (form.get("intent") === "resolve") {
    const submission = parseSubmission(context, form, resolveForm);
    if (!submission.ok) return submission.reply;
    const { intent: _intent, ...input } = submission.value;
    try {
      const { status } = await context.caller.moderation.resolveReports(input);
      return redirect(withNotice(back, input.outcome === "dismiss" ? "descartados" : "confirmados", status));
    } catch (error) {
      return actionFailure(context, error, submission.values);
    }
  }
  if (form.get("intent") === "resolveComment") {
    const submission = parseSubmission(context, form, resolveCommentForm);
    if (!submission.ok) return submission.reply;
    const { intent: _intent, ...input } = submission.value;
    try {
      await context.caller.moderation.resolveCommentReports(input);
      const url = new URL(back, "http://cocrea.invalid");
      url.searchParams.set("hecho", `comentario-${input.outcome}`);
      return redirect(`${url.pathname}${url.search}${url.hash}`);
    } catch (error) {
      return actionFailure(context, error, submission.values);
    }
  }
  return actionFailure(context, new AppError("BAD_REQUEST", "request.invalid"));
}

/** The Secretariat's view of one idea: its open reports and the decisions the lifecycle allows now. */
export async function ideaModeration(context: AppLoadContext, idea: { id: string; status: IdeaStatus; hiddenFromStatus: IdeaStatus | null }) {
  const reports = await context.caller.moderation.reports({ ideaId: idea.id });
  return { reports, moves: secretariatMoves(idea, reports.count), constraint: moderationConstraints() };
}

/**
 * What the idea page shows about reporting and moderating, by who is looking: the report form
 * (or the viewer's report), a sign-in link for visitors, or the Secretariat's forms.
 */
export async function ideaPageModeration(
  context: AppLoadContext,
  idea: { id: string; status: IdeaStatus; hiddenFromStatus: IdeaStatus | null; authorId: string; coauthors: readonly { id: string; status: CoauthorStatus }[] },
) {
  const { actor } = context.ctx;
  if (can(actor, "moderation.act", null)) return { report: null, secretariat: await ideaModeration(context, idea) };
  if (!actor) return { report: { state: "signIn" as const, mine: null }, secretariat: null };
  if (!can(actor, "idea.report", idea)) return { report: null, secretariat: null };
  const mine = await context.caller.report.mine({ ideaId: idea.id });
  return { report: { state: mine ? ("reported" as const) : ("open" as const), mine }, secretariat: null };
}
