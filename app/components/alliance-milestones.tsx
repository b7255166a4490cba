import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary, Field, RecordSelect } from "~/components/form";
import { formatDateTime, type Locale } from "~/i18n";
import { fieldIds, limits, sentValue } from "~/lib/alliance-format";
import { longDayLabel } from "~/lib/booking-format";
import type { FormConstraint, FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";

export interface MilestoneView {
  id: string;
  title: string;
  description: string;
  dueDate: string;
  status: string;
  progress: number;
  ownerPartyId: string;
  updates: { id: string; progress: number; status: string; note: string; createdAt: string; author: string }[];
}

function ReportProgress({ milestone, result, constraint }: { milestone: MilestoneView; result: FormFailure | undefined; constraint: FormConstraint }) {
  const { t } = useTranslation();
  const failure = intentFailure(result, "report", { milestoneId: milestone.id });
  const ids = fieldIds(failure, `report-${milestone.id}`);
  return (
    <details open={failure !== null}>
      <summary>{t("alliances.report")}</summary>
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="intent" value="report" />
        <input type="hidden" name="milestoneId" value={milestone.id} />
        {failure ? (
          <ErrorSummary
            title={t("form.errorSummary")}
            message={failure.general}
            fieldErrors={failure.errors}
            labels={{ progress: t("alliances.progress"), note: t("callResults.col.note") }}
          />
        ) : null}
        <Field
          name="progress"
          id={ids("progress")}
          label={t("alliances.progress")}
          error={failure?.errors.progress}
          required
          constraints={limits(constraint.progress)}
          defaultValue={sentValue(failure, "progress") ?? String(milestone.progress)}
        >
          {(control) => <input {...control} type="number" inputMode="numeric" step={1} />}
        </Field>
        <label className="choice">
          <input type="checkbox" name="done" id={ids("done")} defaultChecked={failure?.values.done === "on"} /> {t("alliances.done")}
        </label>
        <Field
          name="note"
          id={ids("note")}
          label={t("callResults.col.note")}
          error={failure?.errors.note}
          required
          constraints={limits(constraint.note)}
          defaultValue={sentValue(failure, "note")}
        >
          {(control) => <textarea {...control} rows={2} />}
        </Field>
        <button type="submit">{t("alliances.report")}</button>
      </Form>
    </details>
  );
}

/** Each milestone with its due date (Bogotá), who is in charge, its progress and the history of its updates. */
export function AllianceMilestones({
  milestones,
  owners,
  canReport,
  result,
  constraint,
}: {
  milestones: MilestoneView[];
  owners: Record<string, string>;
  canReport: boolean;
  result: FormFailure | undefined;
  constraint: FormConstraint;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <section aria-labelledby="milestones-title">
      <h2 id="milestones-title">{t("alliances.milestonesTitle")}</h2>
      {milestones.length === 0 ? <p>{t("alliances.none")}</p> : null}
      <ul className="rows">
        {milestones.map((milestone) => (
          <li key={milestone.id}>
            <h3>{milestone.title}</h3>
            <p className="tags">
              <span className={milestone.status === "LATE" ? "tag status attention" : "tag status"}>{t(`milestoneStatus.${milestone.status}`)}</span>
            </p>
            <p className="meta">
              <time dateTime={milestone.dueDate}>{t("alliances.due", { date: longDayLabel(milestone.dueDate, locale) })}</time> · {t("alliances.owner")}:{" "}
              {owners[milestone.ownerPartyId] ?? ""}
            </p>
            {milestone.description ? <p>{milestone.description}</p> : null}
            <p>
              <label htmlFor={`progress-${milestone.id}`}>{t("alliances.progress")}</label>{" "}
              <progress id={`progress-${milestone.id}`} max={100} value={milestone.progress}>
                {milestone.progress} %
              </progress>{" "}
              {milestone.progress} %
            </p>
            {milestone.updates.length > 0 ? (
              <details>
                <summary>
                  {t("alliances.history")} ({milestone.updates.length})
                </summary>
                <ol className="timeline">
                  {milestone.updates.map((update) => (
                    <li key={update.id}>
                      <p>
                        <time dateTime={update.createdAt}>{formatDateTime(update.createdAt, locale)}</time> · {update.author} · {update.progress} %
                        {update.status === "DONE" ? ` · ${t("milestoneStatus.DONE")}` : ""}
                      </p>
                      <p>{update.note}</p>
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
            {canReport ? <ReportProgress milestone={milestone} result={result} constraint={constraint} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The alliance's lead plans a milestone, in charge of a party that accepted. */
export function AddMilestone({ parties, result, constraint }: { parties: { id: string; name: string }[]; result: FormFailure | undefined; constraint: FormConstraint }) {
  const { t } = useTranslation();
  const failure = intentFailure(result, "milestone");
  const ids = fieldIds(failure, "milestone");
  const labels = { ownerPartyId: t("alliances.owner"), title: t("alliances.milestoneTitle"), description: t("alliances.details"), dueDate: t("alliances.dueDate") };
  return (
    <section className="panel" aria-labelledby="add-milestone-title">
      <h2 id="add-milestone-title">{t("alliances.addMilestone")}</h2>
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="intent" value="milestone" />
        {failure ? <ErrorSummary title={t("form.errorSummary")} message={failure.general} fieldErrors={failure.errors} labels={labels} /> : null}
        <Field name="ownerPartyId" id={ids("ownerPartyId")} label={labels.ownerPartyId} error={failure?.errors.ownerPartyId} required>
          {(control) => <RecordSelect control={control} records={parties} defaultValue={sentValue(failure, "ownerPartyId")} />}
        </Field>
        <Field
          name="title"
          id={ids("title")}
          label={labels.title}
          error={failure?.errors.title}
          required
          constraints={limits(constraint.title)}
          defaultValue={sentValue(failure, "title")}
        >
          {(control) => <input {...control} type="text" />}
        </Field>
        <Field
          name="description"
          id={ids("description")}
          label={labels.description}
          error={failure?.errors.description}
          constraints={limits(constraint.description)}
          defaultValue={sentValue(failure, "description")}
        >
          {(control) => <textarea {...control} rows={2} />}
        </Field>
        <Field name="dueDate" id={ids("dueDate")} label={labels.dueDate} error={failure?.errors.dueDate} required defaultValue={sentValue(failure, "dueDate")}>
          {(control) => <input {...control} type="date" />}
        </Field>
        <button type="submit">{t("alliances.addMilestone")}</button>
      </Form>
    </section>
  );
}
