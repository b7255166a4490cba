/**
 * An invited party answers: accepts with its commitments, or declines. After every answer the
 * alliance is settled under its lock (./records.ts): the triple-helix mark follows the accepted
 * parties, and a FORMING alliance whose invitations are all answered, with two sectors accepted,
 * becomes ACTIVE, exactly once even when the last two parties accept at the same moment.
 */
import type { Actor } from "../authz/actor";
import { can } from "../authz/policy";
import { recordAudit } from "../audit/service";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import type { AllianceSector, AllianceStatus } from "../db/generated/enums";
import { AppError } from "../trpc/errors";
import { notifyAllianceStatus } from "./notify";
import { lockPartyFor, OPEN_STATES, requireState, type LoadedAlliance, type LoadedParty } from "./records";
import type { AnswerInput, CommitmentFields } from "./schemas";
import { isTripleHelix, readyToActivate } from "./sectors";

/** Speaking for a party: the person, or the organization's owners; members who are not owners are told who answers. */
export function requireSpokesperson(actor: Actor, party: LoadedParty) {
  if (can(actor, "alliance.speakFor", party)) return;
  throw new AppError("FORBIDDEN", party.organizationId ? "alliance.ownersSpeak" : "auth.forbidden", { name: party.name });
}

export async function insertCommitments(tx: DbClient, allianceId: string, partyId: string, commitments: readonly CommitmentFields[]) {
  await tx.commitment.createMany({
    data: commitments.map((c) => ({
      allianceId,
      partyId,
      kind: c.kind,
      quantity: BigInt(c.quantity),
      description: c.description,
      publishAmount: c.publishAmount,
    })),
  });
}

/** Recomputes the triple-helix mark and activates a FORMING alliance that is ready. Returns the status after. */
async function settle(tx: DbClient, alliance: LoadedAlliance, actorId: string): Promise<AllianceStatus> {
  const [counts] = await queryRows<{ pending: number; sectors: AllianceSector[] }>(
    tx,
    Prisma.sql`
      SELECT count(*) FILTER (WHERE "status" = 'INVITED')::int AS "pending",
             COALESCE(array_agg(DISTINCT "sector") FILTER (WHERE "status" = 'ACCEPTED'), '{}') AS "sectors"
        FROM "AllianceParty" WHERE "allianceId" = ${alliance.id}::uuid`,
  );
  const sectors = counts?.sectors ?? [];
  const tripleHelix = isTripleHelix(sectors);
  if (alliance.status === "FORMING" && readyToActivate(counts?.pending ?? 0, sectors)) {
    await tx.alliance.update({ where: { id: alliance.id }, data: { status: "ACTIVE", activatedAt: new Date(), tripleHelix } });
    await recordAudit(tx, { actorId, action: "alliance.activate", subjectType: "Alliance", subjectId: alliance.id, after: { sectors, tripleHelix } });
    await notifyAllianceStatus(tx, { allianceId: alliance.id, title: alliance.title, status: "ACTIVE", actorId });
    return "ACTIVE";
  }
  await tx.alliance.update({ where: { id: alliance.id }, data: { tripleHelix } });
  return alliance.status;
}

export async function answerInvitation(db: DbClient, actor: Actor, input: AnswerInput) {
  return inTransaction(db, async (tx) => {
    const { alliance, party } = await lockPartyFor(tx, actor, input.partyId);
    requireSpokesperson(actor, party);
    if (party.status !== "INVITED") throw new AppError("CONFLICT", "alliance.alreadyAnswered");
    requireState(alliance, OPEN_STATES);
    const status = input.accept ? "ACCEPTED" : "DECLINED";
    await tx.allianceParty.update({
      where: { id: party.id },
      data: { status, declineReason: input.accept ? null : (input.reason ?? null), answeredById: actor.id, answeredAt: new Date() },
    });
    if (input.accept) await insertCommitments(tx, alliance.id, party.id, input.commitments);
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.accept ? "alliance.accept" : "alliance.decline",
      subjectType: "Alliance",
      subjectId: alliance.id,
      reason: input.accept ? null : (input.reason ?? null),
      after: { party: party.name, status, ...(input.accept ? { commitments: input.commitments.length } : {}) },
    });
    const allianceStatus = await settle(tx, alliance, actor.id);
    return { partyId: party.id, status, allianceStatus };
  });
}
