import { ideaDecisionInput } from "../idea/schemas";
import { policyProcedure, router } from "../trpc/init";
import { organizationForReview } from "./organization-queue";
import { queueCounts, queuePage } from "./queues";
import { organizationId } from "../organization/schemas";
import { ideaReportsInput, queueInput, queuesInput, resolveReportsInput } from "./schemas";
import { decide, openReports, resolveReports } from "./service";
import { resolveCommentReportsInput } from "../comment/schemas";
import { resolveCommentReports } from "../report/comment-reports";

const secretariat = policyProcedure("moderation.act");

/** The Secretariat's console: what waits for it, and its decisions. */
export const moderationRouter = router({
  /** Every queue with its title and how many items wait in it. */
  queues: secretariat.input(queuesInput).query(({ ctx, input }) => queueCounts(ctx.db, input)),
  /** One page of a queue, oldest first. */
  queue: secretariat.input(queueInput).query(({ ctx, input }) => queuePage(ctx.db, input)),
  /** An idea's open reports: reasons counted, and each report's words. */
  reports: secretariat.input(ideaReportsInput).query(({ ctx, input }) => openReports(ctx.db, input.ideaId)),
  /** An organization awaiting (or past) verification, as the Secretariat reviews it. */
  organization: secretariat.input(organizationId).query(({ ctx, input }) => organizationForReview(ctx.db, input.id)),
  decide: secretariat.input(ideaDecisionInput).mutation(({ ctx, input }) => decide(ctx.db, ctx.actor, input)),
  resolveReports: secretariat.input(resolveReportsInput).mutation(({ ctx, input }) => resolveReports(ctx.db, ctx.actor, input)),
  /** Closes a comment's open reports: dismissed (a hidden comment returns) or upheld (it stays hidden). */
  resolveCommentReports: secretariat
    .input(resolveCommentReportsInput)
    .mutation(({ ctx, input }) => resolveCommentReports(ctx.db, ctx.actor, input)),
});
