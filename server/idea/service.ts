import { inTransaction, type DbClient } from "../db/client";
import { withConstraintMessages } from "../db/errors";
import { AppError } from "../trpc/errors";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import { ideaDetailQuery, ideaListQuery, type IdeaDetail, type IdeaListRow } from "./queries";
import type { CreateIdeaInput, ListIdeasInput } from "./schemas";

/**
 * Creates `authorId`'s idea and attaches files they uploaded, atomically: either the idea exists
 * with every attachment, or nothing changed. On the root client it is a transaction of its own;
 * on a transaction client it is part of the caller's use case (create-with-attachments.ts).
 */
export async function createIdea(db: DbClient, authorId: string, input: CreateIdeaInput) {
  const { attachmentIds, ...fields } = input;
  const uniqueIds = [...new Set(attachmentIds)];
  return withConstraintMessages(() =>
    inTransaction(db, async (tx) => {
      const idea = await tx.idea.create({
        data: { ...fields, authorId, status: "PUBLISHED", publishedAt: new Date() },
        select: { id: true },
      });
      if (uniqueIds.length > 0) {
        // The row locks this takes make a parallel idea claiming the same file wait, then find it taken.
        const { count } = await tx.storedFile.updateMany({
          where: { id: { in: uniqueIds }, uploadedById: authorId, ideaId: null },
          data: { ideaId: idea.id },
        });
        if (count !== uniqueIds.length) {
          throw new AppError("BAD_REQUEST", "idea.attachmentUnavailable", {}, {
            attachmentIds: { key: "idea.attachmentUnavailable" },
          });
        }
      }
      return (await findIdea(tx, idea.id))!;
    }),
  );
}

/** Published ideas, newest first, with an opaque cursor for the next page. */
export async function listIdeas(db: DbClient, input: ListIdeasInput) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db.$queryRaw<IdeaListRow[]>(ideaListQuery(input, after, input.limit + 1));
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  return { items, nextCursor: hasMore ? encodeCursor(items.at(-1)!) : null };
}

/** The idea with everything its page shows, in one statement; who may see it is the policy's business ("idea.view"). */
export async function findIdea(db: DbClient, id: string): Promise<IdeaDetail | null> {
  const [idea] = await db.$queryRaw<IdeaDetail[]>(ideaDetailQuery(id));
  return idea ?? null;
}
