/**
 * The ranking of a call's submissions, for the Secretariat (with each juror's score) and, once
 * results are published, for everyone (scores only) and each submitter (their own scores and
 * comments, jurors anonymized).
 *
 * A juror's score of a submission is Σ over criteria of value ÷ maxScore × weight (0–100; weights
 * add up to 100). A submission's score is the mean over the jurors who scored every criterion,
 * rounded to two decimals (in SQL, exact decimals). Order: score (highest first; unscored last),
 * then more jurors who scored it, then submitted earlier, then id (a total order).
 */
import { PUBLIC_STATES } from "../idea/lifecycle";
import type { Actor } from "../authz/actor";
import { can } from "../authz/policy";
import { Prisma, queryRows, type DbClient } from "../db/client";
import type { CallStatus } from "../db/generated/enums";
import { translate } from "../i18n/messages";
import type { Locale } from "../i18n/locale";
import { AppError } from "../trpc/errors";
import { loadCallRecord, loadSubmissionRecord } from "./records";
import { criteriaOf, type CriterionView } from "./rubric";

export interface JurorTotal {
  jurorId: string;
  jurorName: string;
  /** Σ value ÷ maxScore × weight over the criteria they scored, two decimals. */
  weighted: number;
  /** They scored every criterion: only then their score counts. */
  complete: boolean;
}

export interface RankedSubmission {
  /** 1, 2, 3… after the tie-break (no shared ranks). */
  rank: number;
  submissionId: string;
  ideaId: string;
  ideaTitle: string;
  /** Whether the idea is in a public state now (the Secretariat may have hidden it since). */
  ideaIsPublic: boolean;
  authorName: string;
  organizationName: string | null;
  submittedAt: Date;
  /** Mean of complete jurors' scores, two decimals; null when no juror scored it completely. */
  score: number | null;
  jurorsScored: number;
  /** Another submission has the same score: the tie-break decided their order. */
  tied: boolean;
  isWinner: boolean;
  winnerJustification: string | null;
  jurors: JurorTotal[];
}

export interface RankingMethod {
  formula: string;
  tieBreak: string;
}

export function rankingMethod(locale: Locale): RankingMethod {
  return { formula: translate(locale, "evaluation.method.formula"), tieBreak: translate(locale, "evaluation.method.tieBreak") };
}

async function computeRanking(db: DbClient, callId: string): Promise<RankedSubmission[]> {
  const rows = await queryRows<Omit<RankedSubmission, "rank" | "tied">>(
    db,
    Prisma.sql`
      WITH crit AS (SELECT cr."id", cr."weight", cr."maxScore" FROM "CallCriterion" cr WHERE cr."callId" = ${callId}::uuid),
      per_juror AS (
        SELECT sc."submissionId", sc."jurorId",
               sum((sc."value" * cr."weight")::numeric / cr."maxScore") AS "weighted",
               count(*) = (SELECT count(*) FROM crit) AS "complete"
          FROM "Score" sc JOIN crit cr ON cr."id" = sc."criterionId"
         WHERE sc."callId" = ${callId}::uuid
         GROUP BY sc."submissionId", sc."jurorId"
      )
      SELECT s."id" AS "submissionId", s."ideaId", i."title" AS "ideaTitle", i."status"::text = ANY(${[...PUBLIC_STATES]}::text[]) AS "ideaIsPublic",
             u."name" AS "authorName", o."name" AS "organizationName",
             s."submittedAt", s."isWinner", s."winnerJustification",
             round(avg(pj."weighted") FILTER (WHERE pj."complete"), 2)::float8 AS "score",
             count(pj."jurorId") FILTER (WHERE pj."complete")::int AS "jurorsScored",
             COALESCE(json_agg(json_build_object('jurorId', pj."jurorId", 'jurorName', ju."name", 'weighted', round(pj."weighted", 2)::float8,
                                                 'complete', pj."complete") ORDER BY ju."name", pj."jurorId")
                        FILTER (WHERE pj."jurorId" IS NOT NULL), '[]'::json) AS "jurors"
        FROM "CallSubmission" s
        JOIN "Idea" i ON i."id" = s."ideaId"
        JOIN "User" u ON u."id" = s."submitterId"
        LEFT JOIN "Organization" o ON o."id" = s."organizationId"
        LEFT JOIN per_juror pj ON pj."submissionId" = s."id"
        LEFT JOIN "User" ju ON ju."id" = pj."jurorId"
       WHERE s."callId" = ${callId}::uuid AND s."status" = 'SUBMITTED'
       GROUP BY s."id", i."title", i."status", u."name", o."name"
       ORDER BY "score" DESC NULLS LAST, "jurorsScored" DESC, s."submittedAt" ASC, s."id" ASC`,
  );
  return rows.map((row, i) => ({
    rank: i + 1,
    ...row,
    tied: row.score !== null && (rows[i - 1]?.score === row.score || rows[i + 1]?.score === row.score),
  }));
}

/** The Secretariat's ranking: every submission with each juror's score, the criteria and the method. */
export async function secretariatRanking(db: DbClient, callId: string, locale: Locale) {
  const call = await loadCallRecord(db, callId);
  if (!call) throw new AppError("NOT_FOUND", "evaluation.callNotFound");
  return { callId, method: rankingMethod(locale), criteria: await criteriaOf(db, callId), items: await computeRanking(db, callId) };
}

const PUBLISHED: readonly CallStatus[] = ["RESULTS_PUBLISHED", "CLOSED"];

/** A row of the public results: an idea hidden by moderation keeps its rank and score, not its title, author or link. */
export type PublicRankedSubmission = Omit<RankedSubmission, "jurors" | "ideaId"> & { ideaId: string | null };

/** A call's published results, for everyone: winners with the justification, the method, the criteria and the ranking. */
export async function publishedResults(db: DbClient, callId: string, locale: Locale) {
  const call = await db.call.findUnique({
    where: { id: callId },
    select: { id: true, title: true, slug: true, status: true, resultsPublishedAt: true },
  });
  if (!call || !["APPROVED", ...PUBLISHED].includes(call.status)) throw new AppError("NOT_FOUND", "evaluation.callNotFound");
  if (!PUBLISHED.includes(call.status)) throw new AppError("NOT_FOUND", "evaluation.resultsNotPublished");
  const ranking: PublicRankedSubmission[] = (await computeRanking(db, callId)).map(({ jurors: _jurors, ...item }) =>
    item.ideaIsPublic
      ? item
      : { ...item, ideaId: null, ideaTitle: translate(locale, "evaluation.ideaHidden"), authorName: translate(locale, "evaluation.authorWithheld"), organizationName: null },
  );
  const criteria = (await criteriaOf(db, callId)).map(({ id: _id, ...c }) => c);
  return {
    call: { id: call.id, title: call.title, slug: call.slug, status: call.status, resultsPublishedAt: call.resultsPublishedAt },
    method: rankingMethod(locale),
    criteria,
    winners: ranking.filter((r) => r.isWinner),
    ranking,
  };
}

interface MyScoreRow {
  number: number;
  criterionId: string;
  value: number;
  comment: string;
}

/**
 * A submitter's own submission's scores and comments, once results are published. Jurors are
 * "Jurado 1", "Jurado 2"… numbered in the order they were assigned to the call, the same numbers
 * for every submission of the call.
 */
export async function mySubmissionScores(db: DbClient, actor: Actor, submissionId: string, locale: Locale) {
  const record = await loadSubmissionRecord(db, submissionId);
  if (!record || !can(actor, "evaluation.myScores", record)) throw new AppError("NOT_FOUND", "submission.notFound");
  if (!PUBLISHED.includes(record.call.status)) throw new AppError("NOT_FOUND", "evaluation.resultsNotPublished");
  const criteria: CriterionView[] = await criteriaOf(db, record.callId);
  const rows = await queryRows<MyScoreRow>(
    db,
    Prisma.sql`
      WITH numbered AS (
        SELECT j."userId", row_number() OVER (ORDER BY j."createdAt", j."userId")::int AS "number"
          FROM "CallJuror" j WHERE j."callId" = ${record.callId}::uuid
      )
      SELECT n."number", sc."criterionId", sc."value", sc."comment"
        FROM "Score" sc JOIN numbered n ON n."userId" = sc."jurorId"
       WHERE sc."submissionId" = ${submissionId}::uuid
       ORDER BY n."number"`,
  );
  const position = new Map(criteria.map((c) => [c.id, c]));
  const numbers = [...new Set(rows.map((r) => r.number))];
  const jurors = numbers.map((number) => {
    const scores = rows
      .filter((r) => r.number === number)
      .map((r) => ({ ...r, criterion: position.get(r.criterionId)! }))
      .sort((a, b) => a.criterion.position - b.criterion.position)
      .map((r) => ({ criterionId: r.criterionId, criterionName: r.criterion.name, value: r.value, maxScore: r.criterion.maxScore, weight: r.criterion.weight, comment: r.comment }));
    const weighted = Math.round(scores.reduce((sum, s) => sum + (s.value * s.weight) / s.maxScore, 0) * 100) / 100;
    return { number, label: translate(locale, "evaluation.jurorLabel", { number }), complete: scores.length === criteria.length, weighted, scores };
  });
  const ranked = (await computeRanking(db, record.callId)).find((r) => r.submissionId === submissionId);
  return {
    submissionId,
    callId: record.callId,
    score: ranked?.score ?? null,
    rank: ranked?.rank ?? null,
    isWinner: ranked?.isWinner ?? false,
    winnerJustification: ranked?.isWinner ? ranked.winnerJustification : null,
    method: rankingMethod(locale),
    criteria,
    jurors,
  };
}
