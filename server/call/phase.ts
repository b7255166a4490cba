import { Prisma, queryRows, type DbClient } from "../db/client";
import type { CallStatus } from "../db/generated/enums";

/**
 * Where a call is in its life. Stored states are kept as they are; an APPROVED call is APPROVED
 * (scheduled) before it opens, OPEN until it closes and in EVALUATION after, until the Secretariat
 * publishes results. Dates are read against the database clock, `cocrea_now()`, never a client's or
 * this server's clock, so every rule that depends on the phase is decided inside its SQL statement.
 */
export type CallPhase = CallStatus | "OPEN" | "EVALUATION";

export const CALL_PHASES = [
  "PROPOSED",
  "CHANGES_REQUESTED",
  "APPROVED",
  "OPEN",
  "EVALUATION",
  "RESULTS_PUBLISHED",
  "CLOSED",
  "REJECTED",
  "CANCELLED",
] as const satisfies readonly CallPhase[];

/** The phase of the call aliased `alias` in a query, as SQL (text). */
export function callPhaseSql(alias: string): Prisma.Sql {
  const c = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(CASE
    WHEN ${c}."status" <> 'APPROVED' THEN ${c}."status"::text
    WHEN cocrea_now() < ${c}."opensAt" THEN 'APPROVED'
    WHEN cocrea_now() < ${c}."closesAt" THEN 'OPEN'
    ELSE 'EVALUATION' END)`;
}

/** SQL condition: the call aliased `alias` takes submissions now. */
export function callIsOpenSql(alias: string): Prisma.Sql {
  const c = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${c}."status" = 'APPROVED' AND cocrea_now() >= ${c}."opensAt" AND cocrea_now() < ${c}."closesAt")`;
}

/** SQL condition: jurors of the call aliased `alias` may score now (evaluation has not ended). */
export function callIsScoringSql(alias: string): Prisma.Sql {
  const c = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${c}."status" = 'APPROVED' AND cocrea_now() >= ${c}."closesAt" AND cocrea_now() < ${c}."evaluationEndsAt")`;
}

/** The phase of a call given the database's now (read with the call, e.g. `SELECT cocrea_now()`). */
export function callPhase(call: { status: CallStatus; opensAt: Date; closesAt: Date }, now: Date): CallPhase {
  if (call.status !== "APPROVED") return call.status;
  if (now < call.opensAt) return "APPROVED";
  if (now < call.closesAt) return "OPEN";
  return "EVALUATION";
}

/** The database clock, for display and for phases computed in TypeScript. */
export async function databaseNow(db: DbClient): Promise<Date> {
  const [row] = await queryRows<{ now: Date }>(db, Prisma.sql`SELECT cocrea_now() AS now`);
  return row!.now;
}
