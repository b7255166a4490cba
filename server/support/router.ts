import { protectedProcedure, publicProcedure, router } from "../trpc/init";
import { supportInput } from "./schemas";
import { addSupport, removeSupport, supportStatus } from "./service";

export const supportRouter = router({
  /** Anyone signed in but the idea's authors and the Secretariat (policy "idea.support"), once per listed idea. */
  add: protectedProcedure.input(supportInput).mutation(({ ctx, input }) => addSupport(ctx.db, ctx.actor, input.ideaId)),
  /** Withdraws the caller's support (nothing happens if there was none). */
  remove: protectedProcedure.input(supportInput).mutation(({ ctx, input }) => removeSupport(ctx.db, ctx.actor, input.ideaId)),
  /** The idea's count and whether the caller supports it (false for visitors). */
  status: publicProcedure.input(supportInput).query(({ ctx, input }) => supportStatus(ctx.db, ctx.actor, input.ideaId)),
});
