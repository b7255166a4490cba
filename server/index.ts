/**
 * `npm start`: validates the configuration, opens PostgreSQL (or the embedded one), applies
 * pending migrations, seeds demo data outside production, and serves Remix, /api/trpc,
 * /api/uploadthing and /healthz on one port.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { ConfigError, loadEnv, shouldSeedDemo } from "./config";
import { createDb } from "./db/client";
import { openDatabase } from "./db/database";
import { applyMigrations } from "./db/migrations";
import { createHttpApp } from "./http/app";
import { seedDemoData, DEMO_ACCOUNTS } from "./seed/demo";
import { scheduleMaintenance } from "./maintenance";
import { startNotificationWorker, type NotificationWorker } from "./notification/worker";
import { createServices } from "./services";
import { createChangeFeed } from "./live/changes";
import { PROJECT_ROOT } from "./paths";

const ROOT = PROJECT_ROOT;

async function main() {
  const env = loadEnv();
  const buildPath = path.join(ROOT, "build", "index.js");
  if (!existsSync(buildPath)) {
    throw new ConfigError(["build/index.js is missing: run `npm run build` first (npm start does it for you)"]);
  }

  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const applied = await applyMigrations(database.url);
  if (applied.length > 0) console.log(`Migraciones aplicadas: ${applied.join(", ")}`);

  const db = createDb(database.url, { maxConnections: database.embedded ? 8 : 20, embedded: database.embedded });
  if (shouldSeedDemo(env)) {
    await seedDemoData(db, { reportHideThreshold: env.REPORT_HIDE_THRESHOLD });
  }

  const remixBuild = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  // Real PostgreSQL: one LISTEN connection hears every process's commits; embedded: an in-process emitter.
  const changes = createChangeFeed({ databaseUrl: database.url, embedded: database.embedded });
  const services = createServices(env, db, changes);
  const app = createHttpApp(services, { remixBuild, publicDir: path.join(ROOT, "public") });
  const stopMaintenance = scheduleMaintenance(services);
  // The email worker (docs/decisions/016-notifications-and-email.md); WORKER_ENABLED=false runs none here.
  const worker: NotificationWorker | null = env.WORKER_ENABLED
    ? await startNotificationWorker({ connectionString: database.url, db, env, changes })
    : null;
  const server = app.listen(env.PORT, env.HOST, () => {
    const shownHost = env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
    console.log(`Cocrea escucha en http://${shownHost}:${env.PORT}`);
    console.log(`Base de datos: ${database.embedded ? `PostgreSQL embebido en ${env.DATA_DIR}/pglite` : "DATABASE_URL"}`);
    if (worker) {
      console.log(`Correo: ${worker.transport.kind === "smtp" ? "SMTP" : `archivos .eml en ${env.DATA_DIR}/mail`}`);
    }
    if (shouldSeedDemo(env) && env.NODE_ENV !== "production") {
      console.log("Cuentas de demostración:");
      for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(12)} ${account.email}  /  ${account.password}`);
    }
  });

  server.on("error", async (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === "EADDRINUSE"
        ? `Cocrea no puede iniciar: el puerto ${env.PORT} ya está en uso. Detén el otro proceso o usa PORT=<otro puerto>.`
        : `Cocrea no puede iniciar: ${error.message}`,
    );
    await worker?.stop().catch(() => {});
    await changes.close();
    await db.$disconnect();
    await database.close();
    process.exit(1);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: cerrando conexiones…`);
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    stopMaintenance();
    // Closing the feed also ends the live indicator streams, which would otherwise hold server.close open.
    void changes.close();
    server.close(async () => {
      await worker?.stop().catch(() => {});
      await db.$disconnect();
      await database.close();
      clearTimeout(force);
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Cocrea no puede iniciar. ${error.message}`);
  } else {
    console.error("Cocrea no puede iniciar:", error);
  }
  process.exit(1);
});
