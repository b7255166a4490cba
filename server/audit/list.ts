import { Prisma, type DbClient } from "../db/client";
import { TIME_ZONE } from "../i18n/locale";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import type { AuditListInput } from "./schemas";

export interface AuditRow {
  id: string;
  action: string;
  subjectType: string;
  subjectId: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
  /** Null: the platform itself. A deleted account keeps its id and loses its name. */
  actor: { id: string; name: string | null } | null;
}

/** The start of a Bogotá calendar day, computed by PostgreSQL from a constant, so the index on createdAt still serves the range. */
const dayStart = (day: string) => Prisma.sql`(${day}::date::timestamp AT TIME ZONE ${TIME_ZONE})`;

/**
 * The audit log, newest first, filtered, in keyset pages on (createdAt, id) (its index). The
 * actor's name through a LEFT JOIN: the log has no foreign keys, so an entry outlives its account.
 */
export async function listAudit(db: DbClient, input: AuditListInput) {
  const after = input.cursor ? decodeCursor(input.cursor, { id: "serial" }) : null;
  const conditions: Prisma.Sql[] = [];
  if (input.action) conditions.push(Prisma.sql`a."action" = ${input.action}`);
  if (input.actorId) conditions.push(Prisma.sql`a."actorId" = ${input.actorId}::uuid`);
  if (input.subjectType) conditions.push(Prisma.sql`a."subjectType" = ${input.subjectType}`);
  if (input.subjectId) conditions.push(Prisma.sql`a."subjectId" = ${input.subjectId}`);
  if (input.from) conditions.push(Prisma.sql`a."createdAt" >= ${dayStart(input.from)}`);
  if (input.to) conditions.push(Prisma.sql`a."createdAt" < ${dayStart(input.to)} + interval '1 day'`);
  if (after) conditions.push(Prisma.sql`(a."createdAt", a."id") < (${after.at}::timestamptz, ${after.id}::bigint)`);
  const rows = await db.$queryRaw<AuditRow[]>(Prisma.sql`
    SELECT a."id"::text AS "id", a."action", a."subjectType", a."subjectId", a."reason", a."before", a."after", a."createdAt",
           CASE WHEN a."actorId" IS NULL THEN NULL ELSE json_build_object('id', a."actorId", 'name', u."name") END AS "actor"
      FROM "AuditEntry" a
      LEFT JOIN "User" u ON u."id" = a."actorId"
     ${conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty}
     ORDER BY a."createdAt" DESC, a."id" DESC
     LIMIT ${input.limit + 1}`);
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}
