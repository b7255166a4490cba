import type { Env } from "./config";
import type { Db } from "./db/client";
import { createFileService } from "./files/service";
import type { Services } from "./trpc/context";

export function createServices(env: Env, db: Db): Services {
  return { env, db, files: createFileService({ env }) };
}
