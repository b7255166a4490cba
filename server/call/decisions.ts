/** A call's changes of state: resubmission, the Secretariat's decisions, cancellation and deadline extensions. */
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/policy";
import { recordAudit } from "../audit/service";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import type { CallStatus } from "../db/generated/enums";
import { AppError, fieldError } from "../trpc/errors";
import { notifyCallCancelled, notifyDeadlineExtended, notifyProposalDecision, type ProposalDecision } from "./notify";
import type { ExtendDeadlineInput } from "./schemas";
import { lockCall } from "./write";

/** CHANGES_REQUESTED → PROPOSED: the proposing organization's owners send the edited proposal back. */
export async function resubmitCall(db: DbClient, actor: Actor, id: string) {
  return inTransaction(db, async (tx) => {
    const current = await lockCall(tx, id);
    authorize(actor, "call.view", current, { hideAs: "call.notFound" });
    authorize(actor, "call.resubmit", current);
    if (current.status !== "CHANGES_REQUESTED") throw new AppError("CONFLICT", "call.notResubmittable");
    await tx.call.update({ where: { id }, data: { status: "PROPOSED" } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "call.resubmit",
      subjectType: "Call",
      subjectId: id,
      before: { status: current.status },
      after: { status: "PROPOSED" },
    });
    return { id, status: "PROPOSED" as const };
  });
}

const DECISION_STATUS: Record<ProposalDecision, CallStatus> = {
  approve: "APPROVED",
  requestChanges: "CHANGES_REQUESTED",
  reject: "REJECTED",
};

/**
 * The Secretariat decides on a PROPOSED call: approves it, asks for changes or rejects it (both
 * with a reason). Audited; the proposer and the proposing organization's owners are notified.
 */
export async function decideProposal(
  db: DbClient,
  actor: Actor,
  input: { id: string; decision: ProposalDecision; reason?: string | undefined },
) {
  authorize(actor, "call.administer", null);
  const reason = input.reason?.trim() || null;
  if (input.decision !== "approve" && !reason) throw fieldError("reason", "call.reasonRequired");
  return inTransaction(db, async (tx) => {
    const current = await lockCall(tx, input.id);
    if (current.status !== "PROPOSED") throw new AppError("CONFLICT", "call.notPending");
    if (input.decision === "approve" && current.pastClosing) throw new AppError("CONFLICT", "call.timelinePassed");
    const status = DECISION_STATUS[input.decision];
    await tx.$executeRaw(Prisma.sql`
      UPDATE "Call"
         SET "status" = ${status}::"CallStatus", "statusReason" = ${reason},
             "approvedAt" = CASE WHEN ${status} = 'APPROVED' THEN cocrea_now() ELSE "approvedAt" END, "updatedAt" = now()
       WHERE "id" = ${input.id}::uuid`);
    await recordAudit(tx, {
      actorId: actor.id,
      action: `call.${input.decision}`,
      subjectType: "Call",
      subjectId: input.id,
      reason,
      before: { status: current.status },
      after: { status },
    });
    await notifyProposalDecision(tx, { callId: input.id, actorId: actor.id, decision: input.decision, reason });
    return { id: input.id, status };
  });
}

/** The Secretariat cancels an approved call (with a reason): audited; submitters, participants, jurors and proposers are told. */
export async function cancelCall(db: DbClient, actor: Actor, input: { id: string; reason: string }) {
  authorize(actor, "call.administer", null);
  return inTransaction(db, async (tx) => {
    const current = await lockCall(tx, input.id);
    if (current.status !== "APPROVED") throw new AppError("CONFLICT", "call.notCancellable");
    await tx.call.update({ where: { id: input.id }, data: { status: "CANCELLED", statusReason: input.reason } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "call.cancel",
      subjectType: "Call",
      subjectId: input.id,
      reason: input.reason,
      before: { status: current.status },
      after: { status: "CANCELLED" },
    });
    const { notified } = await notifyCallCancelled(tx, { callId: input.id, actorId: actor.id, reason: input.reason });
    return { id: input.id, status: "CANCELLED" as const, notified };
  });
}

const later = (a: Date, b: Date) => (a > b ? a : b);

/**
 * A later closing date for an approved call whose evaluation has not ended (by the database
 * clock). The end of evaluation and the results move to keep the order when not given. Audited;
 * every submitter is notified in one statement.
 */
export async function extendDeadline(db: DbClient, actor: Actor, input: ExtendDeadlineInput) {
  authorize(actor, "call.administer", null);
  return inTransaction(db, async (tx) => {
    const [current] = await queryRows<{ status: CallStatus; closesAt: Date; evaluationEndsAt: Date; resultsAt: Date; now: Date }>(
      tx,
      Prisma.sql`SELECT "status", "closesAt", "evaluationEndsAt", "resultsAt", cocrea_now() AS "now" FROM "Call" WHERE "id" = ${input.id}::uuid FOR UPDATE`,
    );
    if (!current) throw new AppError("NOT_FOUND", "call.notFound");
    if (current.status !== "APPROVED" || current.now >= current.evaluationEndsAt) throw new AppError("CONFLICT", "call.extendNotAllowed");
    if (input.closesAt <= current.closesAt) throw fieldError("closesAt", "call.extendNotLater");
    if (input.closesAt <= current.now) throw fieldError("closesAt", "call.extendInPast");
    const evaluationEndsAt = input.evaluationEndsAt ?? later(current.evaluationEndsAt, input.closesAt);
    const resultsAt = input.resultsAt ?? later(current.resultsAt, evaluationEndsAt);
    if (resultsAt < evaluationEndsAt) throw fieldError("resultsAt", "call.resultsAfterEvaluation");
    await tx.call.update({ where: { id: input.id }, data: { closesAt: input.closesAt, evaluationEndsAt, resultsAt } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "call.extendDeadline",
      subjectType: "Call",
      subjectId: input.id,
      before: {
        closesAt: current.closesAt.toISOString(),
        evaluationEndsAt: current.evaluationEndsAt.toISOString(),
        resultsAt: current.resultsAt.toISOString(),
      },
      after: { closesAt: input.closesAt.toISOString(), evaluationEndsAt: evaluationEndsAt.toISOString(), resultsAt: resultsAt.toISOString() },
    });
    const { notified } = await notifyDeadlineExtended(tx, { callId: input.id, actorId: actor.id, closesAt: input.closesAt });
    return { id: input.id, closesAt: input.closesAt, evaluationEndsAt, resultsAt, notified };
  });
}
