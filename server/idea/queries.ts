import { Prisma } from "../db/client";
import type { IdeaStatus, Sector } from "../db/generated/enums";
import type { KeysetPosition } from "../pagination/cursor";

export interface IdeaListFilters {
  sector?: Sector;
  authorId?: string;
  /** Words, searched in Spanish (stems, accents ignored) in the title and summary. */
  q?: string;
}

/** One row of a list, as the API returns it. */
export interface IdeaListRow {
  id: string;
  title: string;
  summary: string;
  sector: Sector;
  status: IdeaStatus;
  publishedAt: Date | null;
  createdAt: Date;
  author: { id: string; name: string };
  attachmentCount: number;
}

/**
 * The published-ideas list as one statement: a keyset range on (createdAt, id), which the
 * (status, createdAt, id) and (sector, status, createdAt, id) indexes serve in order however deep
 * the page, the author joined, and attachments counted per listed row through their index
 * (never a count over the whole file table). Search uses the Spanish full-text index of the
 * idea_search migration. Exported for EXPLAIN tests and the benchmark.
 */
export function ideaListQuery(filters: IdeaListFilters, after: KeysetPosition | null, take: number): Prisma.Sql {
  const conditions = [Prisma.sql`i."status" = 'PUBLISHED'`];
  if (filters.sector) conditions.push(Prisma.sql`i."sector" = ${filters.sector}::"Sector"`);
  if (filters.authorId) conditions.push(Prisma.sql`i."authorId" = ${filters.authorId}::uuid`);
  if (filters.q) {
    conditions.push(
      Prisma.sql`cocrea_idea_search(i."title", i."summary") @@ websearch_to_tsquery('pg_catalog.spanish'::regconfig, cocrea_unaccent(${filters.q}))`,
    );
  }
  if (after) conditions.push(Prisma.sql`(i."createdAt", i."id") < (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
  return Prisma.sql`
    SELECT i."id", i."title", i."summary", i."sector", i."status", i."publishedAt", i."createdAt",
           json_build_object('id', u."id", 'name', u."name") AS "author",
           (SELECT count(*)::int FROM "StoredFile" f WHERE f."ideaId" = i."id") AS "attachmentCount"
      FROM "Idea" i
      JOIN "User" u ON u."id" = i."authorId"
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY i."createdAt" DESC, i."id" DESC
     LIMIT ${take}`;
}

export interface IdeaDetail extends Omit<IdeaListRow, "attachmentCount"> {
  authorId: string;
  problem: string;
  solution: string;
  updatedAt: Date;
  attachments: { id: string; name: string; contentType: string; size: number }[];
}

/** One idea with its author and attachments (oldest first), as one statement. */
export function ideaDetailQuery(id: string): Prisma.Sql {
  return Prisma.sql`
    SELECT i."id", i."title", i."summary", i."sector", i."status", i."publishedAt", i."createdAt",
           json_build_object('id', u."id", 'name', u."name") AS "author",
           i."authorId", i."problem", i."solution", i."updatedAt",
           COALESCE((SELECT json_agg(json_build_object('id', f."id", 'name', f."name", 'contentType', f."contentType", 'size', f."size")
                                     ORDER BY f."createdAt", f."id")
                       FROM "StoredFile" f WHERE f."ideaId" = i."id"), '[]'::json) AS "attachments"
      FROM "Idea" i
      JOIN "User" u ON u."id" = i."authorId"
     WHERE i."id" = ${id}::uuid`;
}
