import { authorize } from "../authz/policy";
import type { ReceivedFile } from "../files/receive";
import type { Context } from "../trpc/context";
import { AppError } from "../trpc/errors";
import type { IdeaFields } from "./schemas";
import { createIdea } from "./service";

/**
 * Publishes an idea with the files a request received (checked, on disk), as one use case: the
 * bytes go to the store first (they cannot take part in a database transaction), then a single
 * transaction records the files, charges the author's quota, creates the idea and attaches them.
 * When anything fails the transaction leaves no row and no charge, and the bytes just written
 * are deleted; should that deletion fail too, the stray-blob sweep removes them later.
 */
export async function createIdeaWithAttachments(ctx: Context, fields: IdeaFields, files: readonly ReceivedFile[]) {
  authorize(ctx.actor, "idea.create", null);
  const user = ctx.user;
  if (!user) throw new AppError("UNAUTHORIZED", "auth.required");
  const written = files.length > 0 ? await ctx.files.writeBlobs(ctx.db, user.id, files) : [];
  try {
    // No retryOnConflict: under READ COMMITTED the only row another writer can hold is the
    // author's quota counter (the files are rows this transaction inserts), so parallel
    // submissions wait their turn there; none can fail with a serialization error or deadlock.
    return await ctx.db.$transaction(async (tx) => {
      const stored = await ctx.files.recordFiles(tx, user.id, written);
      return createIdea(tx, user.id, { ...fields, attachmentIds: stored.map((file) => file.id) });
    });
  } catch (error) {
    await ctx.files.deleteBlobs(written);
    throw error;
  }
}
