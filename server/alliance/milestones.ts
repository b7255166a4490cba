/**
 * Milestones: the alliance's leads plan them (each owned by an accepted party); anyone of an
 * accepted party reports progress with a note while the alliance is active. Each report is kept
 * (MilestoneUpdate, append-only) and is the milestone's history.
 */
import type { Actor } from "../authz/actor";
import { authorize, can } from "../authz/policy";
import { inTransaction, type DbClient } from "../db/client";
import { AppError } from "../trpc/errors";
import { allianceIdOf, lockVisibleAlliance, OPEN_STATES, partyOf, requireState } from "./records";

export async function createMilestone(
  db: DbClient,
  actor: Actor,
  input: { allianceId: string; ownerPartyId: string; title: string; description: string; dueDate: string },
) {
  return inTransaction(db, async (tx) => {
    const alliance = await lockVisibleAlliance(tx, actor, input.allianceId);
    authorize(actor, "alliance.lead", alliance);
    requireState(alliance, OPEN_STATES);
    const owner = partyOf(alliance, input.ownerPartyId);
    if (owner.status !== "ACCEPTED") throw new AppError("BAD_REQUEST", "milestone.ownerNotAccepted", { name: owner.name });
    const milestone = await tx.milestone.create({
      data: {
        allianceId: alliance.id,
        ownerPartyId: owner.id,
        title: input.title,
        description: input.description,
        dueDate: new Date(`${input.dueDate}T00:00:00Z`),
      },
      select: { id: true },
    });
    return { id: milestone.id };
  });
}

export async function reportProgress(db: DbClient, actor: Actor, input: { milestoneId: string; progress: number; done: boolean; note: string }) {
  return inTransaction(db, async (tx) => {
    const allianceId = await allianceIdOf(tx, "Milestone", input.milestoneId);
    if (!allianceId) throw new AppError("NOT_FOUND", "milestone.notFound");
    const alliance = await lockVisibleAlliance(tx, actor, allianceId);
    if (!can(actor, "alliance.contribute", alliance)) throw new AppError("FORBIDDEN", "milestone.partiesOnly");
    requireState(alliance, ["ACTIVE"]);
    const milestone = await tx.milestone.findUniqueOrThrow({ where: { id: input.milestoneId }, select: { ownerPartyId: true } });
    // The report is signed with the actor's party: the milestone's owner when they belong to it.
    const mine = alliance.parties.filter((p) => p.status === "ACCEPTED" && (p.userId === actor.id || (p.organizationId !== null && actor.memberships.has(p.organizationId))));
    const party = mine.find((p) => p.id === milestone.ownerPartyId) ?? mine[0]!;
    const progress = input.done ? 100 : input.progress;
    const status = input.done ? "DONE" : "PENDING";
    await tx.milestone.update({ where: { id: input.milestoneId }, data: { progress, status, doneAt: input.done ? new Date() : null } });
    await tx.milestoneUpdate.create({ data: { milestoneId: input.milestoneId, partyId: party.id, authorId: actor.id, progress, status, note: input.note } });
    return { id: input.milestoneId, progress, status };
  });
}
