import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffDatabaseToSchema, readMigrationsList } from "../../server/db/migrations";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

describe("prisma/migrations", () => {
  it("agree with schema.prisma (run `npm run db:migration -- <name>` after editing the schema)", async () => {
    const pending = await diffDatabaseToSchema(database.url);
    expect(pending, `schema.prisma has changes no migration contains:\n${pending}`).toBe("");
  });

  it("are recorded in _prisma_migrations with checksums, as prisma migrate deploy expects", async () => {
    const { migrationDirectories, lockfile } = await readMigrationsList();
    expect(lockfile.content).toMatch(/provider = "postgresql"/);
    const rows = await database.db.$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null }[]>`
      SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(migrationDirectories.map((d) => d.path));
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
    }
  });
});
