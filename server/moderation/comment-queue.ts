import { Prisma, type DbClient } from "../db/client";
import type { ReportReason } from "../db/generated/enums";
import type { KeysetPosition } from "../pagination/cursor";
import type { QueueId } from "./schemas";

/** A reported comment, with its words (the Secretariat judges them) and its idea. */
export interface CommentQueueItem {
  kind: "comment";
  id: string;
  body: string;
  hidden: boolean;
  deleted: boolean;
  author: { id: string; name: string };
  idea: { id: string; title: string };
  /** The oldest open report: the age shown, and the order. */
  waitingSince: Date;
  reports: { count: number; reasons: { reason: ReportReason; count: number }[] };
}

/**
 * The reported comments of /moderacion (hidden ones included), the longest-waiting report first.
 * No sector filter: the queue is short, and a comment's sector is its idea's.
 */
export const commentQueue = {
  id: "comments" as const satisfies QueueId,
  titleKey: "moderation.queue.comments",
  filters: [] as const,
  async count(db: DbClient) {
    const [row] = await db.$queryRaw<{ count: number }[]>(Prisma.sql`
      SELECT count(DISTINCT r."commentId")::int AS "count" FROM "CommentReport" r WHERE r."status" = 'OPEN'`);
    return row?.count ?? 0;
  },
  async list(db: DbClient, { after, take }: { after: KeysetPosition | null; take: number }): Promise<CommentQueueItem[]> {
    const rows = await db.$queryRaw<Omit<CommentQueueItem, "kind">[]>(Prisma.sql`
      WITH open AS (
        SELECT r."commentId", count(*)::int AS "count", min(r."createdAt") AS "oldest"
          FROM "CommentReport" r
         WHERE r."status" = 'OPEN'
         GROUP BY r."commentId"
      )
      SELECT c."id", c."body", c."hiddenAt" IS NOT NULL AS "hidden", c."deletedAt" IS NOT NULL AS "deleted",
             json_build_object('id', u."id", 'name', u."name") AS "author",
             json_build_object('id', i."id", 'title', i."title") AS "idea",
             o."oldest" AS "waitingSince",
             json_build_object('count', o."count", 'reasons',
               (SELECT json_agg(json_build_object('reason', x."reason", 'count', x."count") ORDER BY x."count" DESC, x."reason")
                  FROM (SELECT r."reason", count(*)::int AS "count" FROM "CommentReport" r
                         WHERE r."commentId" = c."id" AND r."status" = 'OPEN' GROUP BY r."reason") x)) AS "reports"
        FROM open o
        JOIN "Comment" c ON c."id" = o."commentId"
        JOIN "User" u ON u."id" = c."authorId"
        JOIN "Idea" i ON i."id" = c."ideaId"
       WHERE TRUE
         ${after ? Prisma.sql`AND (o."oldest", c."id") > (${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
       ORDER BY o."oldest", c."id"
       LIMIT ${take}`);
    return rows.map((row) => ({ kind: "comment", ...row }));
  },
};
