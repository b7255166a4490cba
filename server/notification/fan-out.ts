/**
 * Writing notifications: one statement per event, in the transaction of the change that caused
 * it. The statement picks the recipients (never the actor), writes their notifications, an
 * outbox row for each one that is to be mailed now, and the delivery job of each outbox row
 * (graphile_worker.add_job), so either all of it commits with the change or none of it exists.
 */
import { Prisma, queryRows, type DbClient } from "../db/client";
import type { NotificationKind } from "../db/generated/enums";

/** The job that mails one outbox row (server/notification/worker.ts). */
export const DELIVER_EMAIL_TASK = "deliver-email";
/** graphile-worker retries a failed delivery with exponential backoff up to this many attempts (about 6 h in all). */
export const DELIVERY_MAX_ATTEMPTS = 10;

export interface NotificationEvent {
  ideaId?: string | null;
  /** The call (convocatoria) it is about, for CALL_* kinds: the message names it and links to its page. */
  callId?: string | null;
  /** The booking it is about, for BOOKING_* kinds: the message links to /reservas/<bookingId>. */
  bookingId?: string | null;
  /** The alliance it is about, for ALLIANCE_* kinds: the message links to /alianzas/<allianceId>. */
  allianceId?: string | null;
  /** Who did it; never notified of their own act. Null: the platform itself. */
  actorId?: string | null;
  /** What the message needs besides the idea, copied now (states, reason, comment excerpt). */
  data?: Record<string, unknown>;
}

/**
 * `recipients` is a SELECT of rows ("recipientId" uuid, "kind" text, "priority" int): when one
 * person appears more than once, the lowest priority wins, so each person gets one notification
 * per event (an author reads "decision on your idea", not also "an idea you follow changed").
 */
export async function fanOut(tx: DbClient, recipients: Prisma.Sql, event: NotificationEvent): Promise<{ notified: number; mailed: number }> {
  return writeNotifications(
    tx,
    Prisma.sql`
      SELECT gen_random_uuid() AS "id", r."recipientId", r."kind"::"NotificationKind" AS "kind", u."email", u."locale",
             COALESCE(p."delivery", 'IMMEDIATE') AS "delivery", ${event.ideaId ?? null}::uuid AS "ideaId", ${event.callId ?? null}::uuid AS "callId",
             ${event.bookingId ?? null}::uuid AS "bookingId", ${event.allianceId ?? null}::uuid AS "allianceId", ${event.actorId ?? null}::uuid AS "actorId", ${JSON.stringify(event.data ?? {})}::jsonb AS "data"
        FROM (SELECT DISTINCT ON ("recipientId") "recipientId", "kind" FROM (${recipients}) candidates
               WHERE "recipientId" IS NOT NULL ORDER BY "recipientId", "priority") r
        JOIN "User" u ON u."id" = r."recipientId"
        LEFT JOIN "NotificationPreference" p ON p."userId" = r."recipientId" AND p."kind" = r."kind"::"NotificationKind"
       WHERE r."recipientId" IS DISTINCT FROM ${event.actorId ?? null}::uuid`,
  );
}

/**
 * One notification per row of `rows`, each about its own booking with its own `data`: a SELECT of
 * ("recipientId" uuid, "kind" text, "bookingId" uuid, "data" jsonb). Unlike fanOut, a person may
 * get several (one per booking a sweep released); still one statement, never the actor.
 */
export async function fanOutEach(tx: DbClient, rows: Prisma.Sql, actorId: string | null): Promise<{ notified: number; mailed: number }> {
  return writeNotifications(
    tx,
    Prisma.sql`
      SELECT gen_random_uuid() AS "id", r."recipientId", r."kind"::"NotificationKind" AS "kind", u."email", u."locale",
             COALESCE(p."delivery", 'IMMEDIATE') AS "delivery", NULL::uuid AS "ideaId", NULL::uuid AS "callId",
             r."bookingId", NULL::uuid AS "allianceId", ${actorId}::uuid AS "actorId", r."data"
        FROM (${rows}) r
        JOIN "User" u ON u."id" = r."recipientId"
        LEFT JOIN "NotificationPreference" p ON p."userId" = r."recipientId" AND p."kind" = r."kind"::"NotificationKind"
       WHERE r."recipientId" IS DISTINCT FROM ${actorId}::uuid`,
  );
}

/**
 * `targets` is a SELECT of the notifications to write ("id", "recipientId", "kind", "email",
 * "locale", "delivery", "ideaId", "callId", "bookingId", "allianceId", "actorId", "data"); materialized so the
 * ids written to Notification and to EmailOutbox are the same.
 */
async function writeNotifications(tx: DbClient, targets: Prisma.Sql): Promise<{ notified: number; mailed: number }> {
  const [row] = await queryRows<{ notified: number; mailed: number }>(
    tx,
    Prisma.sql`
      WITH targets AS MATERIALIZED (${targets}),
      notes AS (
        INSERT INTO "Notification" ("id", "recipientId", "kind", "ideaId", "callId", "bookingId", "allianceId", "actorId", "data", "digestPending")
        SELECT "id", "recipientId", "kind", "ideaId", "callId", "bookingId", "allianceId", "actorId", "data", "delivery" = 'DAILY'
          FROM targets
        RETURNING "id"
      ),
      mails AS (
        INSERT INTO "EmailOutbox" ("id", "notificationId", "userId", "toEmail", "locale")
        SELECT gen_random_uuid(), "id", "recipientId", "email", "locale" FROM targets WHERE "delivery" = 'IMMEDIATE'
        RETURNING "id"
      )
      SELECT (SELECT count(*) FROM notes)::int AS "notified",
             (SELECT count(graphile_worker.add_job(${DELIVER_EMAIL_TASK}::text, json_build_object('outboxId', m."id"),
                       job_key => 'email:' || m."id", max_attempts => ${DELIVERY_MAX_ATTEMPTS}::int))
                FROM mails m)::int AS "mailed"`,
  );
  return row ?? { notified: 0, mailed: 0 };
}

/** Recipients given by id, all with one kind. */
export function recipientsByIds(ids: readonly string[], kind: NotificationKind): Prisma.Sql {
  if (ids.length === 0) return Prisma.sql`SELECT NULL::uuid AS "recipientId", ${kind}::text AS "kind", 0 AS "priority" WHERE false`;
  return Prisma.sql`SELECT unnest(${[...ids]}::uuid[]) AS "recipientId", ${kind}::text AS "kind", 0 AS "priority"`;
}

/** The idea's author and accepted co-authors, with `kind`. */
export function ideaAuthors(ideaId: string, kind: NotificationKind): Prisma.Sql {
  return Prisma.sql`
    SELECT i."authorId" AS "recipientId", ${kind}::text AS "kind", 0 AS "priority" FROM "Idea" i WHERE i."id" = ${ideaId}::uuid
    UNION ALL
    SELECT c."userId", ${kind}::text, 0 FROM "IdeaCoauthor" c WHERE c."ideaId" = ${ideaId}::uuid AND c."status" = 'ACCEPTED'`;
}

/** Everyone following the idea, with `kind` (after any author row of the same person). */
export function ideaFollowers(ideaId: string, kind: NotificationKind): Prisma.Sql {
  return Prisma.sql`SELECT f."userId" AS "recipientId", ${kind}::text AS "kind", 1 AS "priority" FROM "IdeaFollow" f WHERE f."ideaId" = ${ideaId}::uuid`;
}

/** Authors' rows minus themselves: followers who are not authors. */
export function nonAuthorFollowers(ideaId: string, kind: NotificationKind): Prisma.Sql {
  return Prisma.sql`
    SELECT f."userId" AS "recipientId", ${kind}::text AS "kind", 1 AS "priority" FROM "IdeaFollow" f
     WHERE f."ideaId" = ${ideaId}::uuid
       AND f."userId" <> (SELECT i."authorId" FROM "Idea" i WHERE i."id" = ${ideaId}::uuid)
       AND NOT EXISTS (SELECT 1 FROM "IdeaCoauthor" c WHERE c."ideaId" = f."ideaId" AND c."userId" = f."userId" AND c."status" = 'ACCEPTED')`;
}

export function union(...parts: Prisma.Sql[]): Prisma.Sql {
  return Prisma.join(parts, " UNION ALL ");
}
