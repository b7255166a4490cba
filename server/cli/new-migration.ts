/**
 * `npm run db:migration -- <name>`: writes the SQL that takes the existing migrations to the
 * current schema.prisma. The "before" state comes from applying every migration to a throwaway
 * in-memory PostgreSQL, so no shadow database (and no native engine) is needed.
 */
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations, diffDatabaseToSchema, writeMigration } from "../db/migrations";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]{1,60}$/.test(name)) {
  console.error("Uso: npm run db:migration -- <nombre_en_snake_case> (a-z, 0-9, _; máx. 60)");
  process.exit(2);
}

const scratch = await startEmbeddedPostgres();
try {
  await applyMigrations(scratch.url);
  const sql = await diffDatabaseToSchema(scratch.url);
  if (!sql) {
    console.log("schema.prisma ya coincide con las migraciones: no hay nada que migrar.");
  } else {
    const dir = await writeMigration(name, sql);
    console.log(`Nueva migración: prisma/migrations/${dir}/migration.sql`);
  }
} finally {
  await scratch.stop();
}
process.exit(0);
