/** A person's notifications: the list, the header's count, marking them read. Always the caller's own. */
import { Prisma, queryRows, type DbClient } from "../db/client";
import type { IdeaStatus, NotificationKind } from "../db/generated/enums";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import { AppError } from "../trpc/errors";
import type { ListNotificationsInput } from "./schemas";

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  ideaId: string | null;
  ideaTitle: string | null;
  ideaStatus: IdeaStatus | null;
  /** For CALL_* kinds: the call it is about (its page is /convocatorias/<slug>). */
  callId: string | null;
  callTitle: string | null;
  callSlug: string | null;
  /** For BOOKING_* kinds: the booking it is about (its page is /reservas/<bookingId>); `data` has the space and times. */
  bookingId: string | null;
  /** For ALLIANCE_* kinds: the alliance it is about (its page is /alianzas/<allianceId>); `data.alliance` has its title. */
  allianceId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
}

/** The header shows "99+" beyond this: counting stops there, so the cost is bounded. */
export const UNREAD_COUNT_CAP = 100;

export async function listNotifications(db: DbClient, userId: string, input: ListNotificationsInput) {
  const unreadFirst = input.order === "unreadFirst";
  const after = input.cursor ? decodeCursor(input.cursor, { ranked: unreadFirst }) : null;
  const readRank = Prisma.sql`(n."readAt" IS NOT NULL)::int`;
  const keyset = !after
    ? Prisma.empty
    : unreadFirst
      ? Prisma.sql`AND (${readRank} > ${after.rank}::int OR (${readRank} = ${after.rank}::int AND (n."createdAt", n."id") < (${after.at}::timestamptz, ${after.id}::uuid)))`
      : Prisma.sql`AND (n."createdAt", n."id") < (${after.at}::timestamptz, ${after.id}::uuid)`;
  const rows = await queryRows<NotificationRow>(
    db,
    Prisma.sql`
      SELECT n."id", n."kind", n."ideaId", i."title" AS "ideaTitle", i."status" AS "ideaStatus",
             n."callId", c."title" AS "callTitle", c."slug" AS "callSlug", n."bookingId", n."allianceId", a."name" AS "actorName",
             n."data", n."readAt", n."createdAt"
        FROM "Notification" n
        LEFT JOIN "Idea" i ON i."id" = n."ideaId"
        LEFT JOIN "Call" c ON c."id" = n."callId"
        LEFT JOIN "User" a ON a."id" = n."actorId"
       WHERE n."recipientId" = ${userId}::uuid ${keyset}
       ORDER BY ${unreadFirst ? Prisma.sql`${readRank},` : Prisma.empty} n."createdAt" DESC, n."id" DESC
       LIMIT ${input.limit + 1}`,
  );
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor({ at: last.createdAt, id: last.id, ...(unreadFirst ? { rank: last.readAt ? 1 : 0 } : {}) })
      : null;
  return { items, nextCursor };
}

/** One statement on the partial index of unread notifications, capped at UNREAD_COUNT_CAP. */
export async function unreadCount(db: DbClient, userId: string): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    Prisma.sql`
      SELECT count(*)::int AS "count" FROM (
        SELECT 1 FROM "Notification" WHERE "recipientId" = ${userId}::uuid AND "readAt" IS NULL LIMIT ${UNREAD_COUNT_CAP}
      ) unread`,
  );
  return row?.count ?? 0;
}

/** Another person's notification is "not found", like one that never existed. */
export async function markRead(db: DbClient, userId: string, id: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    Prisma.sql`
      UPDATE "Notification" SET "readAt" = COALESCE("readAt", now())
       WHERE "id" = ${id}::uuid AND "recipientId" = ${userId}::uuid RETURNING "id"`,
  );
  if (rows.length === 0) throw new AppError("NOT_FOUND", "notification.notFound");
  return { read: true as const };
}

export async function markAllRead(db: DbClient, userId: string) {
  const { count } = await db.notification.updateMany({ where: { recipientId: userId, readAt: null }, data: { readAt: new Date() } });
  return { marked: count };
}
