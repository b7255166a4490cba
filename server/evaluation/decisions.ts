/** The Secretariat's decisions after a call closes: winners, publishing results, closing the call. */
import type { Actor } from "../authz/actor";
import { recordAudit } from "../audit/service";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import type { CallStatus } from "../db/generated/enums";
import { fanOut } from "../notification/fan-out";
import { AppError, fieldError } from "../trpc/errors";
import type { SelectWinnersInput } from "./schemas";

interface LockedCall {
  status: CallStatus;
  closed: boolean;
}

/**
 * Locks the call's row until the transaction ends (decisions about one call happen one at a
 * time) and reads its state and whether it has closed by the database clock. Anything else is
 * read by later statements, which see what a transaction that held the lock before committed.
 */
async function lockCall(tx: DbClient, callId: string): Promise<LockedCall> {
  const [call] = await queryRows<LockedCall>(
    tx,
    Prisma.sql`SELECT c."status", cocrea_now() >= c."closesAt" AS "closed" FROM "Call" c WHERE c."id" = ${callId}::uuid FOR UPDATE`,
  );
  if (!call) throw new AppError("NOT_FOUND", "evaluation.callNotFound");
  return call;
}

/** A call whose results may still be decided: APPROVED and closed (in evaluation or after it). */
function assertDeciding(call: LockedCall) {
  if (call.status === "RESULTS_PUBLISHED" || call.status === "CLOSED") throw new AppError("CONFLICT", "evaluation.resultsAlreadyPublished");
  if (call.status !== "APPROVED") throw new AppError("CONFLICT", "evaluation.notInEvaluation");
  if (!call.closed) throw new AppError("CONFLICT", "evaluation.notClosedYet");
}

/**
 * Chooses the winners (replacing any previous choice), each with its justification: SUBMITTED
 * submissions of this call, after it closes and before results are published.
 */
export async function selectWinners(db: DbClient, actor: Actor, input: SelectWinnersInput) {
  const ids = input.winners.map((w) => w.submissionId);
  if (new Set(ids).size !== ids.length) throw fieldError("winners", "evaluation.duplicateWinner");
  return inTransaction(db, async (tx) => {
    assertDeciding(await lockCall(tx, input.callId));
    const valid = await tx.callSubmission.count({ where: { callId: input.callId, status: "SUBMITTED", id: { in: ids } } });
    if (valid !== ids.length) throw fieldError("winners", "evaluation.winnerNotSubmission");
    await tx.$executeRaw(Prisma.sql`
      UPDATE "CallSubmission" s
         SET "isWinner" = (s."id" = ANY(${ids}::uuid[])),
             "winnerJustification" = (SELECT w."justification" FROM unnest(${ids}::uuid[], ${input.winners.map((w) => w.justification)}::text[]) AS w("id", "justification")
                                       WHERE w."id" = s."id"),
             "updatedAt" = now()
       WHERE s."callId" = ${input.callId}::uuid AND (s."isWinner" OR s."id" = ANY(${ids}::uuid[]))`);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "evaluation.selectWinners",
      subjectType: "Call",
      subjectId: input.callId,
      after: { winners: input.winners.map((w) => ({ submissionId: w.submissionId, justification: w.justification })) },
    });
    return { callId: input.callId, winners: input.winners };
  });
}

/**
 * Publishes the results: the call goes to RESULTS_PUBLISHED (scoring stops), everyone sees them,
 * and every person with a SUBMITTED submission is told (CALL_RESULTS_PUBLISHED), in one
 * transaction with the audit entry.
 */
export async function publishResults(db: DbClient, actor: Actor, callId: string) {
  return inTransaction(db, async (tx) => {
    assertDeciding(await lockCall(tx, callId));
    const winners = await tx.callSubmission.count({ where: { callId, status: "SUBMITTED", isWinner: true } });
    if (winners === 0) throw new AppError("CONFLICT", "evaluation.noWinners");
    const [call] = await queryRows<{ status: CallStatus; resultsPublishedAt: Date }>(
      tx,
      Prisma.sql`
        UPDATE "Call" SET "status" = 'RESULTS_PUBLISHED', "resultsPublishedAt" = date_trunc('milliseconds', cocrea_now()), "updatedAt" = now()
         WHERE "id" = ${callId}::uuid RETURNING "status", "resultsPublishedAt"`,
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: "evaluation.publishResults",
      subjectType: "Call",
      subjectId: callId,
      before: { status: "APPROVED" },
      after: { status: "RESULTS_PUBLISHED", winners },
    });
    const { notified } = await fanOut(
      tx,
      Prisma.sql`SELECT DISTINCT s."submitterId" AS "recipientId", 'CALL_RESULTS_PUBLISHED'::text AS "kind", 0 AS "priority"
                   FROM "CallSubmission" s WHERE s."callId" = ${callId}::uuid AND s."status" = 'SUBMITTED'`,
      { callId, actorId: actor.id },
    );
    return { callId, status: call!.status, resultsPublishedAt: call!.resultsPublishedAt, winners, notified };
  });
}

/** RESULTS_PUBLISHED → CLOSED: the call's story is over (its results stay public). */
export async function closeCall(db: DbClient, actor: Actor, callId: string) {
  return inTransaction(db, async (tx) => {
    const call = await lockCall(tx, callId);
    if (call.status !== "RESULTS_PUBLISHED") throw new AppError("CONFLICT", "evaluation.notPublished");
    await tx.call.update({ where: { id: callId }, data: { status: "CLOSED" } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "evaluation.close",
      subjectType: "Call",
      subjectId: callId,
      before: { status: "RESULTS_PUBLISHED" },
      after: { status: "CLOSED" },
    });
    return { callId, status: "CLOSED" as const };
  });
}
