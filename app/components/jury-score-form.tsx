import { Form, useNavigation } from "@remix-run/react";
import { ScrollTable } from "~/components/scroll-table";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary, Field } from "~/components/form";
import type { FormConstraint } from "~/lib/forms";
import type { IntentFailure } from "~/lib/intent-failure";

export interface ScoreCriterion {
  id: string;
  name: string;
  description: string;
  weight: number;
  maxScore: number;
}

export interface JurorScoreValue {
  criterionId: string;
  value: number;
  comment: string;
}

/** What was typed in a refused form (`scores[1].value`), as the action sent it back. */
function typed(failure: IntentFailure | null, index: number, field: "value" | "comment"): string | undefined {
  const scores = failure?.values.scores;
  if (!Array.isArray(scores)) return undefined;
  const row = scores[index] as Record<string, unknown> | undefined;
  const value = row?.[field];
  return typeof value === "string" ? value : failure ? "" : undefined;
}

/**
 * A juror's score of one submission: one number per criterion (0 to its maximum) and a comment,
 * prefilled with what they saved. The server checks every limit (a value above the criterion's
 * maximum is answered next to its field), so the form does not stop the browser's submit. Ids are
 * prefixed with the submission's, as the page repeats this form for each one.
 */
export function JuryScoreForm(props: {
  submissionId: string;
  ideaTitle: string;
  criteria: readonly ScoreCriterion[];
  saved: readonly JurorScoreValue[];
  constraint: FormConstraint;
  failure: IntentFailure | null;
}) {
  const { submissionId, ideaTitle, criteria, saved, constraint, failure } = props;
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const prefix = submissionId;
  const idOf = (name: string) => `field-${prefix}-${name}`;
  const errors = failure?.errors ?? {};
  const labels: Record<string, string> = {};
  criteria.forEach((criterion, i) => {
    labels[`${prefix}-scores[${i}].value`] = criterion.name;
    labels[`${prefix}-scores[${i}].comment`] = t("jury.commentLabel", { name: criterion.name });
  });
  const summaryErrors = Object.fromEntries(Object.entries(errors).map(([name, text]) => [`${prefix}-${name}`, text]));
  const commentMax = constraint["scores[].comment"]?.maxLength;
  return (
    <Form method="post" noValidate className="stack" aria-label={`${t("jury.scoreLegend")}: ${ideaTitle}`}>
      <input type="hidden" name="intent" value="score" />
      <input type="hidden" name="submissionId" value={submissionId} />
      {failure ? <ErrorSummary title={t("form.errorSummary")} message={failure.general ?? undefined} fieldErrors={summaryErrors} labels={labels} /> : null}
      <div id={idOf("scores")} tabIndex={-1} className="stack">
        {criteria.map((criterion, i) => {
          const mine = saved.find((s) => s.criterionId === criterion.id);
          const valueName = `scores[${i}].value`;
          const commentName = `scores[${i}].comment`;
          return (
            <fieldset key={criterion.id} className="field">
              <legend>{criterion.name}</legend>
              <input type="hidden" name={`scores[${i}].criterionId`} value={criterion.id} />
              <Field
                name={valueName}
                id={idOf(valueName)}
                label={t("jury.criterionLabel", { name: criterion.name, max: criterion.maxScore, weight: criterion.weight })}
                hint={criterion.description || undefined}
                error={errors[valueName]}
                required
                constraints={{ min: 0, max: criterion.maxScore }}
                defaultValue={typed(failure, i, "value") ?? (mine ? String(mine.value) : undefined)}
              >
                {(control) => <input {...control} type="number" inputMode="numeric" step={1} />}
              </Field>
              <Field
                name={commentName}
                id={idOf(commentName)}
                label={t("jury.commentLabel", { name: criterion.name })}
                hint={t("jury.commentHint")}
                error={errors[commentName]}
                constraints={{ maxLength: commentMax }}
                defaultValue={typed(failure, i, "comment") ?? mine?.comment}
              >
                {(control) => <textarea {...control} rows={3} />}
              </Field>
            </fieldset>
          );
        })}
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t("jury.save")}
          <span className="visually-hidden"> {t("jury.saveOf", { title: ideaTitle })}</span>
        </button>
      </div>
    </Form>
  );
}

/** A juror's saved scores, read-only (evaluation ended or results published). */
export function JuryScoresTable(props: { ideaTitle: string; criteria: readonly ScoreCriterion[]; saved: readonly JurorScoreValue[]; captionId: string }) {
  const { ideaTitle, criteria, saved, captionId } = props;
  const { t } = useTranslation();
  if (saved.length === 0) return <p>{t("jury.notScored")}</p>;
  return (
    <ScrollTable captionId={captionId} caption={t("jury.myScoresCaption", { title: ideaTitle })} columns={[t("callResults.col.criterion"), t("callResults.col.value"), t("callResults.col.comment")]}>
      {criteria.map((criterion) => {
        const mine = saved.find((s) => s.criterionId === criterion.id);
        return (
          <tr key={criterion.id}>
            <th scope="row">{criterion.name}</th>
            <td>{mine ? t("jury.valueOf", { value: mine.value, max: criterion.maxScore }) : t("evalAdmin.none")}</td>
            <td>{mine?.comment || t("evalAdmin.none")}</td>
          </tr>
        );
      })}
    </ScrollTable>
  );
}
