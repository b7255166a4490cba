import { Prisma, queryRows, type DbClient } from "../db/client";
import type { CallParticipationRole, VerificationStatus } from "../db/generated/enums";
import { countPendingParticipationRequests, pendingParticipationRequests } from "../call-participation/service";
import type { KeysetPosition } from "../pagination/cursor";
import type { QueueId } from "./schemas";

/** A call proposed by a verified organization's owner, awaiting the Secretariat's decision. */
export interface CallQueueItem {
  kind: "call";
  id: string;
  slug: string;
  title: string;
  organization: { id: string; slug: string; name: string } | null;
  proposer: { id: string; name: string };
  opensAt: Date;
  closesAt: Date;
  /** When it was proposed (or last sent back after changes): the age shown, and the order. */
  waitingSince: Date;
}

/**
 * The call proposals of /moderacion, the longest-waiting first. No sector filter: a call spans
 * several sectors and the queue stays short.
 */
export const callQueue = {
  id: "calls" as const satisfies QueueId,
  titleKey: "moderation.queue.calls",
  filters: [] as const,
  count: (db: DbClient) => db.call.count({ where: { status: "PROPOSED" } }),
  async list(db: DbClient, { after, take }: { after: KeysetPosition | null; take: number }): Promise<CallQueueItem[]> {
    const rows = await queryRows<Omit<CallQueueItem, "kind">>(
      db,
      Prisma.sql`
        SELECT c."id", c."slug", c."title", c."opensAt", c."closesAt", c."updatedAt" AS "waitingSince",
               CASE WHEN o."id" IS NULL THEN NULL ELSE json_build_object('id', o."id", 'slug', o."slug", 'name', o."name") END AS "organization",
               json_build_object('id', u."id", 'name', u."name") AS "proposer"
          FROM "Call" c
          JOIN "User" u ON u."id" = c."proposedById"
          LEFT JOIN "Organization" o ON o."id" = c."proposingOrganizationId"
         WHERE c."status" = 'PROPOSED'
           ${after ? Prisma.sql`AND (c."updatedAt", c."id") > (${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
         ORDER BY c."updatedAt", c."id"
         LIMIT ${take}`,
    );
    return rows.map((row) => ({ kind: "call", ...row }));
  },
};

/** An organization's owner asks to take part in a call (ally, mentor or jury). */
export interface CallParticipationQueueItem {
  kind: "callParticipation";
  id: string;
  role: CallParticipationRole;
  message: string | null;
  call: { id: string; slug: string; title: string };
  organization: { id: string; slug: string; name: string; verification: VerificationStatus };
  waitingSince: Date;
}

/** Requests to take part in calls, oldest first; the Secretariat answers with callParticipation.decide. */
export const callParticipationQueue = {
  id: "callParticipations" as const satisfies QueueId,
  titleKey: "moderation.queue.callParticipations",
  filters: [] as const,
  count: (db: DbClient) => countPendingParticipationRequests(db),
  async list(db: DbClient, { after, take }: { after: KeysetPosition | null; take: number }): Promise<CallParticipationQueueItem[]> {
    const rows = await pendingParticipationRequests(db, { take, after });
    return rows.map(({ createdAt, ...row }) => ({ kind: "callParticipation", ...row, waitingSince: createdAt }));
  },
};
