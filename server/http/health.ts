import { Prisma, queryRows } from "../db/client";
import type { Services } from "../trpc/context";

export interface Health {
  status: "ok" | "degraded";
  database: "up" | "down";
  latencyMs: number;
}

const TIMEOUT_MS = 2000;

/** A round trip to PostgreSQL, bounded so a hung database answers "down" instead of hanging. */
export async function checkHealth(services: Services): Promise<Health> {
  const started = performance.now();
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS).unref());
  try {
    await Promise.race([queryRows(services.db, Prisma.sql`SELECT 1`), timeout]);
    return { status: "ok", database: "up", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "degraded", database: "down", latencyMs: Math.round(performance.now() - started) };
  }
}
