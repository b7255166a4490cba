import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "./generated/client";

export type Db = PrismaClient;
export * from "./generated/client";

/**
 * What service functions run on: the root client, or the transaction of the use case that
 * called them, so one use case spanning several domains commits or rolls back as a whole
 * (docs/decisions/007-transactions-and-database-errors.md).
 */
export type DbClient = Db | Prisma.TransactionClient;

/**
 * Runs `work` in a transaction: the caller's when `db` already is one (Prisma transaction
 * clients have no `$transaction`), otherwise a new one.
 */
export function inTransaction<T>(db: DbClient, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return "$transaction" in db && typeof db.$transaction === "function" ? db.$transaction(work) : work(db);
}

export interface DbOptions {
  maxConnections?: number;
  /**
   * The embedded database runs one statement group or transaction at a time and queues the
   * rest (docs/decisions/005-embedded-postgres-concurrency.md), so under load a transaction
   * may wait its turn far longer than Prisma's 2 s default allows before it gives up with a 500.
   */
  embedded?: boolean;
  /** Sees every SQL statement sent (tests count statements per request with it). */
  onQuery?: (sql: string) => void;
}

interface RawPath {
  pool: pg.Pool;
  onQuery?: (sql: string) => void;
}

/** The pool under each root client, for queryRows; transaction clients are not in it. */
const rawPaths = new WeakMap<object, RawPath>();

/** The one way the app talks to PostgreSQL: Prisma over a `pg` pool (and queryRows on the same pool). */
export function createDb(connectionString: string, options: DbOptions = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  // An idle connection dropped by the server (a restart) must not crash the process before
  // Prisma, which attaches its own listener on first use, has run a query.
  pool.on("error", () => {});
  // Prisma ends the pool on $disconnect, as it did when it created the pool itself.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const transactionOptions = options.embedded ? { transactionOptions: { maxWait: 30_000, timeout: 15_000 } } : {};
  const db = options.onQuery
    ? new PrismaClient({ adapter, ...transactionOptions, log: [{ emit: "event", level: "query" }] })
    : new PrismaClient({ adapter, ...transactionOptions });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (db as unknown as PrismaClient<"query">).$on("query", (event) => onQuery(event.query));
  }
  rawPaths.set(db, { pool, onQuery: options.onQuery });
  return db as Db;
}

/**
 * Column types as Prisma's `$queryRaw` returns them, so a row reads the same whichever path ran
 * it: timestamps as Dates (a `timestamp` without zone is UTC, as Prisma writes it), int8 as
 * bigint, numeric as Decimal. Other types keep pg's parsing (int4 → number, json → value).
 */
const PARSERS = new Map<number, (value: string) => unknown>([
  [pg.types.builtins.TIMESTAMP, (value) => new Date(`${value.replace(" ", "T")}Z`)],
  [pg.types.builtins.TIMESTAMPTZ, (value) => new Date(value.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00"))],
  [pg.types.builtins.DATE, (value) => new Date(`${value}T00:00:00Z`)],
  [pg.types.builtins.INT8, (value) => BigInt(value)],
  [pg.types.builtins.NUMERIC, (value) => new Prisma.Decimal(value)],
]);
const TYPES = {
  getTypeParser: ((oid: number, format?: string) => PARSERS.get(oid) ?? pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** Dates as Prisma sends them (UTC, no offset), so comparisons with `timestamp` columns do not depend on the session's time zone. */
function toParameter(value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  return value.toISOString().replace("T", " ").replace("Z", "");
}

/**
 * Runs one hand-written statement and returns its rows. On the root client it goes straight to
 * the `pg` pool Prisma's adapter also uses, skipping Prisma's query pipeline (measured in
 * docs/decisions/009-performance.md); inside a transaction it runs on the transaction's
 * connection through `$queryRaw`. The row type is the caller's promise, as with `$queryRaw`.
 */
export async function queryRows<T>(db: DbClient, query: Prisma.Sql): Promise<T[]> {
  const raw = rawPaths.get(db);
  if (!raw) return (db as Prisma.TransactionClient).$queryRaw<T[]>(query);
  const text = query.text;
  raw.onQuery?.(text);
  const result = await raw.pool.query({ text, values: query.values.map(toParameter), types: TYPES });
  return result.rows as T[];
}
