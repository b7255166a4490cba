/** Jurors' work: their queue (/jurado), scoring a submission, and the Secretariat's view of their progress and conflicts. */
import type { Actor } from "../authz/actor";
import { can } from "../authz/policy";
import { callIsScoringSql, callPhaseSql, type CallPhase } from "../call/phase";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import { withConstraintMessages } from "../db/errors";
import { AppError, fieldError } from "../trpc/errors";
import { conflictOfInterestSql, conflictOrganizationsSql } from "./conflict";
import { loadCallRecord, loadSubmissionRecord } from "./records";
import { criteriaOf, type CriterionView } from "./rubric";
import type { ScoreInput } from "./schemas";

export interface JurorScore {
  criterionId: string;
  value: number;
  comment: string;
}

export interface QueueSubmission {
  id: string;
  ideaId: string;
  ideaTitle: string;
  ideaSummary: string;
  organizationName: string | null;
  submittedAt: Date;
  answers: { questionId: string; position: number; prompt: string; answer: string }[];
  /** The caller's own scores (never another juror's). */
  myScores: JurorScore[];
  /** Every criterion scored by the caller. */
  complete: boolean;
}

export interface QueueCall {
  callId: string;
  title: string;
  slug: string;
  phase: CallPhase;
  closesAt: Date;
  evaluationEndsAt: Date;
  /** Scoring is open now (database clock): closesAt ≤ now < evaluationEndsAt, call APPROVED. */
  canScore: boolean;
  criteria: CriterionView[];
  /** Empty until the call closes; never the submissions the caller has a conflict of interest with. */
  submissions: QueueSubmission[];
  progress: { scored: number; total: number };
}

const visibleToJurors = Prisma.sql`c."status" IN ('APPROVED', 'RESULTS_PUBLISHED', 'CLOSED') AND cocrea_now() >= c."closesAt"`;

/** The calls the caller judges, with the submissions they may score and their progress. */
export async function jurorQueue(db: DbClient, actor: Actor, callId?: string): Promise<QueueCall[]> {
  const byCall = callId ? Prisma.sql`AND c."id" = ${callId}::uuid` : Prisma.empty;
  const calls = await queryRows<Omit<QueueCall, "submissions" | "progress">>(
    db,
    Prisma.sql`
      SELECT c."id" AS "callId", c."title", c."slug", ${callPhaseSql("c")} AS "phase", c."closesAt", c."evaluationEndsAt",
             ${callIsScoringSql("c")} AS "canScore",
             COALESCE((SELECT json_agg(json_build_object('id', cr."id", 'position', cr."position", 'name', cr."name",
                                       'description', cr."description", 'weight', cr."weight", 'maxScore', cr."maxScore") ORDER BY cr."position")
                         FROM "CallCriterion" cr WHERE cr."callId" = c."id"), '[]'::json) AS "criteria"
        FROM "CallJuror" j JOIN "Call" c ON c."id" = j."callId"
       WHERE j."userId" = ${actor.id}::uuid ${byCall}
       ORDER BY c."closesAt" DESC, c."id"`,
  );
  if (calls.length === 0) return [];
  const me = Prisma.sql`${actor.id}::uuid`;
  const submissions = await queryRows<QueueSubmission & { callId: string }>(
    db,
    Prisma.sql`
      SELECT s."id", s."callId", s."ideaId", i."title" AS "ideaTitle", i."summary" AS "ideaSummary", o."name" AS "organizationName", s."submittedAt",
             COALESCE((SELECT json_agg(json_build_object('questionId', q."id", 'position', q."position", 'prompt', q."prompt", 'answer', a."answer") ORDER BY q."position")
                         FROM "SubmissionAnswer" a JOIN "CallQuestion" q ON q."id" = a."questionId" WHERE a."submissionId" = s."id"), '[]'::json) AS "answers",
             COALESCE((SELECT json_agg(json_build_object('criterionId', sc."criterionId", 'value', sc."value", 'comment', sc."comment"))
                         FROM "Score" sc WHERE sc."submissionId" = s."id" AND sc."jurorId" = ${me}), '[]'::json) AS "myScores"
        FROM "CallSubmission" s
        JOIN "CallJuror" j ON j."callId" = s."callId" AND j."userId" = ${me}
        JOIN "Call" c ON c."id" = s."callId"
        JOIN "Idea" i ON i."id" = s."ideaId"
        LEFT JOIN "Organization" o ON o."id" = s."organizationId"
       WHERE s."status" = 'SUBMITTED' AND ${visibleToJurors} ${byCall}
         AND NOT ${conflictOfInterestSql(me, "s")}
       ORDER BY s."submittedAt", s."id"`,
  );
  return calls.map((call) => {
    const own = submissions
      .filter((s) => s.callId === call.callId)
      .map(({ callId: _callId, ...s }) => ({ ...s, complete: call.criteria.length > 0 && s.myScores.length === call.criteria.length }));
    return { ...call, submissions: own, progress: { scored: own.filter((s) => s.complete).length, total: own.length } };
  });
}

interface ScoreCheck {
  scoring: boolean;
  submitted: boolean;
  juror: boolean;
  conflict: boolean;
  saved: number;
}

/**
 * A juror's scores of one submission, every criterion at once (replacing their previous ones).
 * One statement checks, by the database clock, that scoring is open, that the caller is still a
 * juror of the call without a conflict of interest with the submission, and writes. A submission
 * the juror may not score is "not found", as in their queue.
 */
export async function scoreSubmission(db: DbClient, actor: Actor, input: ScoreInput) {
  const record = await loadSubmissionRecord(db, input.submissionId);
  if (!record || !can(actor, "evaluation.score", record)) throw new AppError("NOT_FOUND", "evaluation.submissionNotFound");
  const criteria = await criteriaOf(db, record.callId);
  if (criteria.length === 0) throw new AppError("CONFLICT", "evaluation.noRubric");
  const given = new Set(input.scores.map((s) => s.criterionId));
  if (given.size !== input.scores.length || given.size !== criteria.length || criteria.some((c) => !given.has(c.id))) {
    throw fieldError("scores", "evaluation.scoresIncomplete");
  }
  const maxOf = new Map(criteria.map((c) => [c.id, c.maxScore]));
  const tooHigh = input.scores.flatMap((s, i) => (s.value > maxOf.get(s.criterionId)! ? [{ i, max: maxOf.get(s.criterionId)! }] : []));
  if (tooHigh.length > 0) {
    throw new AppError(
      "BAD_REQUEST",
      "evaluation.scoreTooHigh",
      { max: tooHigh[0]!.max },
      Object.fromEntries(tooHigh.map(({ i, max }) => [`scores.${i}.value`, { key: "evaluation.scoreTooHigh", params: { max } }])),
    );
  }
  const me = Prisma.sql`${actor.id}::uuid`;
  return withConstraintMessages(
    () =>
      inTransaction(db, async (tx) => {
        const [check] = await queryRows<ScoreCheck>(
          tx,
          Prisma.sql`
            WITH k AS (
              SELECT s."id", s."callId", ${callIsScoringSql("c")} AS "scoring", (s."status" = 'SUBMITTED') AS "submitted",
                     EXISTS (SELECT 1 FROM "CallJuror" j WHERE j."callId" = s."callId" AND j."userId" = ${me}) AS "juror",
                     ${conflictOfInterestSql(me, "s")} AS "conflict"
                FROM "CallSubmission" s JOIN "Call" c ON c."id" = s."callId"
               WHERE s."id" = ${input.submissionId}::uuid
            ), saved AS (
              INSERT INTO "Score" ("submissionId", "callId", "jurorId", "criterionId", "value", "comment", "createdAt", "updatedAt")
              SELECT k."id", k."callId", ${me}, g."criterionId", g."value", g."comment", now(), now()
                FROM k
                JOIN unnest(${input.scores.map((s) => s.criterionId)}::uuid[], ${input.scores.map((s) => s.value)}::int[],
                            ${input.scores.map((s) => s.comment)}::text[]) AS g("criterionId", "value", "comment") ON true
                JOIN "CallCriterion" cr ON cr."id" = g."criterionId" AND cr."callId" = k."callId" AND g."value" BETWEEN 0 AND cr."maxScore"
               WHERE k."scoring" AND k."submitted" AND k."juror" AND NOT k."conflict"
              ON CONFLICT ("submissionId", "jurorId", "criterionId") DO UPDATE
                 SET "value" = EXCLUDED."value", "comment" = EXCLUDED."comment", "updatedAt" = now()
              RETURNING 1
            )
            SELECT k."scoring", k."submitted", k."juror", k."conflict", (SELECT count(*) FROM saved)::int AS "saved" FROM k`,
        );
        if (!check || !check.juror || check.conflict || !check.submitted) throw new AppError("NOT_FOUND", "evaluation.submissionNotFound");
        if (!check.scoring) throw new AppError("CONFLICT", "evaluation.notScoring");
        // The rubric cannot change once the call has closed; a mismatch means it did in this very instant.
        if (check.saved !== criteria.length) throw fieldError("scores", "evaluation.scoresIncomplete", {}, "CONFLICT");
        const scores = await tx.score.findMany({
          where: { submissionId: input.submissionId, jurorId: actor.id },
          select: { criterionId: true, value: true, comment: true },
        });
        return { submissionId: input.submissionId, callId: record.callId, complete: true, myScores: scores satisfies JurorScore[] };
      }),
    { Score_callId_jurorId_fkey: { key: "evaluation.submissionNotFound" }, Score_criterionId_fkey: { key: "evaluation.scoresIncomplete" } },
  );
}

export interface JurorProgress {
  jurorId: string;
  name: string;
  organizationId: string | null;
  organizationName: string | null;
  /** Submissions scored on every criterion. */
  scored: number;
  /** SUBMITTED submissions without a conflict of interest. */
  total: number;
}

export interface ConflictPair {
  jurorId: string;
  jurorName: string;
  submissionId: string;
  ideaTitle: string;
  /** The juror answers for the submission (its submitter, author or accepted co-author). */
  answersForIt: boolean;
  /** The shared organizations (by name). */
  organizations: string[];
}

/** The Secretariat's view of a call's evaluation: each juror's progress, and every juror × submission conflict of interest. */
export async function evaluationProgress(db: DbClient, callId: string): Promise<{ callId: string; criteria: number; jurors: JurorProgress[]; conflicts: ConflictPair[] }> {
  const call = await loadCallRecord(db, callId);
  if (!call) throw new AppError("NOT_FOUND", "evaluation.callNotFound");
  const criteria = await db.callCriterion.count({ where: { callId } });
  const juror = Prisma.sql`j."userId"`;
  const jurors = await queryRows<JurorProgress>(
    db,
    Prisma.sql`
      SELECT j."userId" AS "jurorId", u."name", j."organizationId", o."name" AS "organizationName",
             (SELECT count(*) FROM "CallSubmission" s
               WHERE s."callId" = j."callId" AND s."status" = 'SUBMITTED' AND NOT ${conflictOfInterestSql(juror, "s")}
                 AND ${criteria} > 0
                 AND (SELECT count(*) FROM "Score" sc WHERE sc."submissionId" = s."id" AND sc."jurorId" = j."userId") = ${criteria})::int AS "scored",
             (SELECT count(*) FROM "CallSubmission" s
               WHERE s."callId" = j."callId" AND s."status" = 'SUBMITTED' AND NOT ${conflictOfInterestSql(juror, "s")})::int AS "total"
        FROM "CallJuror" j JOIN "User" u ON u."id" = j."userId" LEFT JOIN "Organization" o ON o."id" = j."organizationId"
       WHERE j."callId" = ${callId}::uuid
       ORDER BY u."name", j."userId"`,
  );
  const conflicts = await queryRows<ConflictPair>(
    db,
    Prisma.sql`
      SELECT j."userId" AS "jurorId", u."name" AS "jurorName", s."id" AS "submissionId", i."title" AS "ideaTitle",
             (j."userId" = s."submitterId" OR j."userId" = i."authorId"
               OR EXISTS (SELECT 1 FROM "IdeaCoauthor" cc WHERE cc."ideaId" = i."id" AND cc."userId" = j."userId" AND cc."status" = 'ACCEPTED')) AS "answersForIt",
             ${conflictOrganizationsSql(juror, "s")} AS "organizations"
        FROM "CallJuror" j
        JOIN "User" u ON u."id" = j."userId"
        JOIN "CallSubmission" s ON s."callId" = j."callId" AND s."status" = 'SUBMITTED'
        JOIN "Idea" i ON i."id" = s."ideaId"
       WHERE j."callId" = ${callId}::uuid AND ${conflictOfInterestSql(juror, "s")}
       ORDER BY u."name", j."userId", s."submittedAt", s."id"`,
  );
  return { callId, criteria, jurors, conflicts };
}
