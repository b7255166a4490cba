import type { Env } from "./config";
import type { Db } from "./db/client";
import { createFileService } from "./files/service";
import { createChangeFeed, type ChangeFeed } from "./live/changes";
import type { Services } from "./trpc/context";

/**
 * `changes` defaults to the in-process emitter, which opens no connection: the server passes the
 * LISTEN feed of real PostgreSQL (server/index.ts), and so do tests that exercise it.
 */
export function createServices(env: Env, db: Db, changes: ChangeFeed = createChangeFeed()): Services {
  return { env, db, files: createFileService({ env }), changes };
}
