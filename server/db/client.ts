import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "./generated/client";

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

/** The one way the app talks to PostgreSQL: Prisma over a `pg` pool. */
export function createDb(connectionString: string, options: DbOptions = {}): Db {
  const adapter = new PrismaPg({ connectionString, max: options.maxConnections ?? 10 });
  const transactionOptions = options.embedded ? { transactionOptions: { maxWait: 30_000, timeout: 15_000 } } : {};
  if (!options.onQuery) return new PrismaClient({ adapter, ...transactionOptions });
  const db = new PrismaClient({ adapter, ...transactionOptions, log: [{ emit: "event", level: "query" }] });
  const onQuery = options.onQuery;
  db.$on("query", (event) => onQuery(event.query));
  return db as unknown as Db;
}
