import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
export * from "./generated/client";

/** The one way the app talks to PostgreSQL: Prisma over a `pg` pool. */
export function createDb(connectionString: string, options: { maxConnections?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}
