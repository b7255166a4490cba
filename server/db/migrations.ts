import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import pg from "pg";
import { withSchemaEngine } from "./schema-engine";
import { installJobQueue } from "../jobs/queue";
import { PROJECT_ROOT } from "../paths";

export const PRISMA_DIR = path.join(PROJECT_ROOT, "prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");

const NO_FILTERS = { externalTables: [], externalEnums: [] };

export function readDatamodel(): Promise<string> {
  return readFile(SCHEMA_PATH, "utf8");
}

/** The migrations folder in the shape the schema engine expects (as `prisma migrate` reads it). */
export async function readMigrationsList(dir = MIGRATIONS_DIR) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const content = await readFile(file, "utf8").then(
        (ok) => ({ tag: "ok" as const, value: ok }),
        (err: Error) => ({ tag: "error" as const, value: err.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  const lockfile = await readFile(path.join(dir, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/**
 * Applies pending migrations and records them in `_prisma_migrations`, like `prisma migrate deploy`,
 * then installs or upgrades the job queue's own schema (graphile_worker): use cases enqueue jobs
 * in their transactions, so every database the app uses needs it, with or without a worker.
 */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const applied = await applyPrismaMigrations(connectionString);
  await installJobQueue(connectionString);
  return applied;
}

async function applyPrismaMigrations(connectionString: string): Promise<string[]> {
  const [datamodel, migrationsList] = await Promise.all([readDatamodel(), readMigrationsList()]);
  if (migrationsList.migrationDirectories.length === 0) return [];
  if (await allApplied(connectionString, migrationsList.migrationDirectories)) return [];
  return withSchemaEngine(connectionString, datamodel, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS } as never);
    return (result as { appliedMigrationNames: string[] }).appliedMigrationNames;
  });
}

/**
 * True when every migration folder is recorded as finished with the same checksum (the SHA-256
 * of its script, as Prisma records it): a restart then skips loading the schema engine. Anything
 * else (a new, edited, failed or rolled-back migration, no table yet) goes to the engine, which
 * applies or reports it.
 */
async function allApplied(
  connectionString: string,
  directories: { path: string; migrationFile: { content: { tag: "ok" | "error"; value: string } } }[],
): Promise<boolean> {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const recorded = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    return directories.every(
      (dir) =>
        dir.migrationFile.content.tag === "ok" &&
        recorded.get(dir.path) === createHash("sha256").update(dir.migrationFile.content.value).digest("hex"),
    );
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * SQL that would bring the live database to `schema.prisma`; empty when they agree.
 * Run against a database that has just had every migration applied, it detects drift.
 */
export async function diffDatabaseToSchema(connectionString: string): Promise<string> {
  const datamodel = await readDatamodel();
  const files = [{ path: SCHEMA_PATH, content: datamodel }];
  return withSchemaEngine(connectionString, datamodel, async (engine) => {
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: path.dirname(PRISMA_DIR) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: NO_FILTERS,
    } as never);
    const script = (result as { stdout: string | null }).stdout ?? "";
    return isEmptyMigration(script) ? "" : script;
  });
}

function isEmptyMigration(script: string): boolean {
  return script
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}

/** Writes `prisma/migrations/<timestamp>_<name>/migration.sql`. */
export async function writeMigration(name: string, sql: string, now = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dirName = `${stamp}_${name}`;
  const dir = path.join(MIGRATIONS_DIR, dirName);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  const lock = await readFile(lockPath, "utf8").catch(() => null);
  if (lock === null) {
    await writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return dirName;
}
