/**
 * The daily digest: at 7:00 in Bogotá, one email per person with the notifications of the kinds
 * they chose "daily" for. graphile-worker's cron reads its patterns in UTC, so the schedule is a
 * function of the instant in America/Bogota (@date-fns/tz), not a fixed UTC hour.
 */
import { TZDate } from "@date-fns/tz";
import type { CronItem } from "graphile-worker";
import { Prisma, queryRows, type DbClient } from "../db/client";
import { TIME_ZONE } from "../i18n/locale";
import { DELIVER_EMAIL_TASK, DELIVERY_MAX_ATTEMPTS } from "./fan-out";

export const DAILY_DIGEST_TASK = "daily-digest";
export const DIGEST_HOUR = 7;

/** The Bogotá calendar day of an instant, "YYYY-MM-DD". */
export function bogotaDay(at: Date): string {
  const local = new TZDate(at.getTime(), TIME_ZONE);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
}

/** True for the minute 07:00 in Bogotá. */
export function isDigestMinute(at: Date): boolean {
  const local = new TZDate(at.getTime(), TIME_ZONE);
  return local.getHours() === DIGEST_HOUR && local.getMinutes() === 0;
}

/**
 * The cron item. graphile-worker hands the matcher a UTC digest without the year; the year is
 * today's (a digest at 7:00 is never near New Year's midnight in UTC). Backfill: a worker that
 * was down at 7:00 sends the day's digest when it comes back within 12 hours.
 */
export const dailyDigestCron: CronItem = {
  task: DAILY_DIGEST_TASK,
  identifier: DAILY_DIGEST_TASK,
  match: ({ min, hour, date, month }) => isDigestMinute(new Date(Date.UTC(new Date().getUTCFullYear(), month - 1, date, hour, min))),
  options: { backfillPeriod: 12 * 60 * 60 * 1000, maxAttempts: 5 },
};

/**
 * Writes the day's digests (one outbox row per person, unique per person and Bogotá day) and
 * their delivery jobs, in one statement: notifications waiting for a digest are taken off the
 * wait in the same statement, so none is told twice and none is lost. Those whose kind is no
 * longer "daily" leave the wait without an email. Running again the same day adds nothing: the
 * notifications of a person who already had today's digest wait for tomorrow's.
 */
export async function queueDailyDigests(db: DbClient, at: Date): Promise<number> {
  const day = bogotaDay(at);
  const [row] = await queryRows<{ queued: number }>(
    db,
    Prisma.sql`
      WITH waiting AS (
        SELECT n."id", n."recipientId", n."createdAt", COALESCE(p."delivery", 'IMMEDIATE') = 'DAILY' AS "daily"
          FROM "Notification" n
          LEFT JOIN "NotificationPreference" p ON p."userId" = n."recipientId" AND p."kind" = n."kind"
         WHERE n."digestPending" AND n."createdAt" <= ${at}::timestamptz
      ),
      due AS (
        SELECT w."recipientId", array_agg(w."id" ORDER BY w."createdAt", w."id") AS "ids"
          FROM waiting w WHERE w."daily" GROUP BY w."recipientId"
      ),
      outbox AS (
        INSERT INTO "EmailOutbox" ("id", "userId", "digestKey", "digestOf", "toEmail", "locale")
        SELECT gen_random_uuid(), d."recipientId", d."recipientId"::text || ':' || ${day}, d."ids", u."email", u."locale"
          FROM due d JOIN "User" u ON u."id" = d."recipientId"
        ON CONFLICT ("digestKey") DO NOTHING
        RETURNING "id", "digestOf"
      ),
      released AS (
        UPDATE "Notification" SET "digestPending" = false
         WHERE "id" IN (SELECT unnest("digestOf") FROM outbox UNION ALL SELECT "id" FROM waiting WHERE NOT "daily")
      )
      SELECT count(graphile_worker.add_job(${DELIVER_EMAIL_TASK}::text, json_build_object('outboxId', o."id"),
                   job_key => 'email:' || o."id", max_attempts => ${DELIVERY_MAX_ATTEMPTS}::int))::int AS "queued"
        FROM outbox o`,
  );
  return row?.queued ?? 0;
}
