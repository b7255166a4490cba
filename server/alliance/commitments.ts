/**
 * A party's commitments after it accepted: its spokespeople add more or take one back while the
 * alliance is open. An invited party that accepted keeps at least one (it accepted with them);
 * the proposer may have none.
 */
import type { Actor } from "../authz/actor";
import { recordAudit } from "../audit/service";
import { inTransaction, type DbClient } from "../db/client";
import { AppError } from "../trpc/errors";
import { insertCommitments, requireSpokesperson } from "./answer";
import { allianceIdOf, lockPartyFor, lockVisibleAlliance, OPEN_STATES, partyOf, requireState } from "./records";
import type { CommitmentFields } from "./schemas";

export async function addCommitment(db: DbClient, actor: Actor, input: CommitmentFields & { partyId: string }) {
  return inTransaction(db, async (tx) => {
    const { alliance, party } = await lockPartyFor(tx, actor, input.partyId);
    requireSpokesperson(actor, party);
    if (party.status !== "ACCEPTED") throw new AppError("CONFLICT", "commitment.partyNotAccepted");
    requireState(alliance, OPEN_STATES);
    await insertCommitments(tx, alliance.id, party.id, [input]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "commitment.add",
      subjectType: "Alliance",
      subjectId: alliance.id,
      after: { party: party.name, kind: input.kind, quantity: input.quantity },
    });
    return { partyId: party.id };
  });
}

export async function removeCommitment(db: DbClient, actor: Actor, id: string) {
  return inTransaction(db, async (tx) => {
    const allianceId = await allianceIdOf(tx, "Commitment", id);
    if (!allianceId) throw new AppError("NOT_FOUND", "commitment.notFound");
    const alliance = await lockVisibleAlliance(tx, actor, allianceId);
    const commitment = await tx.commitment.findUniqueOrThrow({ where: { id }, select: { partyId: true, kind: true, quantity: true } });
    const party = partyOf(alliance, commitment.partyId);
    requireSpokesperson(actor, party);
    requireState(alliance, OPEN_STATES);
    const remaining = await tx.commitment.count({ where: { partyId: party.id } });
    if (!party.isProposer && remaining <= 1) throw new AppError("CONFLICT", "commitment.lastOne");
    await tx.commitment.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "commitment.remove",
      subjectType: "Alliance",
      subjectId: alliance.id,
      before: { party: party.name, kind: commitment.kind, quantity: Number(commitment.quantity) },
    });
    return { id };
  });
}
