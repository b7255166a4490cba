import { protectedProcedure, publicProcedure, router } from "../trpc/init";
import { answerInvitation } from "./answer";
import { addCommitment, removeCommitment } from "./commitments";
import { completeAlliance, withdrawAlliance } from "./lifecycle";
import { createMilestone, reportProgress } from "./milestones";
import { allianceDetail, alliancesAround, listAlliances, myAlliances } from "./queries";
import {
  addCommitmentInput,
  allianceIdInput,
  answerInput,
  callAlliancesInput,
  commitmentIdInput,
  completeInput,
  createAllianceInput,
  createMilestoneInput,
  ideaAlliancesInput,
  inviteInput,
  listAlliancesInput,
  reportProgressInput,
  withdrawInput,
} from "./schemas";
import { createAlliance, inviteToAlliance } from "./write";

/** Alliances between the public sector, companies, academia and entrepreneurs (rules: server/authz/policy.ts "alliance.*"). */
export const allianceRouter = router({
  /** Around a public idea (its authors, or an organization's owners for it) or an approved call (the Secretariat, or owners for it). */
  create: protectedProcedure.input(createAllianceInput).mutation(({ ctx, input }) => createAlliance(ctx.db, ctx.actor, input)),
  /** More organizations or entrepreneurs: whoever proposed it, or the Secretariat. */
  invite: protectedProcedure.input(inviteInput).mutation(({ ctx, input }) => inviteToAlliance(ctx.db, ctx.actor, input)),
  /** The invited person, or the organization's owners: accept with commitments, or decline. */
  answer: protectedProcedure.input(answerInput).mutation(({ ctx, input }) => answerInvitation(ctx.db, ctx.actor, input)),
  complete: protectedProcedure.input(completeInput).mutation(({ ctx, input }) => completeAlliance(ctx.db, ctx.actor, input)),
  withdraw: protectedProcedure.input(withdrawInput).mutation(({ ctx, input }) => withdrawAlliance(ctx.db, ctx.actor, input)),
  /** Public once active; before that, its parties and the Secretariat. */
  byId: publicProcedure.input(allianceIdInput).query(({ ctx, input }) => allianceDetail(ctx.db, ctx.actor, input.id)),
  list: publicProcedure.input(listAlliancesInput).query(({ ctx, input }) => listAlliances(ctx.db, input)),
  mine: protectedProcedure.query(({ ctx }) => myAlliances(ctx.db, ctx.actor)),
  ofIdea: publicProcedure.input(ideaAlliancesInput).query(({ ctx, input }) => alliancesAround(ctx.db, ctx.actor, { ideaId: input.ideaId })),
  ofCall: publicProcedure.input(callAlliancesInput).query(({ ctx, input }) => alliancesAround(ctx.db, ctx.actor, { callId: input.callId })),
});

/** What parties bring: added or taken back by the party's spokespeople while the alliance is open. */
export const commitmentRouter = router({
  add: protectedProcedure.input(addCommitmentInput).mutation(({ ctx, input }) => addCommitment(ctx.db, ctx.actor, input)),
  remove: protectedProcedure.input(commitmentIdInput).mutation(({ ctx, input }) => removeCommitment(ctx.db, ctx.actor, input.id)),
});

export const milestoneRouter = router({
  /** Planned by whoever proposed the alliance, or the Secretariat; owned by an accepted party. */
  create: protectedProcedure.input(createMilestoneInput).mutation(({ ctx, input }) => createMilestone(ctx.db, ctx.actor, input)),
  /** Progress with a note, by anyone of an accepted party, while the alliance is active; kept as history. */
  report: protectedProcedure.input(reportProgressInput).mutation(({ ctx, input }) => reportProgress(ctx.db, ctx.actor, input)),
});
