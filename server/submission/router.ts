import { protectedProcedure, router } from "../trpc/init";
import { callIdInput, mySubmissionsInput, submissionIdInput, submitInput } from "./schemas";
import { callSubmissions, mySubmissions } from "./queries";
import { submitIdea, withdrawSubmission } from "./service";

export const submissionRouter = router({
  /**
   * The caller's PUBLISHED idea (they are its author) to an OPEN call, with the answers to its
   * questions; a withdrawn submission of the same idea comes back. 409 "call closed" once the
   * database clock reaches closesAt.
   */
  submit: protectedProcedure.input(submitInput).mutation(({ ctx, input }) => submitIdea(ctx.db, ctx.actor, input)),
  /** The submitter takes it back, until the call closes. */
  withdraw: protectedProcedure.input(submissionIdInput).mutation(({ ctx, input }) => withdrawSubmission(ctx.db, ctx.actor, input.submissionId)),
  /** The caller's submissions with their call's title, address and phase (optionally of one call). */
  mine: protectedProcedure.input(mySubmissionsInput).query(({ ctx, input }) => mySubmissions(ctx.db, ctx.user.id, input)),
  /** The Secretariat: every submission of the call; owners of the proposing organization: counts only. */
  listForCall: protectedProcedure.input(callIdInput).query(({ ctx, input }) => callSubmissions(ctx.db, ctx.actor, input.callId)),
});
