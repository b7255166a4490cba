import { PUBLIC_CALL_STATES } from "../authz/policy";
import { Prisma, queryRows, type DbClient } from "../db/client";
import { PUBLIC_STATES } from "../idea/lifecycle";
import { toRow, type Column, type ColumnType, type Dataset, type Localized, type Page, type Position } from "./types";

/** A documented column; `suppressed` marks a count of people (1–4 published as "<5"). */
export const col = (name: string, type: ColumnType, es: string, en: string, suppressed = false): Column => ({
  name,
  type,
  meaning: { es, en },
  ...(suppressed ? { suppressed } : {}),
});

/** The states whose items anyone may see (server/idea/lifecycle.ts, server/authz/policy.ts), as SQL lists. */
export const PUBLIC_IDEA_STATES = Prisma.sql`(${Prisma.join(PUBLIC_STATES.map((s) => Prisma.sql`${s}::"IdeaStatus"`))})`;
export const PUBLIC_CALLS = Prisma.sql`(${Prisma.join(PUBLIC_CALL_STATES.map((s) => Prisma.sql`${s}::"CallStatus"`))})`;

export const UUID_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SqlDatasetSpec {
  key: string;
  title: Localized;
  description: Localized;
  columns: Column[];
  /**
   * The dataset's rows after `after` in its order, at most `take`: each row carries its columns
   * plus "_at" and "_id", the keyset it is ordered by (ascending, unique).
   */
  rows(after: Position | null, take: number): Prisma.Sql;
  count: Prisma.Sql;
}

interface KeyedRow extends Record<string, unknown> {
  _at: Date;
  _id: string;
}

/** A dataset read straight from PostgreSQL, one keyset page per statement (an index range, however deep). */
export function sqlDataset(spec: SqlDatasetSpec): Dataset {
  return {
    key: spec.key,
    title: spec.title,
    description: spec.description,
    columns: spec.columns,
    keyPattern: UUID_KEY,
    async page(db: DbClient, after: Position | null, limit: number): Promise<Page> {
      const raw = await queryRows<KeyedRow>(db, spec.rows(after, limit + 1));
      const more = raw.length > limit;
      const kept = more ? raw.slice(0, limit) : raw;
      const lastRaw = kept.at(-1);
      return {
        rows: kept.map((row) => toRow(spec.columns, row)),
        last: more && lastRaw ? { at: lastRaw._at, id: lastRaw._id } : null,
      };
    },
    async count(db: DbClient): Promise<number> {
      const [row] = await queryRows<{ count: number }>(db, spec.count);
      return row?.count ?? 0;
    },
  };
}

/** `AND (at, id) > (after)` for a keyset page, or nothing for the first one. */
export function afterClause(at: Prisma.Sql, id: Prisma.Sql, after: Position | null): Prisma.Sql {
  return after ? Prisma.sql`AND (${at}, ${id}) > (${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty;
}
