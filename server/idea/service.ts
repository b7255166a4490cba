import type { Db, Prisma } from "../db/client";
import type { Context } from "../trpc/context";
import { AppError } from "../trpc/errors";
import type { SessionUser } from "../auth/session";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import type { CreateIdeaInput, ListIdeasInput } from "./schemas";

const listSelect = {
  id: true,
  title: true,
  summary: true,
  sector: true,
  status: true,
  publishedAt: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  _count: { select: { attachments: true } },
} satisfies Prisma.IdeaSelect;

const detailSelect = {
  ...listSelect,
  authorId: true,
  problem: true,
  solution: true,
  updatedAt: true,
  attachments: {
    select: { id: true, name: true, contentType: true, size: true },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.IdeaSelect;

/**
 * Creates the idea and attaches files the author uploaded beforehand, in one transaction:
 * either the idea exists with every attachment, or nothing changed.
 */
export async function createIdea(ctx: Context & { user: SessionUser }, input: CreateIdeaInput) {
  const { attachmentIds, ...fields } = input;
  const uniqueIds = [...new Set(attachmentIds)];
  return ctx.db.$transaction(async (tx) => {
    const now = new Date();
    const idea = await tx.idea.create({
      data: { ...fields, authorId: ctx.user.id, status: "PUBLISHED", publishedAt: now },
      select: { id: true },
    });
    if (uniqueIds.length > 0) {
      const { count } = await tx.storedFile.updateMany({
        where: { id: { in: uniqueIds }, uploadedById: ctx.user.id, ideaId: null },
        data: { ideaId: idea.id },
      });
      if (count !== uniqueIds.length) {
        throw new AppError("BAD_REQUEST", "idea.attachmentUnavailable", {}, {
          attachmentIds: { key: "idea.attachmentUnavailable" },
        });
      }
    }
    return tx.idea.findUniqueOrThrow({ where: { id: idea.id }, select: detailSelect });
  });
}

/** Published ideas, newest first, with a cursor for the next page. */
export async function listIdeas(ctx: Context, input: ListIdeasInput) {
  const where: Prisma.IdeaWhereInput = { status: "PUBLISHED" };
  if (input.sector) where.sector = input.sector;
  if (input.authorId) where.authorId = input.authorId;
  if (input.q) {
    where.OR = [
      { title: { contains: input.q, mode: "insensitive" } },
      { summary: { contains: input.q, mode: "insensitive" } },
    ];
  }
  if (input.cursor) {
    const after = decodeCursor(input.cursor);
    where.AND = [
      { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] },
    ];
  }
  const rows = await ctx.db.idea.findMany({
    where,
    select: listSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  return { items, nextCursor: hasMore ? encodeCursor(items.at(-1)!) : null };
}

/** The idea with everything its page shows; who may see it is the policy's business ("idea.view"). */
export function findIdea(db: Db, id: string) {
  return db.idea.findUnique({ where: { id }, select: detailSelect });
}
