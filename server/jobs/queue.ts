/**
 * The PostgreSQL job queue (graphile-worker): its schema, and how a use case enqueues a job inside
 * its own transaction, so the job exists exactly when the change that asked for it committed
 * (docs/decisions/016-notifications-and-email.md).
 */
import { runMigrations, type Logger } from "graphile-worker";
import { Prisma, type DbClient } from "../db/client";
import { quietLogger } from "./logger";

export const JOB_SCHEMA = "graphile_worker";

/** Creates or upgrades the graphile_worker schema (idempotent; part of applying migrations). */
export async function installJobQueue(connectionString: string, logger: Logger = quietLogger()): Promise<void> {
  await runMigrations({ connectionString, schema: JOB_SCHEMA, logger });
}

export interface EnqueueOptions {
  /** A job with the same key replaces the pending one instead of adding a second. */
  jobKey?: string;
  maxAttempts?: number;
  runAt?: Date;
}

/**
 * Adds a job in the caller's transaction with graphile-worker's own SQL function: if the
 * transaction rolls back, the job never existed.
 */
export async function enqueueJob(tx: DbClient, task: string, payload: Record<string, unknown>, options: EnqueueOptions = {}) {
  await tx.$executeRaw(Prisma.sql`
    SELECT graphile_worker.add_job(
      ${task}::text,
      ${JSON.stringify(payload)}::json,
      job_key => ${options.jobKey ?? null}::text,
      max_attempts => ${options.maxAttempts ?? 10}::int,
      run_at => ${options.runAt ?? null}::timestamptz)`);
}
