/**
 * A call's published results (evaluation.results) and a submitter's own scores
 * (evaluation.myScores), for the call's public page. Purely presentational: the page's loader
 * calls the procedures and hands their answers over as they are (Dates or, through json(), strings).
 */
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslation } from "~/i18n/react";
import { formatDateTime, htmlLang, type Locale } from "~/i18n";
import type { AppRouter } from "../../server/router";

type Outputs = inferRouterOutputs<AppRouter>;

/** An answer as it arrives either straight from the procedure or through Remix's json() (dates as strings). */
type Wire<T> = T extends Date ? Date | string : T extends readonly (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

export type CallResultsData = Wire<Outputs["evaluation"]["results"]>;
export type MyCallScoresData = Wire<Outputs["evaluation"]["myScores"]>;

interface Criterion {
  name: string;
  description: string;
  weight: number;
  maxScore: number;
}

/**
 * A rubric: each criterion with its description, weight and maximum. With a caption it is its own
 * scrollable region; without one it is named by the heading `labelledBy` of its section.
 */
export function CriteriaTable({ criteria, labelledBy, caption }: { criteria: readonly Criterion[]; labelledBy: string; caption?: string }) {
  const { t } = useTranslation();
  const table = (
    <table className="audit" aria-labelledby={caption ? undefined : labelledBy}>
      {caption ? <caption id={labelledBy}>{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{t("callResults.col.criterion")}</th>
          <th scope="col">{t("callResults.col.weight")}</th>
          <th scope="col">{t("callResults.col.maxScore")}</th>
        </tr>
      </thead>
      <tbody>
        {criteria.map((criterion) => (
          <tr key={criterion.name}>
            <th scope="row">
              {criterion.name}
              {criterion.description ? (
                <>
                  <br />
                  <span className="meta">{criterion.description}</span>
                </>
              ) : null}
            </th>
            <td>{t("callResults.weight", { weight: criterion.weight })}</td>
            <td>{criterion.maxScore}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  // A caption makes it a region of its own; inside a section named by its heading, a second region would repeat that name.
  return caption ? (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {table}
    </div>
  ) : (
    <div className="table-scroll">{table}</div>
  );
}

const scoreFormats = new Map<Locale, Intl.NumberFormat>();

/** A weighted score with two decimals in the page's language (79,50 in Spanish). */
export function formatScore(value: number, locale: Locale): string {
  let format = scoreFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(htmlLang(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    scoreFormats.set(locale, format);
  }
  return format.format(value);
}

type Level = 2 | 3;
function Heading({ level, id, children }: { level: Level | 4; id?: string; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return <Tag id={id}>{children}</Tag>;
}

/** The winners with their justification, how the ranking was computed (criteria and weights) and the ranked table, ties marked. */
export function CallResults({ results, level = 2 }: { results: CallResultsData; level?: Level }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const sub = (level + 1) as Level | 4;
  const id = `results-${results.call.id}`;
  return (
    <section aria-labelledby={`${id}-title`} className="call-results">
      <Heading level={level} id={`${id}-title`}>
        {t("callResults.title")}
      </Heading>
      {results.call.resultsPublishedAt ? <p className="meta">{t("callResults.publishedAt", { date: formatDateTime(results.call.resultsPublishedAt, locale) })}</p> : null}
      <Heading level={sub} id={`${id}-winners`}>
        {t("callResults.winners")}
      </Heading>
      {results.winners.length === 0 ? (
        <p>{t("callResults.noWinners")}</p>
      ) : (
        <ul className="rows" aria-labelledby={`${id}-winners`}>
          {results.winners.map((winner) => (
            <li key={winner.submissionId}>
              <p>
                <strong>
                  {winner.ideaId ? <Link to={`/ideas/${winner.ideaId}`}>{winner.ideaTitle}</Link> : winner.ideaTitle}
                </strong>{" "}
                <span className="meta">{t("callResults.by", { name: winner.organizationName ?? winner.authorName })}</span>
              </p>
              {winner.winnerJustification ? <p className="prose">{winner.winnerJustification}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <Heading level={sub}>{t("callResults.method")}</Heading>
      <p>{results.method.formula}</p>
      <p>{results.method.tieBreak}</p>
      <CriteriaTable criteria={results.criteria} labelledBy={`${id}-criteria`} caption={t("callResults.criteriaCaption")} />
      {results.ranking.length === 0 ? (
        <p>{t("callResults.empty")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-ranking`} tabIndex={0}>
          <table className="audit">
            <caption id={`${id}-ranking`}>{t("callResults.rankingCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("callResults.col.rank")}</th>
                <th scope="col">{t("callResults.col.idea")}</th>
                <th scope="col">{t("callResults.col.author")}</th>
                <th scope="col">{t("callResults.col.score")}</th>
                <th scope="col">{t("callResults.col.jurors")}</th>
                <th scope="col">{t("callResults.col.note")}</th>
              </tr>
            </thead>
            <tbody>
              {results.ranking.map((row) => (
                <tr key={row.submissionId}>
                  <td>{row.rank}</td>
                  <th scope="row">
                    {row.ideaId ? <Link to={`/ideas/${row.ideaId}`}>{row.ideaTitle}</Link> : row.ideaTitle}
                  </th>
                  <td>{row.organizationName ? `${row.authorName} (${row.organizationName})` : row.authorName}</td>
                  <td>{row.score === null ? t("callResults.noScore") : formatScore(row.score, locale)}</td>
                  <td>{row.jurorsScored}</td>
                  <td>{[row.isWinner ? t("callResults.winner") : null, row.tied ? t("callResults.tied") : null].filter(Boolean).join(" · ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The submitter's own scores: their place and score, then each juror ("Jurado 1"…) per criterion, value of maximum and comment. */
export function MyCallScores({ scores, level = 2 }: { scores: MyCallScoresData; level?: Level }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const id = `my-scores-${scores.submissionId}`;
  return (
    <section aria-labelledby={`${id}-title`} className="my-call-scores">
      <Heading level={level} id={`${id}-title`}>
        {t("callResults.myTitle")}
      </Heading>
      {scores.isWinner ? <p className="notice">{t("callResults.myWinner")}</p> : null}
      {scores.isWinner && scores.winnerJustification ? <p className="prose">{scores.winnerJustification}</p> : null}
      <p>
        {scores.score === null
          ? t("callResults.myNoScore")
          : t("callResults.myScore", { score: formatScore(scores.score, locale), rank: scores.rank ?? "—" })}
      </p>
      {scores.jurors.length === 0 ? (
        <p>{t("callResults.myNoJurors")}</p>
      ) : (
        scores.jurors.map((juror) => (
          <div key={juror.number} className="table-scroll" role="region" aria-labelledby={`${id}-${juror.number}`} tabIndex={0}>
            <table className="audit">
              <caption id={`${id}-${juror.number}`}>
                {juror.complete
                  ? t("callResults.jurorCaption", { label: juror.label, weighted: formatScore(juror.weighted, locale) })
                  : t("callResults.jurorIncomplete", { label: juror.label })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("callResults.col.criterion")}</th>
                  <th scope="col">{t("callResults.col.value")}</th>
                  <th scope="col">{t("callResults.col.comment")}</th>
                </tr>
              </thead>
              <tbody>
                {juror.scores.map((score) => (
                  <tr key={score.criterionId}>
                    <th scope="row">{score.criterionName}</th>
                    <td>{t("callResults.valueOf", { value: score.value, max: score.maxScore })}</td>
                    <td>{score.comment || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))
      )}
    </section>
  );
}
