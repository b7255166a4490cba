import { Prisma, queryRows, type Db } from "../db/client";

const MINUTE_MS = 60 * 1000;

/** A fixed-window counter: at most `limit` reservations per `windowMs` under one key. */
export interface ThrottleRule {
  /** Prefix of the counter's key; the rest of the key names who is counted. */
  name: string;
  limit: number;
  windowMs: number;
}

/**
 * The sign-in and sign-up policy (README, "Sign-in policy"). Only failures count towards the
 * sign-in rules, because a successful login gives its reservation back.
 * - ACCOUNT_FROM_IP: guessing one account's password from one connection.
 * - IP: one connection guessing many accounts.
 * - ACCOUNT: a distributed attack on one account; it does not apply to a browser that has signed
 *   in to that account before (a trusted-device cookie), so strangers cannot lock the owner out.
 */
export const LOGIN_RULES = {
  ACCOUNT_FROM_IP: { name: "login:account-ip", limit: 5, windowMs: 15 * MINUTE_MS },
  IP: { name: "login:ip", limit: 30, windowMs: 15 * MINUTE_MS },
  ACCOUNT: { name: "login:account", limit: 50, windowMs: 60 * MINUTE_MS },
} as const satisfies Record<string, ThrottleRule>;

/** New accounts per connection: a workshop behind one router still fits in an hour. */
export const REGISTRATION_RULE = { name: "register:ip", limit: 20, windowMs: 60 * MINUTE_MS } as const satisfies ThrottleRule;

/** Counters older than the longest window are stale; maintenance deletes them. */
export const LONGEST_THROTTLE_WINDOW_MS = Math.max(
  ...[...Object.values(LOGIN_RULES), REGISTRATION_RULE].map((rule) => rule.windowMs),
);

export interface ThrottleVerdict {
  key: string;
  allowed: boolean;
  retryAfterSeconds: number;
}

export function throttleKey(rule: ThrottleRule, ...parts: string[]): string {
  return [rule.name, ...parts].join(":");
}

/**
 * Reserves one attempt under `key` atomically in PostgreSQL, so parallel requests cannot all
 * slip past the check.
 */
export async function reserveAttempt(db: Db, rule: ThrottleRule, key: string, now = new Date()): Promise<ThrottleVerdict> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const rows = await queryRows<{ attempts: number; windowStartAt: Date }>(db, Prisma.sql`
    INSERT INTO "LoginThrottle" ("key", "attempts", "windowStartAt")
    VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "attempts" = CASE WHEN "LoginThrottle"."windowStartAt" <= ${windowStart}
                        THEN 1 ELSE "LoginThrottle"."attempts" + 1 END,
      "windowStartAt" = CASE WHEN "LoginThrottle"."windowStartAt" <= ${windowStart}
                             THEN ${now} ELSE "LoginThrottle"."windowStartAt" END
    RETURNING "attempts", "windowStartAt"`);
  const row = rows[0]!;
  const reopensAt = row.windowStartAt.getTime() + rule.windowMs;
  return {
    key,
    allowed: row.attempts <= rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000)),
  };
}

/** Gives a reservation back (a successful login, a registration that failed validation). */
export async function forgiveAttempt(db: Db, key: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "LoginThrottle" SET "attempts" = GREATEST("attempts" - 1, 0) WHERE "key" = ${key}`;
}

export async function clearAttempts(db: Db, keys: string[]): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: { in: keys } } });
}

/** The longest wait among refused verdicts, in whole minutes for the message; null when all allow. */
export function refusalMinutes(verdicts: ThrottleVerdict[]): number | null {
  const refused = verdicts.filter((v) => !v.allowed);
  if (refused.length === 0) return null;
  return Math.ceil(Math.max(...refused.map((v) => v.retryAfterSeconds)) / 60);
}
