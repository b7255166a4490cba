import { protectedProcedure, publicProcedure, router } from "../trpc/init";
import { addCommentInput, editCommentInput, listCommentsInput, removeCommentInput } from "./schemas";
import { addComment, editComment, listComments, removeComment } from "./service";

export const commentRouter = router({
  /** An idea's thread for whoever sees the idea: top-level comments oldest first, replies nested. */
  list: publicProcedure.input(listCommentsInput).query(({ ctx, input }) => listComments(ctx.db, ctx.actor, input)),
  /** Anyone signed in, on a listed idea; `parentId` makes it a reply. The Secretariat's are official. */
  add: protectedProcedure.input(addCommentInput).mutation(({ ctx, input }) => addComment(ctx.db, ctx.actor, input)),
  /** The author, within the edit window. */
  edit: protectedProcedure.input(editCommentInput).mutation(({ ctx, input }) => editComment(ctx.db, ctx.actor, input)),
  /** The author, or the Secretariat (audited): "comentario eliminado", replies kept. */
  remove: protectedProcedure.input(removeCommentInput).mutation(({ ctx, input }) => removeComment(ctx.db, ctx.actor, input)),
});
