/**
 * The background worker: graphile-worker in this process, polling the job queue (the embedded
 * database cannot deliver its LISTEN wake-ups; on a PostgreSQL server they also arrive). It runs
 * the deliver-email jobs that use cases enqueue with their outbox rows, and the daily digest.
 */
import { parseCronItems, run, type Logger, type Runner, type TaskList } from "graphile-worker";
import type { Env } from "../config";
import { bookingTasks, releaseNoShowsCron } from "../booking/jobs";
import type { Db } from "../db/client";
import type { ChangeFeed } from "../live/changes";
import { quietLogger } from "../jobs/logger";
import { JOB_SCHEMA } from "../jobs/queue";
import { deliverEmail } from "./delivery";
import { DAILY_DIGEST_TASK, dailyDigestCron, queueDailyDigests } from "./digest";
import { createMailTransport, type MailTransport } from "./email/transport";
import { DELIVER_EMAIL_TASK } from "./fan-out";

export interface WorkerOptions {
  connectionString: string;
  db: Db;
  env: Env;
  /** The live feed, told when a background job changed what indicators read. */
  changes?: ChangeFeed;
  /** Tests pass their own; otherwise SMTP or .eml files as the environment says. */
  transport?: MailTransport;
  logger?: Logger;
  concurrency?: number;
}

export interface NotificationWorker {
  runner: Runner;
  transport: MailTransport;
  /** Waits for the jobs under way to finish, then stops taking new ones. */
  stop(): Promise<void>;
}

export function notificationTasks(deps: { db: Db; env: Env; transport: MailTransport }): TaskList {
  return {
    [DELIVER_EMAIL_TASK]: async (payload, helpers) => {
      const outboxId = (payload as { outboxId?: unknown }).outboxId;
      if (typeof outboxId !== "string") return;
      const result = await deliverEmail(deps, outboxId, { lastAttempt: helpers.job.attempts >= helpers.job.max_attempts });
      if (result !== "skipped") helpers.logger.debug(`email ${outboxId}: ${result}`);
    },
    [DAILY_DIGEST_TASK]: async (payload) => {
      const scheduled = (payload as { _cron?: { ts?: string } })._cron?.ts;
      await queueDailyDigests(deps.db, scheduled ? new Date(scheduled) : new Date());
    },
  };
}

export async function startNotificationWorker(options: WorkerOptions): Promise<NotificationWorker> {
  const transport = options.transport ?? createMailTransport(options.env);
  const runner = await run({
    connectionString: options.connectionString,
    schema: JOB_SCHEMA,
    concurrency: options.concurrency ?? 2,
    maxPoolSize: 4,
    pollInterval: options.env.WORKER_POLL_INTERVAL_MS,
    noHandleSignals: true,
    logger: options.logger ?? quietLogger(),
    taskList: { ...notificationTasks({ db: options.db, env: options.env, transport }), ...bookingTasks({ db: options.db, env: options.env, changes: options.changes }) },
    parsedCronItems: parseCronItems([dailyDigestCron, releaseNoShowsCron]),
  });
  let stopped: Promise<void> | null = null;
  return {
    runner,
    transport,
    stop() {
      stopped ??= runner.stop().finally(() => {
        if (!options.transport) transport.close();
      });
      return stopped;
    },
  };
}
