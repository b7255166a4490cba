/**
 * Submissions of ideas to calls. An idea is submitted by its author (not its co-authors: the
 * author answers for it), once PUBLISHED: a call page that offers "write a new idea" creates it
 * with `idea.create`, and the author submits it here once the Secretariat publishes it. Every rule
 * about dates is decided by the database clock inside the statement that writes.
 */
import type { Actor } from "../authz/actor";
import { can } from "../authz/policy";
import { callIsOpenSql } from "../call/phase";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import { withConstraintMessages } from "../db/errors";
import type { CallStatus, OrganizationKind, SubmissionStatus } from "../db/generated/enums";
import { loadCallRecord, loadSubmissionRecord, type LoadedCall } from "../evaluation/records";
import { AppError, fieldError } from "../trpc/errors";
import { mySubmissionsQuery, type MySubmission } from "./queries";
import type { SubmitInput } from "./schemas";

/** Call states whose call is public (others are the proposer's and the Secretariat's business). */
const VISIBLE_CALL_STATES: readonly CallStatus[] = ["APPROVED", "RESULTS_PUBLISHED", "CLOSED", "CANCELLED"];

/** Checks the answers against the call's questions: only its questions, every required one answered. */
async function checkAnswers(db: DbClient, callId: string, answers: Record<string, string>): Promise<Map<string, string>> {
  const questions = await db.callQuestion.findMany({ where: { callId }, select: { id: true, required: true } });
  const known = new Set(questions.map((q) => q.id));
  const unknown = Object.keys(answers).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError("BAD_REQUEST", "submission.unknownQuestion", {}, Object.fromEntries(unknown.map((id) => [`answers.${id}`, { key: "submission.unknownQuestion" }])));
  }
  const missing = questions.filter((q) => q.required && !answers[q.id]);
  if (missing.length > 0) {
    throw new AppError("BAD_REQUEST", "submission.answerRequired", {}, Object.fromEntries(missing.map((q) => [`answers.${q.id}`, { key: "submission.answerRequired" }])));
  }
  return new Map(Object.entries(answers).filter(([, answer]) => answer !== ""));
}

interface SubmitCheck {
  status: CallStatus;
  open: boolean;
  notYet: boolean;
  ideaOwn: boolean;
  ideaPublished: boolean;
  organizationRequired: boolean;
  organizationFound: boolean;
  organizationMember: boolean;
  organizationKind: OrganizationKind | null;
  organizationKindOk: boolean;
  existing: SubmissionStatus | null;
  active: number;
  max: number;
  savedId: string | null;
}

/** Why a submission that passed the policy was not saved, from the statement's own view of the data. */
function refusal(check: SubmitCheck, organizationGiven: boolean): AppError {
  if (check.status !== "APPROVED") return new AppError("CONFLICT", "submission.callNotOpen");
  if (check.notYet) return new AppError("CONFLICT", "submission.callNotOpenYet");
  if (!check.open) return new AppError("CONFLICT", "submission.callClosed");
  if (!check.ideaOwn) return fieldError("ideaId", "submission.ideaNotFound", {}, "NOT_FOUND");
  if (!check.ideaPublished) return fieldError("ideaId", "submission.ideaNotPublished", {}, "CONFLICT");
  if (!organizationGiven && check.organizationRequired) return fieldError("organizationId", "submission.organizationRequired");
  if (organizationGiven && (!check.organizationFound || !check.organizationMember)) {
    return fieldError("organizationId", "submission.organizationNotMember", {}, "FORBIDDEN");
  }
  if (organizationGiven && !check.organizationKindOk) {
    return fieldError("organizationId", "submission.organizationKindNotEligible", { kind: check.organizationKind ?? "" });
  }
  if (check.existing !== "SUBMITTED" && check.active >= check.max) return new AppError("CONFLICT", "submission.limitReached", { max: check.max });
  // Submitted already (or, in the instant between this statement's snapshot and its insert, by a parallel request).
  return fieldError("ideaId", "submission.alreadySubmitted", {}, "CONFLICT");
}

/**
 * Submits the actor's published idea to an open call, with the answers to its questions. A
 * withdrawn submission of the same idea comes back (same row, new date and answers).
 *
 * Race-free: the person's submissions to this call are serialized by an advisory lock (so
 * `maxSubmissionsPerParticipant` holds under parallel requests), then ONE statement checks the
 * call's phase by the database clock, the idea, the organization and the limit, and inserts:
 * nothing is saved once `cocrea_now()` reaches `closesAt`, and `submittedAt` is the very instant
 * that statement checked (`cocrea_now()` reads the statement's start, after any wait on the lock).
 */
export async function submitIdea(db: DbClient, actor: Actor, input: SubmitInput): Promise<MySubmission> {
  const call = await loadCallRecord(db, input.callId);
  if (!call || !(VISIBLE_CALL_STATES as string[]).includes(call.status)) throw new AppError("NOT_FOUND", "submission.callNotFound");
  if (!can(actor, "submission.create", call)) throw new AppError("FORBIDDEN", "submission.roleNotEligible");
  const answers = await checkAnswers(db, call.id, input.answers);
  const organizationId = input.organizationId ?? null;
  return withConstraintMessages(
    () =>
      inTransaction(db, async (tx) => {
        await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${`submission:${call.id}:${actor.id}`}, 0))`);
        const [check] = await queryRows<SubmitCheck>(tx, submitStatement(call, actor.id, input.ideaId, organizationId));
        if (!check) throw new AppError("NOT_FOUND", "submission.callNotFound");
        if (!check.savedId) throw refusal(check, organizationId !== null);
        const ids = [...answers.keys()];
        await tx.$executeRaw(Prisma.sql`
          WITH removed AS (
            DELETE FROM "SubmissionAnswer" a WHERE a."submissionId" = ${check.savedId}::uuid AND a."questionId" <> ALL(${ids}::uuid[])
          )
          INSERT INTO "SubmissionAnswer" ("submissionId", "questionId", "answer")
          SELECT ${check.savedId}::uuid, g."questionId", g."answer" FROM unnest(${ids}::uuid[], ${[...answers.values()]}::text[]) AS g("questionId", "answer")
          ON CONFLICT ("submissionId", "questionId") DO UPDATE SET "answer" = EXCLUDED."answer"`);
        const [saved] = await queryRows<MySubmission>(tx, mySubmissionsQuery(actor.id, { submissionId: check.savedId, includeWithdrawn: true }));
        return saved!;
      }),
    { CallSubmission_callId_ideaId_key: { key: "submission.alreadySubmitted", field: "ideaId" } },
  );
}

/** The one statement that decides and writes a submission (see submitIdea). */
function submitStatement(call: LoadedCall, userId: string, ideaId: string, organizationId: string | null) {
  return Prisma.sql`
    WITH k AS (
      SELECT c."id" AS "callId", c."status", ${callIsOpenSql("c")} AS "open", (cocrea_now() < c."opensAt") AS "notYet",
             date_trunc('milliseconds', cocrea_now()) AS "now",
             (c."requiresOrganization" OR cardinality(c."eligibleOrgKinds") > 0) AS "organizationRequired",
             COALESCE(i."authorId" = ${userId}::uuid, false) AS "ideaOwn",
             COALESCE(i."status" = 'PUBLISHED', false) AS "ideaPublished",
             (o."id" IS NOT NULL) AS "organizationFound",
             EXISTS (SELECT 1 FROM "Membership" m WHERE m."organizationId" = o."id" AND m."userId" = ${userId}::uuid) AS "organizationMember",
             o."kind" AS "organizationKind",
             (cardinality(c."eligibleOrgKinds") = 0 OR o."kind" = ANY(c."eligibleOrgKinds")) AS "organizationKindOk",
             (SELECT e."status" FROM "CallSubmission" e WHERE e."callId" = c."id" AND e."ideaId" = ${ideaId}::uuid) AS "existing",
             (SELECT count(*) FROM "CallSubmission" e
               WHERE e."callId" = c."id" AND e."submitterId" = ${userId}::uuid AND e."status" = 'SUBMITTED')::int AS "active",
             c."maxSubmissionsPerParticipant" AS "max"
        FROM "Call" c
        LEFT JOIN "Idea" i ON i."id" = ${ideaId}::uuid
        LEFT JOIN "Organization" o ON o."id" = ${organizationId}::uuid
       WHERE c."id" = ${call.id}::uuid
    ), saved AS (
      INSERT INTO "CallSubmission" ("id", "callId", "ideaId", "submitterId", "organizationId", "status", "submittedAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), k."callId", ${ideaId}::uuid, ${userId}::uuid, ${organizationId}::uuid, 'SUBMITTED', k."now", now(), now()
        FROM k
       WHERE k."open" AND k."ideaOwn" AND k."ideaPublished"
         AND (CASE WHEN ${organizationId}::uuid IS NULL THEN NOT k."organizationRequired"
                   ELSE k."organizationFound" AND k."organizationMember" AND k."organizationKindOk" END)
         AND k."existing" IS DISTINCT FROM 'SUBMITTED'
         AND k."active" < k."max"
      ON CONFLICT ("callId", "ideaId") DO UPDATE
         SET "status" = 'SUBMITTED', "submittedAt" = EXCLUDED."submittedAt", "withdrawnAt" = NULL,
             "submitterId" = EXCLUDED."submitterId", "organizationId" = EXCLUDED."organizationId",
             "isWinner" = false, "winnerJustification" = NULL, "updatedAt" = now()
       WHERE "CallSubmission"."status" = 'WITHDRAWN'
      RETURNING "id"
    )
    SELECT k."status", k."open", k."notYet", k."ideaOwn", k."ideaPublished", k."organizationRequired", k."organizationFound",
           k."organizationMember", k."organizationKind", k."organizationKindOk", k."existing", k."active", k."max",
           (SELECT s."id" FROM saved s) AS "savedId"
      FROM k`;
}

/** The submitter takes their submission back, until the call closes (database clock, same statement). */
export async function withdrawSubmission(db: DbClient, actor: Actor, submissionId: string): Promise<MySubmission> {
  const record = await loadSubmissionRecord(db, submissionId);
  if (!record || !can(actor, "submission.withdraw", record)) throw new AppError("NOT_FOUND", "submission.notFound");
  const [row] = await queryRows<{ status: SubmissionStatus; open: boolean; changed: number }>(
    db,
    Prisma.sql`
      WITH t AS (
        SELECT s."id", s."status", ${callIsOpenSql("c")} AS "open", date_trunc('milliseconds', cocrea_now()) AS "now"
          FROM "CallSubmission" s JOIN "Call" c ON c."id" = s."callId"
         WHERE s."id" = ${submissionId}::uuid AND s."submitterId" = ${actor.id}::uuid
      ), changed AS (
        UPDATE "CallSubmission" s SET "status" = 'WITHDRAWN', "withdrawnAt" = t."now", "updatedAt" = now()
          FROM t WHERE s."id" = t."id" AND t."open" AND s."status" = 'SUBMITTED'
        RETURNING s."id"
      )
      SELECT t."status", t."open", (SELECT count(*) FROM changed)::int AS "changed" FROM t`,
  );
  if (!row) throw new AppError("NOT_FOUND", "submission.notFound");
  if (row.changed !== 1) throw new AppError("CONFLICT", row.status === "WITHDRAWN" ? "submission.alreadyWithdrawn" : "submission.withdrawClosed");
  const [saved] = await queryRows<MySubmission>(db, mySubmissionsQuery(actor.id, { submissionId, includeWithdrawn: true }));
  return saved!;
}
