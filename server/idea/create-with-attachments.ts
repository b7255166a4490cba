import type { Prisma } from "../db/client";
import type { ReceivedFile } from "../files/receive";
import type { Context } from "../trpc/context";
import { AppError } from "../trpc/errors";
import type { CreateIdeaInput, UpdateIdeaInput } from "./schemas";
import { createIdea, updateIdea } from "./service";

/**
 * Creating or editing an idea with the files a request received (checked, on disk), as one use
 * case: the bytes go to the store first (they cannot take part in a database transaction), then
 * a single transaction records the files, charges the author's quota and saves the idea with
 * them attached. When anything fails the transaction leaves no row and no charge, and the bytes
 * just written are deleted; should that deletion fail too, the stray-blob sweep removes them later.
 */
async function withReceivedFiles<T>(
  ctx: Context,
  files: readonly ReceivedFile[],
  save: (tx: Prisma.TransactionClient, attachmentIds: string[]) => Promise<T>,
): Promise<T> {
  const user = ctx.user;
  if (!user) throw new AppError("UNAUTHORIZED", "auth.required");
  const written = files.length > 0 ? await ctx.files.writeBlobs(ctx.db, user.id, files) : [];
  try {
    // No retryOnConflict: under READ COMMITTED the rows another writer can hold are the author's
    // quota counter and the idea's own row, so parallel submissions wait their turn; none can
    // fail with a serialization error or deadlock.
    return await ctx.db.$transaction(async (tx) => {
      const stored = await ctx.files.recordFiles(tx, user.id, written);
      return save(tx, stored.map((file) => file.id));
    });
  } catch (error) {
    await ctx.files.deleteBlobs(written);
    throw error;
  }
}

function actorOf(ctx: Context) {
  if (!ctx.actor) throw new AppError("UNAUTHORIZED", "auth.required");
  return ctx.actor;
}

export async function createIdeaWithAttachments(
  ctx: Context,
  input: Omit<CreateIdeaInput, "attachmentIds" | "submit"> & { submit?: boolean },
  files: readonly ReceivedFile[],
) {
  const actor = actorOf(ctx);
  return withReceivedFiles(ctx, files, (tx, attachmentIds) => createIdea(tx, actor, { submit: false, ...input, attachmentIds }));
}

/** Edits a draft with new files and removed ones; removed files' bytes go once the transaction commits. */
export async function updateIdeaWithAttachments(
  ctx: Context,
  input: Omit<UpdateIdeaInput, "attachmentIds">,
  files: readonly ReceivedFile[],
) {
  const actor = actorOf(ctx);
  const { idea, removedBlobs } = await withReceivedFiles(ctx, files, (tx, attachmentIds) => updateIdea(tx, actor, { ...input, attachmentIds }));
  await ctx.files.deleteBlobs(removedBlobs);
  return idea;
}
