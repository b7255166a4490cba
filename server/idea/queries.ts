import { Prisma } from "../db/client";
import type { IdeaEventKind, IdeaStatus, Sector, CoauthorStatus } from "../db/generated/enums";
import type { KeysetPosition } from "../pagination/cursor";
import { LISTED_STATES, type PublicState } from "./lifecycle";

export type IdeaSort = "newest" | "relevance" | "supports";

export interface IdeaListFilters {
  sector?: Sector;
  /** One public state; unset: the listed states (published, in development, incubated). */
  status?: PublicState;
  organizationId?: string;
  authorId?: string;
  /** Words, searched in Spanish (stems, accents and case ignored) in title, summary, problem and solution. */
  q?: string;
  /** "relevance" only applies with `q`; "supports": most supported first. */
  sort?: IdeaSort;
}

/** One row of a list, as the API returns it. */
export interface IdeaListRow {
  id: string;
  title: string;
  summary: string;
  sector: Sector;
  status: IdeaStatus;
  publishedAt: Date;
  createdAt: Date;
  author: { id: string; name: string };
  attachmentCount: number;
  /** People who support it (the column kept with the support rows: no count per card). */
  supportCount: number;
  /** Present when sorted by relevance (it is the cursor's sort key). */
  rank?: number;
}

// The expressions of the GIN index "Idea_search_idx": written identically so the planner uses it.
const searchVector = Prisma.sql`cocrea_idea_search(i."title", i."summary", i."problem", i."solution")`;
const searchQuery = (q: string) => Prisma.sql`websearch_to_tsquery('pg_catalog.spanish'::regconfig, cocrea_unaccent(${q}))`;
// Literal, as in the partial indexes' predicate (migration idea_public_lists_search_audit).
const LISTED = Prisma.raw(`i."status" IN (${LISTED_STATES.map((s) => `'${s}'`).join(", ")})`);

/**
 * A public list as one statement: a keyset range on (publishedAt, id), which the partial
 * indexes serve in order however deep the page (whole list, sector, organization) or the
 * (status, publishedAt, id) index (one state); the author joined; attachments counted per
 * listed row through their index. Search uses the Spanish full-text index; sorted by relevance
 * it ranks every match (title weighs most), with (rank, publishedAt, id) as the keyset.
 * Exported for EXPLAIN tests and the benchmark.
 */
export function ideaListQuery(filters: IdeaListFilters, after: KeysetPosition | null, take: number): Prisma.Sql {
  const ranked = Boolean(filters.q) && filters.sort === "relevance";
  const conditions = [filters.status ? Prisma.sql`i."status" = ${filters.status}::"IdeaStatus"` : LISTED];
  if (filters.sector) conditions.push(Prisma.sql`i."sector" = ${filters.sector}::"Sector"`);
  if (filters.organizationId) conditions.push(Prisma.sql`i."organizationId" = ${filters.organizationId}::uuid`);
  if (filters.authorId) conditions.push(Prisma.sql`i."authorId" = ${filters.authorId}::uuid`);
  if (filters.q) conditions.push(Prisma.sql`${searchVector} @@ ${searchQuery(filters.q)}`);
  const rank = ranked ? Prisma.sql`ts_rank(${searchVector}, ${searchQuery(filters.q!)})` : null;
  // Most supported: (supportCount, publishedAt, id), the order of "Idea_public_supports_idx".
  const bySupports = !rank && filters.sort === "supports";
  if (after) {
    conditions.push(
      rank
        ? Prisma.sql`(${rank}, i."publishedAt", i."id") < (${after.rank ?? 0}::real, ${after.at}::timestamptz, ${after.id}::uuid)`
        : bySupports
          ? Prisma.sql`(i."supportCount", i."publishedAt", i."id") < (${after.rank ?? 0}::int, ${after.at}::timestamptz, ${after.id}::uuid)`
          : Prisma.sql`(i."publishedAt", i."id") < (${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return Prisma.sql`
    SELECT i."id", i."title", i."summary", i."sector", i."status", i."publishedAt", i."createdAt",
           json_build_object('id', u."id", 'name', u."name") AS "author",
           (SELECT count(*)::int FROM "StoredFile" f WHERE f."ideaId" = i."id") AS "attachmentCount",
           i."supportCount"
           ${rank ? Prisma.sql`, ${rank} AS "rank"` : Prisma.empty}
      FROM "Idea" i
      JOIN "User" u ON u."id" = i."authorId"
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY ${rank ? Prisma.sql`"rank" DESC, ` : bySupports ? Prisma.sql`i."supportCount" DESC, ` : Prisma.empty}i."publishedAt" DESC, i."id" DESC
     LIMIT ${take}`;
}

/** A row of "my ideas": every state, newest first. */
export interface OwnIdeaRow {
  id: string;
  title: string;
  sector: Sector;
  status: IdeaStatus;
  createdAt: Date;
  updatedAt: Date;
  /** "author", or the co-authorship's state. */
  relation: "author" | CoauthorStatus;
}

/** Ideas `userId` authored or co-authors (accepted or invited), keyset on (createdAt, id). */
export function ownIdeasQuery(userId: string, after: KeysetPosition | null, take: number): Prisma.Sql {
  return Prisma.sql`
    SELECT i."id", i."title", i."sector", i."status", i."createdAt", i."updatedAt",
           CASE WHEN i."authorId" = ${userId}::uuid THEN 'author' ELSE c."status"::text END AS "relation"
      FROM "Idea" i
      LEFT JOIN "IdeaCoauthor" c ON c."ideaId" = i."id" AND c."userId" = ${userId}::uuid AND c."status" <> 'DECLINED'
     WHERE (i."authorId" = ${userId}::uuid OR c."userId" IS NOT NULL)
       ${after ? Prisma.sql`AND (i."createdAt", i."id") < (${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
     ORDER BY i."createdAt" DESC, i."id" DESC
     LIMIT ${take}`;
}

export interface IdeaCoauthorRow {
  id: string;
  name: string;
  status: CoauthorStatus;
}

export interface IdeaDetail {
  id: string;
  title: string;
  summary: string;
  problem: string;
  solution: string;
  sector: Sector;
  status: IdeaStatus;
  hiddenFromStatus: IdeaStatus | null;
  authorId: string;
  author: { id: string; name: string };
  organization: { id: string; name: string } | null;
  coauthors: IdeaCoauthorRow[];
  submittedAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  supportCount: number;
  attachments: { id: string; name: string; contentType: string; size: number }[];
}

/** One idea with its author, organization, co-authors and attachments (oldest first), as one statement. */
export function ideaDetailQuery(id: string): Prisma.Sql {
  return ideaDetailOf(Prisma.sql`"Idea"`, Prisma.sql`WHERE i."id" = ${id}::uuid`);
}

/**
 * The detail of the idea a statement is inserting, read from its `WITH idea AS (INSERT … RETURNING *)`
 * (a new draft: its co-authors and files are none yet, which the subqueries rightly find).
 */
export const insertedIdeaDetail = (): Prisma.Sql => ideaDetailOf(Prisma.sql`idea`, Prisma.empty);

function ideaDetailOf(source: Prisma.Sql, condition: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT i."id", i."title", i."summary", i."problem", i."solution", i."sector", i."status", i."hiddenFromStatus",
           i."authorId", json_build_object('id', u."id", 'name', u."name") AS "author",
           (SELECT json_build_object('id', o."id", 'name', o."name") FROM "Organization" o WHERE o."id" = i."organizationId") AS "organization",
           COALESCE((SELECT json_agg(json_build_object('id', cu."id", 'name', cu."name", 'status', c."status") ORDER BY c."createdAt", cu."id")
                       FROM "IdeaCoauthor" c JOIN "User" cu ON cu."id" = c."userId"
                      WHERE c."ideaId" = i."id" AND c."status" <> 'DECLINED'), '[]'::json) AS "coauthors",
           i."submittedAt", i."publishedAt", i."createdAt", i."updatedAt", i."supportCount",
           COALESCE((SELECT json_agg(json_build_object('id', f."id", 'name', f."name", 'contentType', f."contentType", 'size', f."size")
                                     ORDER BY f."createdAt", f."id")
                       FROM "StoredFile" f WHERE f."ideaId" = i."id"), '[]'::json) AS "attachments"
      FROM ${source} i
      JOIN "User" u ON u."id" = i."authorId"
     ${condition}`;
}

export interface IdeaEventRow {
  id: string;
  kind: IdeaEventKind;
  fromStatus: IdeaStatus | null;
  toStatus: IdeaStatus | null;
  reason: string | null;
  createdAt: Date;
  /** Null: the platform itself, or an account since deleted. */
  actor: { id: string; name: string; role: string } | null;
}

/** An idea's history, oldest first. */
export function ideaHistoryQuery(ideaId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT e."id"::text AS "id", e."kind", e."fromStatus", e."toStatus", e."reason", e."createdAt",
           CASE WHEN a."id" IS NULL THEN NULL ELSE json_build_object('id', a."id", 'name', a."name", 'role', a."role") END AS "actor"
      FROM "IdeaEvent" e
      LEFT JOIN "User" a ON a."id" = e."actorId"
     WHERE e."ideaId" = ${ideaId}::uuid
     ORDER BY e."createdAt", e."id"`;
}
