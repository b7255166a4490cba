import { Prisma } from "../db/client";
import type { KeysetPosition } from "../pagination/cursor";
import { COMMENT_EDIT_MINUTES } from "./schemas";

/** A comment as a page shows it to one viewer. Removed and hidden ones keep their place but not their words. */
export interface CommentView {
  id: string;
  parentId: string | null;
  /** "hidden": by reports or the Secretariat, until a decision; only the Secretariat reads its words. */
  state: "visible" | "deleted" | "hidden";
  /** Null when removed, or hidden from this viewer. */
  body: string | null;
  author: { id: string; name: string } | null;
  /** Written by the Secretariat. */
  official: boolean;
  /** ISO 8601 (UTC). */
  createdAt: string;
  editedAt: string | null;
  /** The viewer wrote it. */
  mine: boolean;
  /** The viewer may still edit it (the author, within the edit window, by the database's clock). */
  editable: boolean;
  /** The viewer has reported it. */
  reported: boolean;
}

export interface CommentThread extends CommentView {
  replies: CommentView[];
}

export interface Viewer {
  id: string | null;
  secretariat: boolean;
}

const iso = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** One comment (alias `c`, its author `u`) as a CommentView's JSON, for `viewer`. */
function commentJson(c: string, u: string, viewer: Viewer): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${c}."${name}"`);
  const shown = Prisma.sql`(${col("deletedAt")} IS NULL AND (${col("hiddenAt")} IS NULL OR ${viewer.secretariat}))`;
  const mine = Prisma.sql`(${col("authorId")} = ${viewer.id}::uuid)`;
  return Prisma.sql`json_build_object(
    'id', ${col("id")},
    'parentId', ${col("parentId")},
    'state', CASE WHEN ${col("deletedAt")} IS NOT NULL THEN 'deleted' WHEN ${col("hiddenAt")} IS NOT NULL THEN 'hidden' ELSE 'visible' END,
    'body', CASE WHEN ${shown} THEN ${col("body")} END,
    'author', CASE WHEN ${shown} THEN json_build_object('id', ${Prisma.raw(`${u}."id"`)}, 'name', ${Prisma.raw(`${u}."name"`)}) END,
    'official', ${col("official")},
    'createdAt', ${iso(col("createdAt"))},
    'editedAt', ${iso(col("editedAt"))},
    'mine', COALESCE(${mine}, false),
    'editable', COALESCE(${mine} AND ${col("deletedAt")} IS NULL AND ${col("hiddenAt")} IS NULL
                         AND ${col("createdAt")} > now() - make_interval(mins => ${COMMENT_EDIT_MINUTES}), false),
    'reported', EXISTS (SELECT 1 FROM "CommentReport" cr WHERE cr."commentId" = ${col("id")} AND cr."reporterId" = ${viewer.id}::uuid)
  )`;
}

/**
 * One page of an idea's thread as one statement: top-level comments oldest first, keyset on
 * (createdAt, id) through the (ideaId, createdAt, id) index, each with all its replies (oldest
 * first, through the (parentId, createdAt, id) index). Replies are one level deep, so a page's
 * size is bounded by its top-level comments and their replies.
 */
export function commentPageQuery(ideaId: string, viewer: Viewer, after: KeysetPosition | null, take: number): Prisma.Sql {
  return Prisma.sql`
    WITH top AS (
      SELECT c.* FROM "Comment" c
       WHERE c."ideaId" = ${ideaId}::uuid AND c."parentId" IS NULL
         ${after ? Prisma.sql`AND (c."createdAt", c."id") > (${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
       ORDER BY c."createdAt", c."id"
       LIMIT ${take}
    )
    SELECT ${commentJson("t", "u", viewer)} AS "comment", t."createdAt" AS "at",
           COALESCE((SELECT json_agg(${commentJson("r", "ru", viewer)} ORDER BY r."createdAt", r."id")
                       FROM "Comment" r JOIN "User" ru ON ru."id" = r."authorId"
                      WHERE r."parentId" = t."id"), '[]'::json) AS "replies"
      FROM top t
      JOIN "User" u ON u."id" = t."authorId"
     ORDER BY t."createdAt", t."id"`;
}
