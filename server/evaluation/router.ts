import { policyProcedure, protectedProcedure, publicProcedure, router } from "../trpc/init";
import { closeCall, publishResults, selectWinners } from "./decisions";
import { mySubmissionScores, publishedResults, secretariatRanking } from "./ranking";
import { callRubric, setRubric } from "./rubric";
import { callIdInput, myQueueInput, scoreInput, selectWinnersInput, setRubricInput, submissionIdInput } from "./schemas";
import { evaluationProgress, jurorQueue, scoreSubmission } from "./scoring";

export const evaluationRouter = router({
  /** The call's criteria (public with the call). */
  rubric: publicProcedure.input(callIdInput).query(({ ctx, input }) => callRubric(ctx.db, ctx.actor, input.callId)),
  /** Secretariat: replaces the rubric (weights add up to 100), until the call closes. */
  setRubric: policyProcedure("evaluation.manage")
    .input(setRubricInput)
    .mutation(({ ctx, input }) => setRubric(ctx.db, ctx.actor, input)),
  /** /jurado: the calls the caller judges, the submissions they may score (no conflicts of interest) and their progress. */
  myQueue: protectedProcedure.input(myQueueInput).query(({ ctx, input }) => jurorQueue(ctx.db, ctx.actor, input.callId)),
  /** A juror's scores of one submission, every criterion at once; changeable until evaluation ends. */
  score: protectedProcedure.input(scoreInput).mutation(({ ctx, input }) => scoreSubmission(ctx.db, ctx.actor, input)),
  /** Secretariat: each juror's progress and every conflict of interest (juror × submission). */
  progress: policyProcedure("evaluation.manage")
    .input(callIdInput)
    .query(({ ctx, input }) => evaluationProgress(ctx.db, input.callId)),
  /** Secretariat: the ranking with each juror's score, the criteria and the method. */
  ranking: policyProcedure("evaluation.manage")
    .input(callIdInput)
    .query(({ ctx, input }) => secretariatRanking(ctx.db, input.callId, ctx.locale)),
  /** Secretariat: the winners with their justification (replaces the previous choice), after the call closes. */
  selectWinners: policyProcedure("evaluation.manage")
    .input(selectWinnersInput)
    .mutation(({ ctx, input }) => selectWinners(ctx.db, ctx.actor, input)),
  /** Secretariat: APPROVED (closed, ≥1 winner) → RESULTS_PUBLISHED; tells every submitter. */
  publishResults: policyProcedure("evaluation.manage")
    .input(callIdInput)
    .mutation(({ ctx, input }) => publishResults(ctx.db, ctx.actor, input.callId)),
  /** Secretariat: RESULTS_PUBLISHED → CLOSED. */
  close: policyProcedure("evaluation.manage")
    .input(callIdInput)
    .mutation(({ ctx, input }) => closeCall(ctx.db, ctx.actor, input.callId)),
  /** Everyone, once published: winners, method, criteria and the ranked submissions with their scores. */
  results: publicProcedure.input(callIdInput).query(({ ctx, input }) => publishedResults(ctx.db, input.callId, ctx.locale)),
  /** The submitter, once published: their submission's scores and comments, jurors as "Jurado 1", "Jurado 2"… */
  myScores: protectedProcedure
    .input(submissionIdInput)
    .query(({ ctx, input }) => mySubmissionScores(ctx.db, ctx.actor, input.submissionId, ctx.locale)),
});
