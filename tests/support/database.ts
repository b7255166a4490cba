import { inject } from "vitest";
import { createDb, type Db } from "../../server/db/client";
import { startEmbeddedPostgres } from "../../server/db/embedded";
import { applyMigrations } from "../../server/db/migrations";
import { adminQuery, withDatabase } from "../../server/db/admin";
import { scratchDatabaseName } from "./global-setup";

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/** A migrated database of this test file's own: a clone of the template, or an embedded one. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const template = inject("templateDatabase");
  if (serverUrl && template) {
    const name = scratchDatabaseName("t");
    await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    const url = withDatabase(serverUrl, name);
    const db = createDb(url, { maxConnections: 20 });
    return {
      url,
      db,
      async drop() {
        await db.$disconnect();
        await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const embedded = await startEmbeddedPostgres();
  await applyMigrations(embedded.url);
  const db = createDb(embedded.url, { maxConnections: 20, embedded: true });
  return {
    url: embedded.url,
    db,
    async drop() {
      await db.$disconnect();
      await embedded.stop();
    },
  };
}
