import type { Db, Prisma } from "../db/client";
import type { Context } from "../trpc/context";
import { AppError } from "../trpc/errors";
import type { SessionUser } from "../auth/session";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import { ideaDetailQuery, ideaListQuery, type IdeaDetail, type IdeaListRow } from "./list-query";
import type { CreateIdeaInput, ListIdeasInput } from "./schemas";

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
    return (await findIdea(tx, idea.id))!;
  });
}

/** Published ideas, newest first, with an opaque cursor for the next page. */
export async function listIdeas(ctx: Context, input: ListIdeasInput) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await ctx.db.$queryRaw<IdeaListRow[]>(ideaListQuery(input, after, input.limit + 1));
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  return { items, nextCursor: hasMore ? encodeCursor(items.at(-1)!) : null };
}

/** The idea with everything its page shows, in one statement; who may see it is the policy's business ("idea.view"). */
export async function findIdea(db: Db | Prisma.TransactionClient, id: string): Promise<IdeaDetail | null> {
  const [idea] = await db.$queryRaw<IdeaDetail[]>(ideaDetailQuery(id));
  return idea ?? null;
}
