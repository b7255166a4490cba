import type { Db } from "../../server/db/client";

/**
 * The database clock of a test file's own database, which tests move instead of sleeping:
 * `cocrea_now()` is the statement's start plus the offset set here (migrations calls_and_challenges, clock_statement_time).
 */
export function testClock(db: Db) {
  return {
    /** From now on, the database's clock reads `instant` (and keeps running from there). */
    async set(instant: Date) {
      await db.$executeRaw`UPDATE "ClockOffset" SET "offsetMs" = round(extract(epoch FROM (${instant}::timestamptz - now())) * 1000)::bigint WHERE "id" = 1`;
    },
    async advance(ms: number) {
      await db.$executeRaw`UPDATE "ClockOffset" SET "offsetMs" = "offsetMs" + ${ms}::bigint WHERE "id" = 1`;
    },
    async reset() {
      await db.$executeRaw`UPDATE "ClockOffset" SET "offsetMs" = 0 WHERE "id" = 1`;
    },
    async now(): Promise<Date> {
      const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT cocrea_now() AS now`;
      return row!.now;
    },
  };
}
