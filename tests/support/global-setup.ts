import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { withDatabase } from "../../server/db/admin";
import { applyMigrations, readMigrationsList } from "../../server/db/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    /** Real PostgreSQL only: a migrated database each test file clones (CREATE DATABASE ... TEMPLATE). */
    templateDatabase: string | null;
  }
}

/**
 * With DATABASE_URL (CI, real PostgreSQL) the migrations run once into a template database named
 * after their checksum; every test file then gets its own copy in milliseconds. Without it,
 * each file starts its own in-memory embedded PostgreSQL (tests/support/database.ts).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    project.provide("templateDatabase", null);
    return;
  }
  const list = await readMigrationsList();
  const checksum = createHash("sha256")
    .update(JSON.stringify(list.migrationDirectories))
    .digest("hex")
    .slice(0, 16);
  const template = `cocrea_template_${checksum}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (exists.rowCount === 0) {
      const building = scratchDatabaseName("building");
      await admin.query(`CREATE DATABASE "${building}"`);
      await applyMigrations(withDatabase(serverUrl, building));
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`).catch(async (error: unknown) => {
        await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
        // Another run built the same template first: theirs is identical.
        if (!String(error).includes("already exists")) throw error;
      });
    }
    await dropLeftovers(admin);
  } finally {
    await admin.end();
  }
  project.provide("templateDatabase", template);
}

/** `cocrea_<kind>_<creation time, base 36>_<random>`: the time lets a later run judge leftovers. */
export function scratchDatabaseName(kind: "t" | "building"): string {
  return `cocrea_${kind}_${Date.now().toString(36)}_${randomUUID().replaceAll("-", "")}`;
}

const LEFTOVER_AGE_MS = 3 * 60 * 60 * 1000;

/**
 * Test databases of runs that were killed before they could clean up. Another run may be using
 * its own right now (even in the instant between creating it and connecting), so only databases
 * older than any test run, with no one connected, are dropped.
 */
async function dropLeftovers(admin: pg.Client) {
  const candidates = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database
      WHERE (datname LIKE 'cocrea\\_t\\_%' OR datname LIKE 'cocrea\\_building\\_%')
        AND datname NOT IN (SELECT datname FROM pg_stat_activity WHERE datname IS NOT NULL)`,
  );
  for (const { datname } of candidates.rows) {
    const created = /^cocrea_(?:t|building)_([0-9a-z]+)_/.exec(datname)?.[1];
    if (!created || Date.now() - parseInt(created, 36) < LEFTOVER_AGE_MS) continue;
    await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => {});
  }
}
