import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffDatabaseToSchema } from "../../server/db/migrations";
import { retryOnConflict, translateDbError, withConstraintMessages } from "../../server/db/errors";
import { startEmbeddedPostgres } from "../../server/db/embedded";
import { applyMigrations } from "../../server/db/migrations";
import { createDb, type Db } from "../../server/db/client";
import { AppError } from "../../server/trpc/errors";
import { describeError } from "../../server/trpc/error-shape";
import { createTestDatabase, type TestDatabase } from "../support/database";

/**
 * The same checks on this run's database (real PostgreSQL when DATABASE_URL is set) and on the
 * embedded one, whose errors travel through the same driver adapter.
 */
const targets: { name: string; open(): Promise<{ db: Db; url: string; close(): Promise<void> }> }[] = [
  {
    name: process.env.DATABASE_URL ? "PostgreSQL server" : "embedded (default)",
    async open() {
      const database: TestDatabase = await createTestDatabase();
      return { db: database.db, url: database.url, close: () => database.drop() };
    },
  },
  {
    name: "embedded",
    async open() {
      const embedded = await startEmbeddedPostgres();
      await applyMigrations(embedded.url);
      const db = createDb(embedded.url, { maxConnections: 4 });
      return { db, url: embedded.url, close: async () => (await db.$disconnect(), await embedded.stop()) };
    },
  },
];

// Hand-written SQL of the kind Prisma's schema language cannot express (bookings will need it).
const HAND_WRITTEN = `
  CREATE EXTENSION IF NOT EXISTS btree_gist;
  CREATE TABLE "ProbeRoom" ("id" INT PRIMARY KEY, "code" TEXT CONSTRAINT "ProbeRoom_code_key" UNIQUE,
    "capacity" INT CONSTRAINT "ProbeRoom_capacity_check" CHECK ("capacity" > 0));
  CREATE TABLE "ProbeBooking" ("id" INT PRIMARY KEY,
    "roomId" INT NOT NULL CONSTRAINT "ProbeBooking_roomId_fkey" REFERENCES "ProbeRoom"("id"),
    "during" TSTZRANGE NOT NULL,
    CONSTRAINT "ProbeBooking_no_overlap" EXCLUDE USING gist ("roomId" WITH =, "during" WITH &&));
  INSERT INTO "ProbeRoom" VALUES (1, 'LAB-1', 4);
  INSERT INTO "ProbeBooking" VALUES (1, 1, '[2026-12-01 14:00+00,2026-12-01 15:00+00)');`;

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a database error");
}

for (const target of targets) {
  describe(`database error translation (${target.name})`, () => {
    let db: Db;
    let url: string;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ db, url, close } = await target.open());
      await db.$executeRawUnsafe(HAND_WRITTEN);
    });
    afterAll(() => close?.());

    it("turns a unique violation into a 409 on the column's field", async () => {
      const error = translateDbError(await failure(db.$executeRaw`INSERT INTO "ProbeRoom" VALUES (2, 'LAB-1', 3)`));
      expect(error).toBeInstanceOf(AppError);
      const shown = describeError(error, "es");
      expect(shown.httpStatus).toBe(409);
      expect(shown.fieldErrors).toEqual({ code: "Ya existe un registro con este valor." });
    });

    it("uses the caller's message for a foreign key, a check and an exclusion constraint", async () => {
      const messages = {
        ProbeBooking_no_overlap: { key: "auth.emailTaken" as const, field: "start" },
        ProbeRoom_capacity_check: { key: "validation.invalid" as const, field: "capacity" },
        ProbeBooking_roomId_fkey: { key: "validation.id" as const, field: "roomId" },
      };
      const overlap = await failure(
        withConstraintMessages(() => db.$executeRaw`INSERT INTO "ProbeBooking" VALUES (2, 1, '[2026-12-01 14:30+00,2026-12-01 16:00+00)')`, messages),
      );
      expect(describeError(overlap, "en")).toMatchObject({
        httpStatus: 409,
        fieldErrors: { start: "An account with this email already exists." },
      });
      const check = await failure(withConstraintMessages(() => db.$executeRaw`INSERT INTO "ProbeRoom" VALUES (3, 'LAB-3', 0)`, messages));
      expect(describeError(check, "es")).toMatchObject({ httpStatus: 409, fieldErrors: { capacity: "Este valor no es válido." } });
      const fk = await failure(
        withConstraintMessages(() => db.$executeRaw`INSERT INTO "ProbeBooking" VALUES (3, 99, '[2026-12-02 14:00+00,2026-12-02 15:00+00)')`, messages),
      );
      expect(describeError(fk, "es")).toMatchObject({ httpStatus: 409, fieldErrors: { roomId: "El identificador no es válido." } });
      // Nothing was written by any of them.
      expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "ProbeBooking"`).toEqual([{ n: 1 }]);
    });

    it("leaves other errors alone (they are real 500s)", async () => {
      const error = await failure(db.$executeRawUnsafe(`SELECT * FROM "NoSuchTable"`));
      expect(translateDbError(error)).toBe(error);
    });

    // Last in this block: it drops the probe tables, which schema.prisma does not know.
    it("does not count hand-written constraints as drift between schema.prisma and the migrations", async () => {
      await db.$executeRawUnsafe(`DROP TABLE "ProbeBooking"; DROP TABLE "ProbeRoom";`);
      await db.$executeRawUnsafe(
        `ALTER TABLE "LoginThrottle" ADD CONSTRAINT "LoginThrottle_probe_excl" EXCLUDE USING gist ("key" WITH =, "windowStartAt" WITH =)`,
      );
      expect(await diffDatabaseToSchema(url)).toBe("");
      await db.$executeRawUnsafe(`ALTER TABLE "LoginThrottle" DROP CONSTRAINT "LoginThrottle_probe_excl"`);
    });
  });
}

describe.runIf(process.env.DATABASE_URL)("retryOnConflict (real PostgreSQL: the embedded one runs transactions one at a time)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.$executeRawUnsafe(`CREATE TABLE "ProbeCounter" ("id" INT PRIMARY KEY, "total" INT NOT NULL); INSERT INTO "ProbeCounter" VALUES (1, 0);`);
  });
  afterAll(() => database?.drop());

  it("retries serialization failures so that every concurrent increment lands exactly once", async () => {
    const increment = () =>
      database.db.$transaction(
        async (tx) => {
          const [row] = await tx.$queryRaw<{ total: number }[]>`SELECT "total" FROM "ProbeCounter" WHERE "id" = 1`;
          await new Promise((resolve) => setTimeout(resolve, 10));
          await tx.$executeRaw`UPDATE "ProbeCounter" SET "total" = ${row!.total + 1} WHERE "id" = 1`;
        },
        { isolationLevel: "Serializable" },
      );
    const withoutRetry = await Promise.allSettled(Array.from({ length: 4 }, increment));
    expect(withoutRetry.some((r) => r.status === "rejected")).toBe(true);

    await database.db.$executeRaw`UPDATE "ProbeCounter" SET "total" = 0`;
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => retryOnConflict(increment, 10)));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await database.db.$queryRaw<{ total: number }[]>`SELECT "total" FROM "ProbeCounter"`).toEqual([{ total: 4 }]);
  });
});
