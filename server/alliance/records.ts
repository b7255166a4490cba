/**
 * Loading an alliance as the rules see it (server/authz/policy.ts AllianceRecord), and the one
 * lock every change takes: FOR UPDATE on the alliance row, so answers, invitations and closings of
 * one alliance run one after another and each reads the parties as the previous one left them.
 */
import type { AllianceRecord, AlliancePartyRecord } from "../authz/policy";
import { can } from "../authz/policy";
import type { Actor } from "../authz/actor";
import { Prisma, queryRows, type DbClient } from "../db/client";
import type { AllianceSector, AllianceStatus } from "../db/generated/enums";
import { AppError } from "../trpc/errors";

export interface LoadedParty extends AlliancePartyRecord {
  id: string;
  sector: AllianceSector;
  name: string;
}

export interface LoadedAlliance extends AllianceRecord {
  id: string;
  title: string;
  ideaId: string | null;
  callId: string | null;
  parties: LoadedParty[];
}

/** Still changing: parties answer, commitments and milestones are added. */
export const OPEN_STATES: readonly AllianceStatus[] = ["FORMING", "ACTIVE"];

export async function loadAlliance(tx: DbClient, id: string, options: { lock?: boolean } = {}): Promise<LoadedAlliance | null> {
  const [alliance] = await queryRows<Omit<LoadedAlliance, "parties">>(
    tx,
    Prisma.sql`
      SELECT "id", "title", "ideaId", "callId", "status", "activatedAt", "proposedById"
        FROM "Alliance" WHERE "id" = ${id}::uuid
       ${options.lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`,
  );
  if (!alliance) return null;
  // A statement of its own, after the lock: it sees every answer committed before the lock was granted.
  const parties = await queryRows<LoadedParty>(
    tx,
    Prisma.sql`
      SELECT p."id", p."organizationId", p."userId", p."status", p."isProposer", p."sector", COALESCE(o."name", u."name") AS "name"
        FROM "AllianceParty" p
        LEFT JOIN "Organization" o ON o."id" = p."organizationId"
        LEFT JOIN "User" u ON u."id" = p."userId"
       WHERE p."allianceId" = ${id}::uuid
       ORDER BY p."isProposer" DESC, p."createdAt", p."id"`,
  );
  return { ...alliance, parties };
}

/** The alliance, locked, if the actor may see it (otherwise it does not exist for them). */
export async function lockVisibleAlliance(tx: DbClient, actor: Actor | null, id: string): Promise<LoadedAlliance> {
  const alliance = await loadAlliance(tx, id, { lock: true });
  if (!alliance || !can(actor, "alliance.view", alliance)) throw new AppError("NOT_FOUND", "alliance.notFound");
  return alliance;
}

/** A 409 unless the alliance is in one of `states`. */
export function requireState(alliance: LoadedAlliance, states: readonly AllianceStatus[]) {
  if (!states.includes(alliance.status)) {
    throw new AppError("CONFLICT", "alliance.wrongState", { status: alliance.status });
  }
}

/** Which party of the alliance a party id names (after the lock), or a 404. */
export function partyOf(alliance: LoadedAlliance, partyId: string): LoadedParty {
  const party = alliance.parties.find((p) => p.id === partyId);
  if (!party) throw new AppError("NOT_FOUND", "alliance.partyNotFound");
  return party;
}

/** The alliance id a party or commitment belongs to (unlocked: the caller then locks the alliance). */
export async function allianceIdOf(tx: DbClient, table: "AllianceParty" | "Commitment" | "Milestone", id: string): Promise<string | null> {
  const [row] = await queryRows<{ allianceId: string }>(
    tx,
    Prisma.sql`SELECT "allianceId" FROM ${Prisma.raw(`"${table}"`)} WHERE "id" = ${id}::uuid`,
  );
  return row?.allianceId ?? null;
}

/** A party's alliance, locked and visible to the actor, and the party itself as it stands after the lock. */
export async function lockPartyFor(tx: DbClient, actor: Actor | null, partyId: string): Promise<{ alliance: LoadedAlliance; party: LoadedParty }> {
  const allianceId = await allianceIdOf(tx, "AllianceParty", partyId);
  if (!allianceId) throw new AppError("NOT_FOUND", "alliance.partyNotFound");
  const alliance = await lockVisibleAlliance(tx, actor, allianceId);
  return { alliance, party: partyOf(alliance, partyId) };
}
