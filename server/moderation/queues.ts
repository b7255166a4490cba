import { Prisma, type DbClient } from "../db/client";
import type { IdeaStatus, ReportReason, Sector } from "../db/generated/enums";
import { decodeCursor, encodeCursor, type KeysetPosition } from "../pagination/cursor";
import { secretariatMoves, type Move } from "./moves";
import { callParticipationQueue, callQueue, type CallParticipationQueueItem, type CallQueueItem } from "./call-queue";
import { bookingQueue, type BookingQueueItem } from "./booking-queue";
import { commentQueue, type CommentQueueItem } from "./comment-queue";
import { organizationQueue, type OrganizationQueueItem } from "./organization-queue";
import type { QueueFilters, QueueId } from "./schemas";

/** One thing waiting for the Secretariat. Queues of other records add their own variant. */
export interface IdeaQueueItem {
  kind: "idea";
  id: string;
  title: string;
  sector: Sector;
  status: IdeaStatus;
  hiddenFromStatus: IdeaStatus | null;
  author: { id: string; name: string };
  /** When it started waiting (sent to review, first open report): the age shown, and the order. */
  waitingSince: Date;
  /** Open reports, most frequent reason first (the "reported" queue). */
  reports: { count: number; reasons: { reason: ReportReason; count: number }[] } | null;
  /** The decisions the lifecycle allows now. */
  moves: Move[];
}

export type QueueItem = IdeaQueueItem | OrganizationQueueItem | CommentQueueItem | CallQueueItem | CallParticipationQueueItem | BookingQueueItem;

/**
 * A queue of /moderacion. The page renders any queue from this alone: its tab (title and count)
 * and its items, oldest first, with their age.
 */
export interface ModerationQueue {
  id: QueueId;
  /** UI copy key of the tab (app/i18n/<language>/moderation.ts). */
  titleKey: string;
  /** The filters it understands; the page offers only those. */
  filters: readonly (keyof QueueFilters)[];
  count(db: DbClient, filters: QueueFilters): Promise<number>;
  list(db: DbClient, page: { filters: QueueFilters; after: KeysetPosition | null; take: number }): Promise<QueueItem[]>;
}

type IdeaRow = Omit<IdeaQueueItem, "kind" | "moves" | "reports"> & {
  reportCount: number | null;
  reasons: { reason: ReportReason; count: number }[] | null;
};

const sectorCondition = (filters: QueueFilters) => (filters.sector ? Prisma.sql`AND i."sector" = ${filters.sector}::"Sector"` : Prisma.empty);

function ideaItem(row: IdeaRow): IdeaQueueItem {
  const { reportCount, reasons, ...idea } = row;
  const reports = reportCount ? { count: reportCount, reasons: reasons ?? [] } : null;
  return { kind: "idea", ...idea, reports, moves: secretariatMoves(idea, reports?.count ?? 0) };
}

/** Ideas sent to review, oldest submission first (index "Idea_status_submitted_idx"). */
const review: ModerationQueue = {
  id: "review",
  titleKey: "moderation.queue.review",
  filters: ["sector"],
  count: (db, filters) => db.idea.count({ where: { status: "SUBMITTED", ...(filters.sector ? { sector: filters.sector } : {}) } }),
  async list(db, { filters, after, take }) {
    const rows = await db.$queryRaw<IdeaRow[]>(Prisma.sql`
      SELECT i."id", i."title", i."sector", i."status", i."hiddenFromStatus", i."submittedAt" AS "waitingSince",
             json_build_object('id', u."id", 'name', u."name") AS "author", NULL::int AS "reportCount", NULL::json AS "reasons"
        FROM "Idea" i
        JOIN "User" u ON u."id" = i."authorId"
       WHERE i."status" = 'SUBMITTED' ${sectorCondition(filters)}
         ${after ? Prisma.sql`AND (i."submittedAt", i."id") > (${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
       ORDER BY i."submittedAt", i."id"
       LIMIT ${take}`);
    return rows.map(ideaItem);
  },
};

/** Ideas with open reports, hidden ones included, the longest-waiting report first. */
const reported: ModerationQueue = {
  id: "reported",
  titleKey: "moderation.queue.reported",
  filters: ["sector"],
  async count(db, filters) {
    const [row] = await db.$queryRaw<{ count: number }[]>(Prisma.sql`
      SELECT count(DISTINCT r."ideaId")::int AS "count"
        FROM "IdeaReport" r
        JOIN "Idea" i ON i."id" = r."ideaId"
       WHERE r."status" = 'OPEN' ${sectorCondition(filters)}`);
    return row?.count ?? 0;
  },
  async list(db, { filters, after, take }) {
    const rows = await db.$queryRaw<IdeaRow[]>(Prisma.sql`
      WITH open AS (
        SELECT r."ideaId", count(*)::int AS "count", min(r."createdAt") AS "oldest"
          FROM "IdeaReport" r
         WHERE r."status" = 'OPEN'
         GROUP BY r."ideaId"
      )
      SELECT i."id", i."title", i."sector", i."status", i."hiddenFromStatus", o."oldest" AS "waitingSince",
             json_build_object('id', u."id", 'name', u."name") AS "author", o."count" AS "reportCount",
             (SELECT json_agg(json_build_object('reason', x."reason", 'count', x."count") ORDER BY x."count" DESC, x."reason")
                FROM (SELECT r."reason", count(*)::int AS "count" FROM "IdeaReport" r
                       WHERE r."ideaId" = i."id" AND r."status" = 'OPEN' GROUP BY r."reason") x) AS "reasons"
        FROM open o
        JOIN "Idea" i ON i."id" = o."ideaId"
        JOIN "User" u ON u."id" = i."authorId"
       WHERE TRUE ${sectorCondition(filters)}
         ${after ? Prisma.sql`AND (o."oldest", i."id") > (${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
       ORDER BY o."oldest", i."id"
       LIMIT ${take}`);
    return rows.map(ideaItem);
  },
};

/** Every queue, in the order of the page's tabs. */
export const QUEUES: Record<QueueId, ModerationQueue> = {
  review,
  reported,
  organizations: organizationQueue,
  comments: commentQueue,
  calls: callQueue,
  callParticipations: callParticipationQueue,
  bookings: bookingQueue,
};

export async function queueCounts(db: DbClient, filters: QueueFilters) {
  return Promise.all(
    Object.values(QUEUES).map(async (queue) => ({
      id: queue.id,
      titleKey: queue.titleKey,
      filters: queue.filters,
      count: await queue.count(db, queue.filters.includes("sector") ? filters : {}),
    })),
  );
}

/** One page of a queue, oldest first, with an opaque cursor for the next. */
export async function queuePage(db: DbClient, input: { queue: QueueId; sector?: Sector; cursor?: string; limit: number }) {
  const queue = QUEUES[input.queue];
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const filters = queue.filters.includes("sector") && input.sector ? { sector: input.sector } : {};
  const rows = await queue.list(db, { filters, after, take: input.limit + 1 });
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  const last = items.at(-1);
  return { id: queue.id, titleKey: queue.titleKey, items, nextCursor: hasMore && last ? encodeCursor({ at: last.waitingSince, id: last.id }) : null };
}
