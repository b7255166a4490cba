import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary, Field } from "~/components/form";
import { fieldIds, limits, sentValue } from "~/lib/alliance-format";
import type { FormConstraint } from "~/lib/forms";
import type { IntentFailure } from "~/lib/intent-failure";

export const COMMITMENT_KINDS = ["MENTORING_HOURS", "LAB_ACCESS", "EQUIPMENT", "FUNDING_COP", "DATA", "OTHER"] as const;
/** Rows offered without JavaScript (app/lib/alliance-forms.server.ts ignores the blank ones). */
const ROWS = [0, 1, 2];

type Row = { kind?: unknown; quantity?: unknown; description?: unknown; publishAmount?: unknown } | undefined;

/**
 * The fields of one commitment (kind, quantity, description, whether to publish the amount),
 * named `<prefix>kind`…: `commitments[1].` in an answer's rows, nothing in the add form.
 */
export function CommitmentFields({
  prefix,
  ids,
  failure,
  sent,
  constraint,
  required,
}: {
  prefix: string;
  ids: (name: string) => string;
  failure: IntentFailure | null;
  sent: Row;
  constraint: FormConstraint;
  required: boolean;
}) {
  const { t } = useTranslation();
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const error = (name: string) => failure?.errors[`${prefix}${name}`];
  return (
    <>
      <Field name={`${prefix}kind`} id={ids(`${prefix}kind`)} label={t("alliances.kind")} error={error("kind")} required={required}>
        {(control) => (
          <select {...control} defaultValue={text(sent?.kind) ?? ""}>
            <option value="">{t("alliances.choose")}</option>
            {COMMITMENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`commitmentKind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name={`${prefix}quantity`}
        id={ids(`${prefix}quantity`)}
        label={t("alliances.quantity")}
        error={error("quantity")}
        required={required}
        constraints={{ min: 1, max: constraint.quantity?.max }}
        defaultValue={text(sent?.quantity)}
      >
        {(control) => <input {...control} type="number" inputMode="numeric" step={1} />}
      </Field>
      <Field
        name={`${prefix}description`}
        id={ids(`${prefix}description`)}
        label={t("alliances.description")}
        error={error("description")}
        required={required}
        constraints={limits(constraint.description)}
        defaultValue={text(sent?.description)}
      >
        {(control) => <textarea {...control} rows={2} />}
      </Field>
      <label className="choice">
        <input type="checkbox" name={`${prefix}publishAmount`} id={ids(`${prefix}publishAmount`)} defaultChecked={sent?.publishAmount === "on"} />{" "}
        {t("alliances.publish")}
      </label>
    </>
  );
}

/** An invited party's answer: accept with commitments, or decline with an optional reason. */
export function AnswerInvitation({
  partyId,
  partyName,
  answerFailure,
  declineFailure,
  constraint,
}: {
  partyId: string;
  partyName: string;
  answerFailure: IntentFailure | null;
  declineFailure: IntentFailure | null;
  constraint: FormConstraint;
}) {
  const { t } = useTranslation();
  const headingId = `answer-${partyId}`;
  const ids = fieldIds(answerFailure, `answer-${partyId}`);
  const rows = (answerFailure?.values.commitments ?? []) as Row[];
  const labels: Record<string, string> = {};
  for (const row of ROWS) {
    const legend = t("alliances.contribution", { n: row + 1 });
    labels[`commitments[${row}].kind`] = `${legend}, ${t("alliances.kind")}`;
    labels[`commitments[${row}].quantity`] = `${legend}, ${t("alliances.quantity")}`;
    labels[`commitments[${row}].description`] = `${legend}, ${t("alliances.description")}`;
  }
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("alliances.answer")}</h2>
      <p>{t("alliances.for", { name: partyName })}</p>
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="intent" value="answer" />
        <input type="hidden" name="partyId" value={partyId} />
        {answerFailure ? <ErrorSummary title={t("form.errorSummary")} message={answerFailure.general} fieldErrors={answerFailure.errors} labels={labels} /> : null}
        <p className="hint">{t("alliances.rowsHint")}</p>
        {ROWS.map((row) => (
          <fieldset key={row} className="field">
            <legend>{t("alliances.contribution", { n: row + 1 })}</legend>
            <CommitmentFields prefix={`commitments[${row}].`} ids={ids} failure={answerFailure} sent={rows[row]} constraint={constraint} required={false} />
          </fieldset>
        ))}
        <button type="submit">{t("alliances.accept")}</button>
      </Form>
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="intent" value="decline" />
        <input type="hidden" name="partyId" value={partyId} />
        {declineFailure ? <ErrorSummary title={t("form.errorSummary")} message={declineFailure.general} fieldErrors={declineFailure.errors} /> : null}
        <Field
          name="reason"
          id={fieldIds(declineFailure, `decline-${partyId}`)("reason")}
          label={t("ideaHistory.reason")}
          error={declineFailure?.errors.reason}
          constraints={{ maxLength: 1000 }}
          defaultValue={sentValue(declineFailure, "reason")}
        >
          {(control) => <textarea {...control} rows={2} />}
        </Field>
        <button type="submit" className="secondary">
          {t("alliances.decline")}
        </button>
      </Form>
    </section>
  );
}
