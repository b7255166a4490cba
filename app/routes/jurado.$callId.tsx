import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { JuryScoreForm, JuryScoresTable } from "~/components/jury-score-form";
import { formatDate, formatDateTime, type Locale } from "~/i18n";
import { juryAction, juryCallPage } from "~/lib/evaluation.server";
import { intentFailure } from "~/lib/intent-failure";
import { metaTranslator, pageMeta } from "~/lib/meta";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, data ? `${metaTranslator(matches)("jury.title")}: ${data.call.title}` : undefined);

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  return json(await juryCallPage(context, request, params.callId ?? ""));
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  return juryAction(context, request, params.callId ?? "");
}

type Call = ReturnType<typeof useLoaderData<typeof loader>>["call"];

/** Where the call stands for its jurors: before closing, scoring, evaluation over, results out. */
function PhaseNotice({ call }: { call: Call }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  let text: string;
  if (call.phase === "APPROVED" || call.phase === "OPEN") text = t("jury.notClosed", { date: formatDateTime(call.closesAt, locale) });
  else if (call.phase === "EVALUATION" && call.canScore) {
    text = call.criteria.length === 0 ? t("jury.noRubric") : t("jury.scoringOpen", { date: formatDateTime(call.evaluationEndsAt, locale) });
  } else if (call.phase === "EVALUATION") text = t("jury.evaluationEnded", { date: formatDateTime(call.evaluationEndsAt, locale) });
  else if (call.phase === "RESULTS_PUBLISHED" || call.phase === "CLOSED") text = t("jury.resultsPublished");
  else text = t("jury.notActive");
  return <p className="notice">{text}</p>;
}

export default function JuryCallPage() {
  const { t, i18n } = useTranslation();
  const { call, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const locale = i18n.language as Locale;
  const saved = call.submissions.find((s) => s.id === params.get("hecho"));
  const scoring = call.canScore && call.criteria.length > 0;
  return (
    <section className="page" aria-labelledby="jury-call-title">
      <p>
        <Link to="/jurado">{t("jury.back")}</Link> · <Link to={`/convocatorias/${call.slug}`}>{t("jury.viewCall")}</Link>
      </p>
      <h1 id="jury-call-title">{call.title}</h1>
      <p className="meta">
        {t(`callPhase.${call.phase}` as never)} · {t("jury.closes", { date: formatDateTime(call.closesAt, locale) })} ·{" "}
        {t("jury.evaluationEnds", { date: formatDateTime(call.evaluationEndsAt, locale) })}
      </p>
      {saved ? (
        <p className="notice" role="status">
          {t("jury.done", { title: saved.ideaTitle })}
        </p>
      ) : null}
      <PhaseNotice call={call} />
      <p className="hint">{t("jury.conflictRule")}</p>
      {call.phase === "APPROVED" || call.phase === "OPEN" ? null : (
        <>
          <h2 id="jury-submissions-title">{t("jury.submissionsTitle")}</h2>
          <p>{t("jury.progress", { scored: call.progress.scored, total: call.progress.total })}</p>
          {call.submissions.length === 0 ? (
            <p>{t("jury.noSubmissions")}</p>
          ) : (
            <ul className="rows" aria-labelledby="jury-submissions-title">
              {call.submissions.map((submission) => (
                <li key={submission.id}>
                  <article id={`postulacion-${submission.id}`} aria-labelledby={`idea-${submission.id}`} className="panel">
                    <h3 id={`idea-${submission.id}`}>
                      <Link to={`/ideas/${submission.ideaId}`}>{submission.ideaTitle}</Link>
                    </h3>
                    <p className="meta">
                      {submission.complete ? t("jury.scored") : t("jury.pending")} ·{" "}
                      {t("jury.submittedAt", { date: formatDate(submission.submittedAt, locale) })}
                      {submission.organizationName ? <> · {t("jury.organization", { name: submission.organizationName })}</> : null}
                    </p>
                    <p>{submission.ideaSummary}</p>
                    <h4>{t("jury.answers")}</h4>
                    {submission.answers.length === 0 ? (
                      <p>{t("jury.noAnswers")}</p>
                    ) : (
                      <dl>
                        {submission.answers.map((answer) => (
                          <div key={answer.questionId}>
                            <dt>{answer.prompt}</dt>
                            <dd className="prose">{answer.answer}</dd>
                          </div>
                        ))}
                      </dl>
                    )}
                    {scoring ? (
                      <JuryScoreForm
                        submissionId={submission.id}
                        ideaTitle={submission.ideaTitle}
                        criteria={call.criteria}
                        saved={submission.myScores}
                        constraint={constraint}
                        failure={intentFailure(result, "score", { submissionId: submission.id })}
                      />
                    ) : (
                      <JuryScoresTable
                        ideaTitle={submission.ideaTitle}
                        criteria={call.criteria}
                        saved={submission.myScores}
                        captionId={`scores-${submission.id}`}
                      />
                    )}
                  </article>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
