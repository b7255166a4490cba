import { Prisma, queryRows, type DbClient } from "../db/client";
import { AppError } from "../trpc/errors";
import { ATTACHMENTS_FIELD } from "./receive";
import { formatSize } from "./rules";

/** Days start at midnight in Barrancabermeja (Colombia keeps UTC−5 all year). */
const QUOTA_TIME_ZONE = "America/Bogota";
const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: QUOTA_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** "2026-11-24": the quota day `now` falls on. */
export function quotaDay(now = new Date()): string {
  return dayFormat.format(now);
}

/** Bytes `userId` has stored on `now`'s day. */
export async function usedUploadBytes(db: DbClient, userId: string, now = new Date()): Promise<number> {
  const rows = await queryRows<{ bytes: bigint }>(
    db,
    Prisma.sql`SELECT "bytes" FROM "UploadUsage" WHERE "userId" = ${userId}::uuid AND "day" = ${quotaDay(now)}::date`,
  );
  return Number(rows[0]?.bytes ?? 0n);
}

/**
 * 429, not 413: the request is fine in itself (413 would tell clients it can never succeed);
 * what ran out is the person's allowance for today, as with any rate limit.
 */
export function quotaExceeded(quota: number, used: number): AppError {
  const params = { quota: formatSize(quota), remaining: formatSize(Math.max(0, quota - used)) };
  return new AppError("TOO_MANY_REQUESTS", "file.quotaExceeded", params, {
    [ATTACHMENTS_FIELD]: { key: "file.quotaExceeded", params },
  });
}

/**
 * Counts `bytes` against today's quota, or throws `quotaExceeded` and counts nothing. One
 * statement decides: the upsert adds only while the sum stays within the quota, and holds the
 * row lock until the caller's transaction ends, so parallel uploads are counted one after the
 * other and can never pass the quota together. Call it inside the transaction that records the
 * files, so a failed insert gives the bytes back.
 */
export async function reserveUploadBytes(tx: DbClient, userId: string, bytes: number, quota: number, now = new Date()) {
  const day = quotaDay(now);
  if (bytes > quota) throw quotaExceeded(quota, await usedUploadBytes(tx, userId, now));
  const rows = await queryRows<{ bytes: bigint }>(tx, Prisma.sql`
    INSERT INTO "UploadUsage" ("userId", "day", "bytes")
    VALUES (${userId}::uuid, ${day}::date, ${bytes}::bigint)
    ON CONFLICT ("userId", "day") DO UPDATE SET "bytes" = "UploadUsage"."bytes" + EXCLUDED."bytes"
    WHERE "UploadUsage"."bytes" + EXCLUDED."bytes" <= ${quota}::bigint
    RETURNING "bytes"`);
  if (rows.length === 0) throw quotaExceeded(quota, await usedUploadBytes(tx, userId, now));
}

/** Counters of days before yesterday: nothing reads them any more. Returns how many were removed. */
export async function deleteOldUploadUsage(db: DbClient, now = new Date()): Promise<number> {
  const yesterday = quotaDay(new Date(now.getTime() - 24 * 3600 * 1000));
  return db.$executeRaw`DELETE FROM "UploadUsage" WHERE "day" < ${yesterday}::date`;
}
