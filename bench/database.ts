import { adminQuery, withDatabase } from "../server/db/admin";
import { applyMigrations } from "../server/db/migrations";

export interface BenchDatabase {
  name: string;
  url: string;
  /** DROP DATABASE ... WITH (FORCE): the servers may still hold connections. */
  drop(): Promise<void>;
}

/**
 * A fresh database on the DATABASE_URL server, migrated the way `npm start` migrates: the numbers
 * must come from the schema, indexes and functions the app ships, nothing hand-tuned for the bench.
 */
export async function createBenchDatabase(serverUrl: string, prefix = "cocrea_bench"): Promise<BenchDatabase> {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const name = `${prefix}_${stamp}_${process.pid}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  try {
    await applyMigrations(url);
  } catch (error) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
  return {
    name,
    url,
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
