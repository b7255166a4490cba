import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
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
      const building = `cocrea_building_${randomUUID().replaceAll("-", "")}`;
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

/**
 * Test databases of runs that were killed before they could clean up. One still in use by a
 * concurrent run has connections, and DROP DATABASE without FORCE leaves it alone.
 */
async function dropLeftovers(admin: pg.Client) {
  const old = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database
      WHERE (datname LIKE 'cocrea\\_t\\_%' OR datname LIKE 'cocrea\\_building\\_%')
        AND datname NOT IN (SELECT datname FROM pg_stat_activity WHERE datname IS NOT NULL)`,
  );
  for (const { datname } of old.rows) {
    await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => {});
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
