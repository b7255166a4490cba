import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applyMigrations } from "../../server/db/migrations";
import { createTestDatabase, type TestDatabase } from "../support/database";

const engineRuns = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../server/db/schema-engine", async (importActual) => {
  const actual = await importActual<typeof import("../../server/db/schema-engine")>();
  return {
    ...actual,
    withSchemaEngine: (...args: Parameters<typeof actual.withSchemaEngine>) => {
      engineRuns.count += 1;
      return actual.withSchemaEngine(...args);
    },
  };
});

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

describe("applyMigrations on restart", () => {
  it("does no migration work when every migration is already applied unchanged", async () => {
    engineRuns.count = 0;
    expect(await applyMigrations(database.url)).toEqual([]);
    expect(engineRuns.count).toBe(0);
  });

  it("hands anything unexpected to the schema engine (here: a migration recorded with another checksum)", async () => {
    await database.db.$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET checksum = repeat('0', 64) WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`,
    );
    engineRuns.count = 0;
    await applyMigrations(database.url).catch(() => []);
    expect(engineRuns.count).toBe(1);
  });
});
