import { Prisma, queryRows, type DbClient } from "../db/client";
import type { KeysetPosition } from "../pagination/cursor";
import type { QueueId } from "./schemas";

/** A booking of a space that needs approval, waiting for the Secretariat before it starts. */
export interface BookingQueueItem {
  kind: "booking";
  id: string;
  startsAt: Date;
  endsAt: Date;
  purpose: string;
  attendees: number;
  space: { id: string; name: string; capacity: number; center: { name: string } };
  user: { id: string; name: string };
  organization: { id: string; name: string } | null;
  waitingSince: Date;
}

/** Only what can still be decided: a request whose start passed is expired by the no-show sweep. */
const decidable = Prisma.sql`b."status" = 'PENDING' AND b."startsAt" > cocrea_now()`;

/** Booking requests, the longest-waiting first; the Secretariat answers with booking.decide. */
export const bookingQueue = {
  id: "bookings" as const satisfies QueueId,
  titleKey: "moderation.queue.bookings",
  filters: [] as const,
  async count(db: DbClient) {
    const [row] = await queryRows<{ count: number }>(db, Prisma.sql`SELECT count(*)::int AS "count" FROM "Booking" b WHERE ${decidable}`);
    return row?.count ?? 0;
  },
  async list(db: DbClient, { after, take }: { after: KeysetPosition | null; take: number }): Promise<BookingQueueItem[]> {
    const rows = await queryRows<Omit<BookingQueueItem, "kind">>(
      db,
      Prisma.sql`
        SELECT b."id", b."startsAt", b."endsAt", b."purpose", b."attendees", b."createdAt" AS "waitingSince",
               json_build_object('id', s."id", 'name', s."name", 'capacity', s."capacity", 'center', json_build_object('name', c."name")) AS "space",
               json_build_object('id', u."id", 'name', u."name") AS "user",
               CASE WHEN o."id" IS NULL THEN NULL ELSE json_build_object('id', o."id", 'name', o."name") END AS "organization"
          FROM "Booking" b
          JOIN "Space" s ON s."id" = b."spaceId"
          JOIN "Center" c ON c."id" = s."centerId"
          JOIN "User" u ON u."id" = b."userId"
          LEFT JOIN "Organization" o ON o."id" = b."organizationId"
         WHERE ${decidable}
           ${after ? Prisma.sql`AND (b."createdAt", b."id") > (${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
         ORDER BY b."createdAt", b."id"
         LIMIT ${take}`,
    );
    return rows.map((row) => ({ kind: "booking", ...row }));
  },
};
