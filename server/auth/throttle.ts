import type { Db } from "../db/client";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failed logins allowed per account and per client IP in one window. */
export const ACCOUNT_ATTEMPTS = 5;
export const IP_ATTEMPTS = 30;

export interface ThrottleVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Reserves one attempt under `key` in a fixed window, atomically in PostgreSQL, so parallel
 * requests cannot all slip past the check. A successful login gives the attempt back
 * (`forgiveLoginAttempt`), so only failures accumulate.
 */
export async function reserveLoginAttempt(db: Db, key: string, limit: number, now = new Date()): Promise<ThrottleVerdict> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const rows = await db.$queryRaw<{ attempts: number; windowStartAt: Date }[]>`
    INSERT INTO "LoginThrottle" ("key", "attempts", "windowStartAt")
    VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "attempts" = CASE WHEN "LoginThrottle"."windowStartAt" <= ${windowStart}
                        THEN 1 ELSE "LoginThrottle"."attempts" + 1 END,
      "windowStartAt" = CASE WHEN "LoginThrottle"."windowStartAt" <= ${windowStart}
                             THEN ${now} ELSE "LoginThrottle"."windowStartAt" END
    RETURNING "attempts", "windowStartAt"`;
  const row = rows[0]!;
  const reopensAt = row.windowStartAt.getTime() + THROTTLE_WINDOW_MS;
  return {
    allowed: row.attempts <= limit,
    retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000)),
  };
}

export async function forgiveLoginAttempt(db: Db, key: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "LoginThrottle" SET "attempts" = GREATEST("attempts" - 1, 0) WHERE "key" = ${key}`;
}

export async function clearLoginAttempts(db: Db, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}

export const accountKey = (email: string) => `account:${email}`;
export const ipKey = (ip: string) => `ip:${ip}`;
