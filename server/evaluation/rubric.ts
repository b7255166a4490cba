/** A call's rubric: criteria with weights (summing to 100) and maximum scores, fixed once the call closes. */
import type { Actor } from "../authz/actor";
import { can } from "../authz/policy";
import { recordAudit } from "../audit/service";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import type { CallStatus } from "../db/generated/enums";
import { AppError, fieldError } from "../trpc/errors";
import { loadCallRecord } from "./records";
import type { SetRubricInput } from "./schemas";

export interface CriterionView {
  id: string;
  position: number;
  name: string;
  description: string;
  weight: number;
  maxScore: number;
}

export interface RubricView {
  callId: string;
  criteria: CriterionView[];
  /** 100 for a complete rubric (0 while it has none). */
  totalWeight: number;
  /** The Secretariat may still replace it: the call has not closed (database clock) and is not rejected or cancelled. */
  editable: boolean;
}

const FINAL_STATES: readonly CallStatus[] = ["REJECTED", "CANCELLED", "RESULTS_PUBLISHED", "CLOSED"];

export async function criteriaOf(db: DbClient, callId: string): Promise<CriterionView[]> {
  return db.callCriterion.findMany({
    where: { callId },
    orderBy: { position: "asc" },
    select: { id: true, position: true, name: true, description: true, weight: true, maxScore: true },
  });
}

async function readRubric(db: DbClient, callId: string): Promise<RubricView> {
  const criteria = await criteriaOf(db, callId);
  const [state] = await queryRows<{ editable: boolean }>(
    db,
    Prisma.sql`SELECT (cocrea_now() < c."closesAt" AND c."status" <> ALL(${FINAL_STATES as CallStatus[]}::"CallStatus"[])) AS "editable"
                 FROM "Call" c WHERE c."id" = ${callId}::uuid`,
  );
  return { callId, criteria, totalWeight: criteria.reduce((sum, c) => sum + c.weight, 0), editable: state?.editable ?? false };
}

/** The rubric, for whoever sees the call (public calls: everyone), its jurors, proposers and the Secretariat. */
export async function callRubric(db: DbClient, actor: Actor | null, callId: string): Promise<RubricView> {
  const call = await loadCallRecord(db, callId);
  if (!call || !can(actor, "evaluation.rubric", call)) throw new AppError("NOT_FOUND", "evaluation.callNotFound");
  return readRubric(db, callId);
}

/**
 * Replaces the call's criteria (Secretariat), in one transaction that holds the call's row: the
 * weights must add up to 100, and nothing changes once the call has closed by the database clock
 * (jurors score from then on against a fixed rubric).
 */
export async function setRubric(db: DbClient, actor: Actor, input: SetRubricInput): Promise<RubricView> {
  const sum = input.criteria.reduce((total, c) => total + c.weight, 0);
  if (sum !== 100) throw fieldError("criteria", "evaluation.weightsSum", { sum });
  const names = input.criteria.map((c) => c.name.toLocaleLowerCase("es"));
  if (new Set(names).size !== names.length) throw fieldError("criteria", "evaluation.duplicateCriterion");
  return inTransaction(db, async (tx) => {
    const [call] = await queryRows<{ status: CallStatus; beforeClose: boolean }>(
      tx,
      Prisma.sql`SELECT c."status", cocrea_now() < c."closesAt" AS "beforeClose" FROM "Call" c WHERE c."id" = ${input.callId}::uuid FOR UPDATE`,
    );
    if (!call) throw new AppError("NOT_FOUND", "evaluation.callNotFound");
    if (call.status === "REJECTED" || call.status === "CANCELLED") throw new AppError("CONFLICT", "evaluation.rubricNotEditable");
    if (!call.beforeClose || FINAL_STATES.includes(call.status)) throw new AppError("CONFLICT", "evaluation.rubricLocked");
    const before = await criteriaOf(tx, input.callId);
    await tx.callCriterion.deleteMany({ where: { callId: input.callId } });
    await tx.callCriterion.createMany({
      data: input.criteria.map((c, i) => ({ callId: input.callId, position: i + 1, name: c.name, description: c.description, weight: c.weight, maxScore: c.maxScore })),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "evaluation.setRubric",
      subjectType: "Call",
      subjectId: input.callId,
      before: before.map(({ name, weight, maxScore }) => ({ name, weight, maxScore })),
      after: input.criteria.map(({ name, weight, maxScore }) => ({ name, weight, maxScore })),
    });
    return readRubric(tx, input.callId);
  });
}
