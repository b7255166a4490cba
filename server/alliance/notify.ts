/**
 * What alliances tell whom, in the transaction of the change (one statement each, through
 * server/notification/fan-out.ts). A person speaks for their own party; an organization's owners
 * for theirs. `data.alliance` carries the title, so the message needs no join to show it.
 */
import { Prisma, type DbClient } from "../db/client";
import type { AllianceStatus } from "../db/generated/enums";
import { fanOut } from "../notification/fan-out";

/** The people who answer for the given parties: the person, or the organization's owners. */
function spokespeople(partyIds: readonly string[], kind: "ALLIANCE_INVITATION" | "ALLIANCE_STATUS_CHANGED"): Prisma.Sql {
  return Prisma.sql`
    SELECT COALESCE(p."userId", m."userId") AS "recipientId", ${kind}::text AS "kind", 0 AS "priority"
      FROM "AllianceParty" p
      LEFT JOIN "Membership" m ON m."organizationId" = p."organizationId" AND m."role" = 'OWNER'
     WHERE p."id" = ANY(${[...partyIds]}::uuid[])`;
}

/** A party invited: the person, or the organization's owners (the organization named in the message). */
export async function notifyInvitation(tx: DbClient, event: { allianceId: string; title: string; partyId: string; organization: string | null; actorId: string }) {
  return fanOut(tx, spokespeople([event.partyId], "ALLIANCE_INVITATION"), {
    allianceId: event.allianceId,
    actorId: event.actorId,
    data: { alliance: event.title, as: event.organization ? "organization" : "person", ...(event.organization ? { organization: event.organization } : {}) },
  });
}

/** Activated, completed or withdrawn: everyone speaking for an accepted party (and the proposer), but the actor. */
export async function notifyAllianceStatus(
  tx: DbClient,
  event: { allianceId: string; title: string; status: AllianceStatus; reason?: string | null; actorId: string | null },
) {
  const recipients = Prisma.sql`
    SELECT COALESCE(p."userId", m."userId") AS "recipientId", 'ALLIANCE_STATUS_CHANGED'::text AS "kind", 0 AS "priority"
      FROM "AllianceParty" p
      LEFT JOIN "Membership" m ON m."organizationId" = p."organizationId" AND m."role" = 'OWNER'
     WHERE p."allianceId" = ${event.allianceId}::uuid AND p."status" = 'ACCEPTED'
    UNION ALL
    SELECT a."proposedById", 'ALLIANCE_STATUS_CHANGED', 0 FROM "Alliance" a WHERE a."id" = ${event.allianceId}::uuid`;
  return fanOut(tx, recipients, {
    allianceId: event.allianceId,
    actorId: event.actorId,
    data: { alliance: event.title, status: event.status, ...(event.reason ? { reason: event.reason } : {}) },
  });
}
