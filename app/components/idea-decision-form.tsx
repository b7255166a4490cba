import { Form, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import type { FormConstraint, FormFailure } from "~/lib/forms";
import { ChoiceField, Field } from "./form";

export interface DecisionFormProps {
  idea: { id: string; status: string; hiddenFromStatus: string | null };
  /** The decisions the lifecycle allows the Secretariat now (server/moderation/moves.ts). */
  moves: { to: string; reason: "required" | "optional" | "none" }[];
  reports: { count: number; reasons: { reason: string; count: number }[] } | null;
  /** Where the forms post; undefined: this page's own action. */
  action?: string;
  /** Where to come back after a decision (the page the form is on). */
  redirectTo: string;
  /** The last answer of the action the forms post to; shown only when it is about this idea. */
  result?: FormFailure;
  constraint: { decision: FormConstraint; resolve: FormConstraint };
  /** One below the heading the forms sit under. */
  headingLevel?: 2 | 3 | 4;
  /** Shown under the open reports' summary (the reports themselves, on the idea's moderation page). */
  children?: ReactNode;
}

const PUBLIC = ["PUBLISHED", "IN_DEVELOPMENT", "INCUBATED", "ARCHIVED"];

/** The refusal of one form of this idea, if the last answer was one: its messages and what was sent. */
function failureFor(result: FormFailure | undefined, intent: string, ideaId: string) {
  const values = (result?.values ?? {}) as Record<string, string | undefined>;
  if (!result || values.intent !== intent || (values.id ?? values.ideaId) !== ideaId) return { errors: {} as Record<string, string>, values: {} as typeof values };
  // A refusal about no field in particular (someone decided first) is said at the top of the form.
  const general = Object.keys(result.fieldErrors).length === 0 ? result.message : undefined;
  return { errors: result.fieldErrors, values, general };
}

function General({ failure }: { failure: ReturnType<typeof failureFor> }) {
  return "general" in failure && failure.general ? (
    <p className="error" role="alert">
      {failure.general}
    </p>
  ) : null;
}

/**
 * The Secretariat's forms for one idea: resolving its open reports (dismiss, which restores a
 * hidden idea, or uphold, which hides a public one) and deciding its state among the moves the
 * lifecycle allows. Plain forms: they work without JavaScript, and a refusal comes back next to
 * the field it is about. Ids carry the idea's id, so a queue can show many of them.
 */
export function IdeaDecisionForm({ idea, moves, reports, action, redirectTo, result, constraint, headingLevel = 2, children }: DecisionFormProps) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as "h2";
  const prefix = `field-decision-${idea.id}`;
  const hidden = idea.status === "HIDDEN";
  const isPublic = PUBLIC.includes(idea.status);
  const decided = failureFor(result, "decide", idea.id);
  const resolved = failureFor(result, "resolve", idea.id);
  const state = (status: string) => t(`ideaStatus.${status}` as never);
  const moveLabel = (to: string) => (hidden ? t("moderation.move.restore", { status: state(to) }) : t(`moderation.move.${to}` as never));
  const requiredFor = moves.filter((m) => m.reason === "required").map((m) => moveLabel(m.to).toLowerCase());
  const hiddenFields = (intent: string, idName: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idName} value={idea.id} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
    </>
  );
  const reason = (id: string, label: string, hint: string, failure: ReturnType<typeof failureFor>, limits: FormConstraint) => (
    <Field
      id={id}
      name="reason"
      label={label}
      hint={hint}
      error={failure.errors.reason}
      constraints={{ maxLength: limits.reason?.maxLength }}
      defaultValue={failure.values.reason}
    >
      {(control) => <textarea {...control} rows={3} />}
    </Field>
  );
  return (
    <div className="decision-forms">
      {reports && reports.count > 0 ? (
        <section aria-labelledby={`${prefix}-reports`} className="panel">
          <Heading id={`${prefix}-reports`}>{t("moderation.resolve.title")}</Heading>
          <p>
            {t("moderation.reports", {
              count: reports.count,
              reasons: reports.reasons.map((r) => t("moderation.reasonCount", { reason: t(`reportReason.${r.reason}` as never), count: r.count })).join(", "),
            })}
          </p>
          {children}
          <Form method="post" action={action} className="stack" noValidate>
            {hiddenFields("resolve", "ideaId")}
            <General failure={resolved} />
            {reason(
              `${prefix}-resolve-reason`,
              t("moderation.resolve.reason"),
              isPublic ? t("moderation.resolve.reasonPublic") : t("moderation.resolve.reasonHidden", { status: state(idea.hiddenFromStatus ?? "PUBLISHED") }),
              resolved,
              constraint.resolve,
            )}
            <div className="actions">
              <button type="submit" name="outcome" value="dismiss" className="secondary">
                {t(hidden ? "moderation.resolve.dismissAndRestore" : "moderation.resolve.dismiss")}
              </button>
              <button type="submit" name="outcome" value="uphold">
                {t(isPublic ? "moderation.resolve.upholdAndHide" : "moderation.resolve.uphold")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      {moves.length > 0 ? (
        <section aria-labelledby={`${prefix}-title`} className="panel">
          <Heading id={`${prefix}-title`}>{t("moderation.decision.title")}</Heading>
          <Form method="post" action={action} className="stack" noValidate>
            {hiddenFields("decide", "id")}
            <General failure={decided} />
            <ChoiceField
              id={`${prefix}-to`}
              name="to"
              legend={t("moderation.decision.legend")}
              required
              error={decided.errors.to}
              defaultValue={decided.values.to}
              options={moves.map((m) => ({ value: m.to, label: moveLabel(m.to) }))}
            />
            {reason(
              `${prefix}-reason`,
              t("moderation.decision.reason"),
              requiredFor.length > 0 ? t("moderation.decision.reasonRequiredFor", { moves: requiredFor.join(", ") }) : t("moderation.decision.reasonOptional"),
              decided,
              constraint.decision,
            )}
            <button type="submit">{t("moderation.decision.submit")}</button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

/** After a decision, the page the form returned to says what happened (`?hecho=…&estado=…`). */
export function ModerationNotice() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const done = `moderation.done.${params.get("hecho")}`;
  const status = `ideaStatus.${params.get("estado")}`;
  // A hand-edited address announces nothing rather than a raw key.
  if (!i18n.exists(done) || !i18n.exists(status)) return null;
  return (
    <p className="notice" role="status">
      {t(done as never, { status: t(status as never) })}
    </p>
  );
}
