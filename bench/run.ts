/**
 * `npm run bench`: loads 10,000 bookings and 1,000 then 100,000 ideas into a fresh database on
 * the DATABASE_URL server, measures the app against a raw-SQL server answering the same requests, prints the
 * ratios, writes bench-results/<time>.json and exits 1 when a target of issue 7 is missed.
 *
 * Options: --quick (1,000 ideas, short runs: a smoke check), --keep (keep the database),
 * --no-build (use the existing build), --sizes=1000,100000, --duration=<s>, --rounds=<n>,
 * --warmup=<s>, --connections=<n>, --only=<scenario,...>.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { seedBookings, type BenchBookings } from "./bookings";
import { createBenchDatabase, type BenchDatabase } from "./database";
import { checkBodies, measureScenario, type MeasureOptions } from "./measure";
import { explainListQueries, prepareContext } from "./prepare";
import { ROOT, startApp, startRawServer, type ServerProcess } from "./processes";
import { formatSize, formatTargets, writeResults } from "./report";
import { BENCH_BOOKING_PURPOSE, BENCH_IDEA_TITLE, SCENARIOS, WRITING_KINDS } from "./scenarios";
import { seedCounts, seedIdeas, seedUsers } from "./seed";
import { evaluateTargets, type ScenarioResult, type SizeResult } from "./targets";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    sizes: { type: "string" },
    duration: { type: "string" },
    rounds: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string" },
    only: { type: "string" },
  },
});

const USERS = 1_000;
const BOOKINGS = 10_000;

const round2 = (n: number) => Math.round(n * 100) / 100;

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number, got "${value}"`);
  return parsed;
}

function explainMissingDatabase(): never {
  console.error(
    [
      "npm run bench needs a real PostgreSQL server: set DATABASE_URL.",
      "",
      "  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench",
      "",
      "The benchmark creates its own database (cocrea_bench_<time>) on that server, loads",
      "1,000 and then 100,000 ideas, and drops it at the end (--keep keeps it). The role in the URL",
      "must be allowed to CREATE DATABASE. The embedded database (PGlite) is not measured:",
      "it serializes transactions, so its numbers would say nothing about production.",
    ].join("\n"),
  );
  process.exit(2);
}

function buildApp() {
  console.log("Building the app (npm run build; --no-build skips)…");
  const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error("npm run build failed");
  }
}

async function cleanUpAfterWrites(client: pg.ClientBase) {
  await client.query(`DELETE FROM "Idea" WHERE "title" = $1`, [BENCH_IDEA_TITLE]);
  await client.query(`VACUUM ANALYZE "Idea"`);
  await client.query(`DELETE FROM "Booking" WHERE "purpose" = $1`, [BENCH_BOOKING_PURPOSE]);
  await client.query(`VACUUM ANALYZE "Booking"`);
}

async function benchSize(
  client: pg.ClientBase,
  databaseUrl: string,
  ideas: number,
  seedSeconds: number,
  options: MeasureOptions,
  only: Set<string> | null,
  bookings: BenchBookings,
): Promise<SizeResult> {
  const counts = await seedCounts(client);
  const servers: ServerProcess[] = [];
  try {
    const app = await startApp(databaseUrl);
    servers.push(app);
    const raw = await startRawServer(databaseUrl);
    servers.push(raw);
    const ctx = await prepareContext(client, app, bookings);
    const scenarios = SCENARIOS.filter((s) => !only || only.has(s.name));

    const checks = new Map<string, ScenarioResult["check"]>();
    for (const scenario of scenarios) checks.set(scenario.name, await checkBodies(scenario, ctx, app, raw));
    await cleanUpAfterWrites(client);
    // Every route has run once (the checks); idle memory is read before any load.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const idleRssMiB = { app: await app.rssMiB(), raw: await raw.rssMiB() };

    const loadBefore = os.loadavg()[0]!;
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      process.stdout.write(`  ${ideas} ideas: ${scenario.name}…`);
      const result = await measureScenario(scenario, ctx, { app, raw }, options, checks.get(scenario.name)!, results);
      results.push(result);
      console.log(` app ${result.app.rps.toFixed(0)} req/s p50 ${result.app.p50} ms, ${result.baseline.of} ${result.baseline.rps.toFixed(0)} req/s p50 ${result.baseline.p50} ms`);
      if (WRITING_KINDS.includes(scenario.kind)) await cleanUpAfterWrites(client);
    }
    const plans = await explainListQueries(client);
    return {
      ideas,
      seedSeconds,
      counts,
      idleRssMiB,
      commands: { app: app.command, raw: raw.command },
      loadAverage: { before: round2(loadBefore), after: round2(os.loadavg()[0]!) },
      scenarios: results,
      plans,
    };
  } catch (error) {
    for (const server of servers) console.error(`--- ${server.label} output ---\n${server.output().slice(-3_000)}`);
    throw error;
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await client.query(`DELETE FROM "Session"; DELETE FROM "TrustedDevice"; DELETE FROM "LoginThrottle"`);
  }
}

async function main() {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) explainMissingDatabase();
  const quick = args.quick ?? false;
  const sizes = (args.sizes ?? (quick ? "1000" : "1000,100000")).split(",").map((s) => positive(s.trim(), 0, "sizes"));
  const options: MeasureOptions = {
    durationS: positive(args.duration, quick ? 2 : 4, "duration"),
    rounds: positive(args.rounds, quick ? 1 : 2, "rounds"),
    warmupS: positive(args.warmup, 1, "warmup"),
    connections: positive(args.connections, 12, "connections"),
  };
  const only = args.only ? new Set(args.only.split(",").map((s) => s.trim())) : null;
  const unknown = only ? [...only].filter((name) => !SCENARIOS.some((s) => s.name === name)) : [];
  if (unknown.length > 0) throw new Error(`Unknown scenario(s): ${unknown.join(", ")}; known: ${SCENARIOS.map((s) => s.name).join(", ")}`);

  const startedAt = new Date();
  if (!args["no-build"]) buildApp();
  let database: BenchDatabase | null = null;
  const results: SizeResult[] = [];
  try {
    database = await createBenchDatabase(serverUrl);
    const created = database;
    // Ctrl-C also stops the servers (same process group); the database must not be left behind.
    process.once("SIGINT", () => {
      console.error("\nInterrupted: dropping the benchmark database…");
      void (args.keep ? Promise.resolve() : created.drop()).finally(() => process.exit(130));
    });
    console.log(`Database ${database.name} created and migrated${args.keep ? " (kept at the end: --keep)" : ""}.`);
    const seeded = new pg.Client({ connectionString: database.url });
    await seeded.connect();
    try {
      const { rows } = await seeded.query<{ server_version: string }>("SHOW server_version");
      console.log(`PostgreSQL ${rows[0]?.server_version}; ${os.cpus().length} CPUs; ${options.rounds} rounds × ${options.durationS} s, ${options.connections} connections`);
      await seedUsers(seeded, USERS);
      const bookings = await seedBookings(seeded, BOOKINGS);
      console.log(
        `Loaded ${BOOKINGS.toLocaleString("en")} bookings; availability-month reads ${bookings.month.from}..${bookings.month.to}, ` +
          `${bookings.liveInMonth} live bookings of its space in it.`,
      );
      let loaded = 0;
      for (const size of sizes.sort((a, b) => a - b)) {
        const started = performance.now();
        await seedIdeas(seeded, loaded + 1, size);
        loaded = size;
        const seedSeconds = (performance.now() - started) / 1000;
        console.log(`Loaded ${size.toLocaleString("en")} ideas in ${seedSeconds.toFixed(1)} s; measuring…`);
        const result = await benchSize(seeded, database.url, size, seedSeconds, options, only, bookings);
        results.push(result);
        console.log(formatSize(result));
      }
    } finally {
      await seeded.end();
    }
  } finally {
    if (database && !args.keep) await database.drop();
    else if (database) console.log(`Kept database: ${database.url}`);
  }

  const verdicts = evaluateTargets(results);
  console.log(formatTargets(verdicts));
  const file = await writeResults(
    ROOT,
    {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
      options: { ...options, sizes, quick, only: only ? [...only] : null },
      sizes: results,
      targets: verdicts,
    },
    startedAt,
  );
  console.log(`\nResults written to ${file}`);
  const missed = verdicts.filter((v) => !v.pass);
  if (missed.length > 0) {
    console.log(`${missed.length} target(s) missed: ${[...new Set(missed.map((v) => v.scenario))].join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(`npm run bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
