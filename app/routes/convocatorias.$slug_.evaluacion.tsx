import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ScrollTable } from "~/components/scroll-table";
import { DoneNotice } from "~/components/done-notice";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatScore } from "~/components/call-results";
import { ErrorSummary, Field } from "~/components/form";
import { formatDate, formatDateTime, type Locale } from "~/i18n";
import { evaluationAdminAction, evaluationAdminPage } from "~/lib/evaluation.server";
import type { FormFailure } from "~/lib/forms";
import { intentFailure, type IntentFailure } from "~/lib/intent-failure";
import { metaTranslator, pageMeta } from "~/lib/meta";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

/*
 * `$slug_`: this page does not nest in the call's public page (/convocatorias/:slug, whose
 * list is convocatorias._index); it renders on its own under the root layout.
 */

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, data ? `${metaTranslator(matches)("evalAdmin.title")}: ${data.call.title}` : undefined);

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  return json(await evaluationAdminPage(context, request, params.slug ?? ""));
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  return evaluationAdminAction(context, request, params.slug ?? "");
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;


function General({ failure }: { failure: IntentFailure | null }) {
  return failure?.general ? (
    <p className="error" role="alert">
      {failure.general}
    </p>
  ) : null;
}

/** A refused form's summary: field errors link to their controls (`field-<name>`), a general one is its heading. */
function Summary({ failure }: { failure: IntentFailure | null }) {
  const { t } = useTranslation();
  if (!failure) return null;
  if (Object.keys(failure.errors).length === 0) return <General failure={failure} />;
  return <ErrorSummary title={t("form.errorSummary")} message={failure.general} fieldErrors={failure.errors} />;
}

const text = (value: unknown) => (typeof value === "string" ? value : undefined);
function rowValue(failure: IntentFailure | null, list: string, index: number, field: string): unknown {
  const rows = failure?.values[list];
  return Array.isArray(rows) ? (rows[index] as Record<string, unknown> | undefined)?.[field] : undefined;
}

function RubricSection({ data, result }: { data: Data; result: FormFailure | undefined }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { rubric, rubricRows, constraint } = data;
  const failure = intentFailure(result, "rubric");
  const limits = (field: string) => {
    const c = constraint.rubric[`criteria[].${field}`];
    return { minLength: c?.minLength, maxLength: c?.maxLength, min: c?.min, max: c?.max };
  };
  return (
    <section className="panel" aria-labelledby="rubric-title">
      <h2 id="rubric-title">{t("evalAdmin.rubric.title")}</h2>
      {rubric.criteria.length > 0 ? (
        <ScrollTable captionId="rubric-caption" caption={t("evalAdmin.rubric.caption")} columns={[t("evalAdmin.rubric.name"), t("evalAdmin.rubric.description"), t("evalAdmin.rubric.weight"), t("evalAdmin.rubric.maxScore")]}>
          {rubric.criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <td>{c.description || t("evalAdmin.none")}</td>
              <td>{c.weight}</td>
              <td>{c.maxScore}</td>
            </tr>
          ))}
        </ScrollTable>
      ) : (
        <p>{t("evalAdmin.rubric.empty")}</p>
      )}
      {rubric.criteria.length > 0 ? <p className="meta">{t("evalAdmin.rubric.total", { total: rubric.totalWeight })}</p> : null}
      {!rubric.editable ? (
        <p className="hint">{t("evalAdmin.rubric.locked")}</p>
      ) : (
        <Form method="post" noValidate className="stack" aria-labelledby="rubric-title">
          <input type="hidden" name="intent" value="rubric" />
          <p className="hint">{t("evalAdmin.rubric.lead", { rows: rubricRows })}</p>
          <Summary failure={failure} />
          <div id="field-criteria" tabIndex={-1} className="stack">
            {failure?.errors.criteria ? (
              <p className="error" id="field-criteria-error">
                {failure.errors.criteria}
              </p>
            ) : null}
            {Array.from({ length: rubricRows }, (_, i) => {
              const saved = rubric.criteria[i];
              const value = (field: "name" | "description" | "weight" | "maxScore") => {
                if (failure) return text(rowValue(failure, "criteria", i, field)) ?? "";
                return saved ? String(saved[field]) : undefined;
              };
              const field = (name: "name" | "description" | "weight" | "maxScore") => `criteria[${i}].${name}`;
              return (
                <fieldset key={i} className="field">
                  <legend>{t("evalAdmin.rubric.row", { number: i + 1 })}</legend>
                  <Field name={field("name")} label={t("evalAdmin.rubric.name")} error={failure?.errors[field("name")]} constraints={limits("name")} defaultValue={value("name")}>
                    {(p) => <input {...p} type="text" />}
                  </Field>
                  <Field
                    name={field("description")}
                    label={t("evalAdmin.rubric.description")}
                    error={failure?.errors[field("description")]}
                    constraints={limits("description")}
                    defaultValue={value("description")}
                  >
                    {(p) => <textarea {...p} rows={2} />}
                  </Field>
                  <Field name={field("weight")} label={t("evalAdmin.rubric.weight")} error={failure?.errors[field("weight")]} constraints={limits("weight")} defaultValue={value("weight")}>
                    {(p) => <input {...p} type="number" inputMode="numeric" step={1} />}
                  </Field>
                  <Field
                    name={field("maxScore")}
                    label={t("evalAdmin.rubric.maxScore")}
                    error={failure?.errors[field("maxScore")]}
                    constraints={limits("maxScore")}
                    defaultValue={value("maxScore")}
                  >
                    {(p) => <input {...p} type="number" inputMode="numeric" step={1} />}
                  </Field>
                </fieldset>
              );
            })}
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t("evalAdmin.rubric.submit")}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

function SubmissionsSection({ data }: { data: Data }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { submissions } = data;
  const items = submissions.items ?? [];
  return (
    <section className="panel" aria-labelledby="submissions-title">
      <h2 id="submissions-title">{t("evalAdmin.submissions.title")}</h2>
      <p>{t("evalAdmin.submissions.counts", { submitted: submissions.submitted, withdrawn: submissions.withdrawn })}</p>
      {items.length === 0 ? (
        <p>{t("evalAdmin.submissions.empty")}</p>
      ) : (
        <ScrollTable captionId="submissions-caption" caption={t("evalAdmin.submissions.caption")} columns={[t("evalAdmin.col.idea"), t("evalAdmin.col.submitter"), t("evalAdmin.col.organization"), t("evalAdmin.col.status"), t("evalAdmin.col.submittedAt"), t("evalAdmin.col.answers")]}>
          {items.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <Link to={`/ideas/${s.ideaId}`}>{s.ideaTitle}</Link>
              </th>
              <td>{s.submitterName}</td>
              <td>{s.organizationName ?? t("evalAdmin.none")}</td>
              <td>{t(`evalAdmin.status.${s.status}`)}</td>
              <td>{formatDate(s.submittedAt, locale)}</td>
              <td>
                {s.answers.length === 0 ? (
                  t("evalAdmin.none")
                ) : (
                  <details>
                    <summary>
                      {t("evalAdmin.showAnswers")}
                      <span className="visually-hidden"> — {s.ideaTitle}</span>
                    </summary>
                    <dl>
                      {s.answers.map((a) => (
                        <div key={a.questionId}>
                          <dt>{a.prompt}</dt>
                          <dd className="prose">{a.answer}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}

function ProgressSection({ data }: { data: Data }) {
  const { t } = useTranslation();
  const { progress } = data;
  return (
    <section className="panel" aria-labelledby="progress-title">
      <h2 id="progress-title">{t("evalAdmin.progress.title")}</h2>
      {progress.jurors.length === 0 ? (
        <p>{t("evalAdmin.progress.empty")}</p>
      ) : (
        <ScrollTable captionId="progress-caption" caption={t("evalAdmin.progress.caption")} columns={[t("evalAdmin.col.juror"), t("evalAdmin.col.organization"), t("evalAdmin.col.progress")]}>
          {progress.jurors.map((j) => (
            <tr key={j.jurorId}>
              <th scope="row">{j.name}</th>
              <td>{j.organizationName ?? t("evalAdmin.none")}</td>
              <td>{t("evalAdmin.progress.value", { scored: j.scored, total: j.total })}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <h3 id="conflicts-title">{t("evalAdmin.conflicts.title")}</h3>
      {progress.conflicts.length === 0 ? (
        <p>{t("evalAdmin.conflicts.empty")}</p>
      ) : (
        <>
          <p className="hint">{t("evalAdmin.conflicts.lead")}</p>
          <ul aria-labelledby="conflicts-title">
            {progress.conflicts.map((c) => {
              const reasons = [
                c.answersForIt ? t("evalAdmin.conflicts.answersForIt") : null,
                c.organizations.length > 0 ? t("evalAdmin.conflicts.organizations", { names: c.organizations.join(", ") }) : null,
              ].filter(Boolean);
              return (
                <li key={`${c.jurorId}:${c.submissionId}`}>
                  {t("evalAdmin.conflicts.item", { juror: c.jurorName, idea: c.ideaTitle, reason: reasons.join("; ") })}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function RankingSection({ data }: { data: Data }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { ranking } = data;
  return (
    <section className="panel" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{t("evalAdmin.ranking.title")}</h2>
      <h3>{t("callResults.method")}</h3>
      <p>{ranking.method.formula}</p>
      <p>{ranking.method.tieBreak}</p>
      {ranking.items.length === 0 ? (
        <p>{t("evalAdmin.ranking.empty")}</p>
      ) : (
        <ScrollTable captionId="ranking-caption" caption={t("evalAdmin.ranking.caption")} columns={[t("callResults.col.rank"), t("callResults.col.idea"), t("callResults.col.score"), t("callResults.col.jurors"), t("evalAdmin.col.jurors"), t("callResults.col.note")]}>
          {ranking.items.map((item) => (
            <tr key={item.submissionId}>
              <td>{item.rank}</td>
              <th scope="row">
                <Link to={`/ideas/${item.ideaId}`}>{item.ideaTitle}</Link>
                <br />
                <span className="meta">{t("callResults.by", { name: item.organizationName ?? item.authorName })}</span>
              </th>
              <td>{item.score === null ? t("callResults.noScore") : formatScore(item.score, locale)}</td>
              <td>{item.jurorsScored}</td>
              <td>
                {item.jurors.length === 0 ? (
                  t("evalAdmin.none")
                ) : (
                  <ul className="plain">
                    {item.jurors.map((j) => (
                      <li key={j.jurorId}>
                        {j.jurorName}: {formatScore(j.weighted, locale)}
                        {j.complete ? null : ` (${t("evalAdmin.incomplete")})`}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {[item.isWinner ? t("callResults.winner") : null, item.tied ? t("callResults.tied") : null].filter(Boolean).join(" · ") ||
                  t("evalAdmin.none")}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}

function WinnersSection({ data, result }: { data: Data; result: FormFailure | undefined }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { call, ranking, constraint } = data;
  const failure = intentFailure(result, "winners");
  const justificationMax = constraint.winners["candidates[].justification"]?.maxLength;
  return (
    <section className="panel" aria-labelledby="winners-title">
      <h2 id="winners-title">{t("evalAdmin.winners.title")}</h2>
      {call.phase === "APPROVED" || call.phase === "OPEN" ? (
        <p>{t("evalAdmin.winners.notYet")}</p>
      ) : call.phase !== "EVALUATION" ? (
        <p>{t("evalAdmin.winners.published")}</p>
      ) : ranking.items.length === 0 ? (
        <p>{t("evalAdmin.ranking.empty")}</p>
      ) : (
        <Form method="post" noValidate className="stack" aria-labelledby="winners-title">
          <input type="hidden" name="intent" value="winners" />
          <p className="hint">{t("evalAdmin.winners.lead")}</p>
          <Summary failure={failure} />
          {failure?.errors.winners ? (
            <p className="error" id="field-winners" tabIndex={-1}>
              {failure.errors.winners}
            </p>
          ) : null}
          {ranking.items.map((item, i) => {
            const checked = failure ? rowValue(failure, "candidates", i, "winner") === "on" : item.isWinner;
            const justification = failure ? (text(rowValue(failure, "candidates", i, "justification")) ?? "") : (item.winnerJustification ?? "");
            const name = `candidates[${i}].justification`;
            return (
              <fieldset key={item.submissionId} className="field">
                <legend>
                  {item.rank}. {item.ideaTitle}
                </legend>
                <input type="hidden" name={`candidates[${i}].submissionId`} value={item.submissionId} />
                <label className="choice">
                  <input type="checkbox" name={`candidates[${i}].winner`} id={`field-candidates[${i}].winner`} defaultChecked={checked} />{" "}
                  {t("evalAdmin.winners.choose", { title: item.ideaTitle })}
                </label>
                <Field
                  name={name}
                  label={t("evalAdmin.winners.justification", { title: item.ideaTitle })}
                  hint={t("evalAdmin.winners.justificationHint")}
                  error={failure?.errors[name]}
                  constraints={{ maxLength: justificationMax }}
                  defaultValue={justification}
                >
                  {(p) => <textarea {...p} rows={3} />}
                </Field>
              </fieldset>
            );
          })}
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t("evalAdmin.winners.submit")}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

function PublishSection({ data, result }: { data: Data; result: FormFailure | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const busy = useNavigation().state === "submitting";
  const { call, ranking } = data;
  const publishFailure = intentFailure(result, "publish");
  const closeFailure = intentFailure(result, "close");
  if (call.phase === "RESULTS_PUBLISHED") {
    return (
      <section className="panel" aria-labelledby="close-title">
        <h2 id="close-title">{t("evalAdmin.close.title")}</h2>
        {call.resultsPublishedAt ? <p>{t("evalAdmin.publish.done", { date: formatDateTime(call.resultsPublishedAt, locale) })}</p> : null}
        <p>{t("evalAdmin.close.lead")}</p>
        <General failure={closeFailure} />
        <Form method="post">
          <input type="hidden" name="intent" value="close" />
          <button type="submit" className="secondary" disabled={busy}>
            {t("evalAdmin.close.submit")}
          </button>
        </Form>
      </section>
    );
  }
  if (call.phase === "CLOSED") return <p className="notice">{t("evalAdmin.closed")}</p>;
  if (call.phase !== "EVALUATION") return null;
  const winners = ranking.items.filter((item) => item.isWinner).length;
  return (
    <section className="panel" aria-labelledby="publish-title">
      <h2 id="publish-title">{t("evalAdmin.publish.title")}</h2>
      <p className="notice">{t("evalAdmin.publish.warning")}</p>
      {winners === 0 ? (
        <p>{t("evalAdmin.publish.needWinners")}</p>
      ) : (
        <Form method="post" noValidate className="stack" aria-labelledby="publish-title">
          <input type="hidden" name="intent" value="publish" />
          <Summary failure={publishFailure} />
          <div className={publishFailure?.errors.confirm ? "field has-error" : "field"}>
            {publishFailure?.errors.confirm ? (
              <p className="error" id="field-confirm-error">
                {publishFailure.errors.confirm}
              </p>
            ) : null}
            <label className="choice">
              <input
                type="checkbox"
                name="confirm"
                id="field-confirm"
                aria-invalid={publishFailure?.errors.confirm ? true : undefined}
                aria-describedby={publishFailure?.errors.confirm ? "field-confirm-error" : undefined}
              />{" "}
              {t("evalAdmin.publish.confirm")}
            </label>
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t("evalAdmin.publish.submit")}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

export default function CallEvaluationPage() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const locale = i18n.language as Locale;
  const { call } = data;
  return (
    <section className="page" aria-labelledby="evaluation-title">
      <p>
        <Link to={`/convocatorias/${call.slug}`}>{t("evalAdmin.viewCall")}</Link> ·{" "}
        <Link to={`/convocatorias/${call.slug}/participantes`}>{t("evalAdmin.participants")}</Link>
      </p>
      <h1 id="evaluation-title">
        {t("evalAdmin.title")}: {call.title}
      </h1>
      <p className="lead">{t("evalAdmin.lead", { title: call.title })}</p>
      <p className="meta">
        {t("evalAdmin.phase", { phase: t(`callPhase.${call.phase}` as never) })}
        <br />
        {t("evalAdmin.dates", {
          closes: formatDateTime(call.closesAt, locale),
          ends: formatDateTime(call.evaluationEndsAt, locale),
          results: formatDate(call.resultsAt, locale),
        })}
      </p>
      <DoneNotice prefix="evalAdmin.done." />
      <RubricSection data={data} result={result} />
      <SubmissionsSection data={data} />
      <ProgressSection data={data} />
      <RankingSection data={data} />
      <WinnersSection data={data} result={result} />
      <PublishSection data={data} result={result} />
    </section>
  );
}
