import { authorize } from "../authz/policy";
import type { ReceivedFile } from "../files/receive";
import type { Context } from "../trpc/context";
import { AppError } from "../trpc/errors";
import type { IdeaFields } from "./schemas";
import { createIdea } from "./service";

/**
 * Publishes an idea with the files a request received (checked, on disk): the files are stored
 * and counted against the author's quota, then attached in the idea's own transaction. When the
 * idea cannot be created, the files just stored are deleted again rather than left for the sweep.
 */
export async function createIdeaWithAttachments(ctx: Context, fields: IdeaFields, files: readonly ReceivedFile[]) {
  authorize(ctx.actor, "idea.create", null);
  const user = ctx.user;
  if (!user) throw new AppError("UNAUTHORIZED", "auth.required");
  const stored = files.length > 0 ? await ctx.files.storeReceived(user.id, files) : [];
  try {
    return await createIdea({ ...ctx, user }, { ...fields, attachmentIds: stored.map((file) => file.id) });
  } catch (error) {
    await ctx.files.discardUnattached(user.id, stored.map((file) => file.id)).catch((cleanup: unknown) => {
      console.error("[idea] could not delete the files of an idea that failed", cleanup);
    });
    throw error;
  }
}
