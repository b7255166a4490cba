import { reportCommentInput } from "../comment/schemas";
import { protectedProcedure, router } from "../trpc/init";
import { createCommentReport } from "./comment-reports";
import { createReportInput, ownReportInput } from "./schemas";
import { createReport, ownReport } from "./service";

export const reportRouter = router({
  /** Anyone signed in but the idea's authors and the Secretariat (policy "idea.report"), once per public idea. */
  create: protectedProcedure
    .input(createReportInput)
    .mutation(({ ctx, input }) => createReport(ctx.db, ctx.actor, input, { threshold: ctx.env.REPORT_HIDE_THRESHOLD })),
  /** A comment, like an idea: anyone signed in but its author and the Secretariat, once per comment. */
  comment: protectedProcedure
    .input(reportCommentInput)
    .mutation(({ ctx, input }) => createCommentReport(ctx.db, ctx.actor, input, { threshold: ctx.env.REPORT_HIDE_THRESHOLD })),
  /** The caller's own report of an idea, or null. */
  mine: protectedProcedure.input(ownReportInput).query(({ ctx, input }) => ownReport(ctx.db, ctx.actor, input.ideaId)),
});
