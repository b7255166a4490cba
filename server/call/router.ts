import { policyProcedure, protectedProcedure, publicProcedure, recordProcedure, router } from "../trpc/init";
import { cancelCall, decideProposal, extendDeadline, resubmitCall } from "./decisions";
import { callDetails, findCallBySlug, listCalls, myCalls } from "./queries";
import {
  callDecisionInput,
  callIdInput,
  callSlugInput,
  cancelCallInput,
  createCallInput,
  extendDeadlineInput,
  listCallsInput,
  proposeCallInput,
  updateCallInput,
} from "./schemas";
import { createCall, proposeCall, updateCall } from "./write";

const secretariat = policyProcedure("call.administer");

/** Calls (convocatorias / retos): proposals, the Secretariat's decisions, and their public pages. */
export const callRouter = router({
  /** An owner of a verified organization proposes a call on its behalf (PROPOSED, in /moderacion's queue). */
  propose: protectedProcedure.input(proposeCallInput).mutation(({ ctx, input }) => proposeCall(ctx.db, ctx.actor, input)),
  /** The Secretariat creates a call directly: APPROVED at once. */
  create: policyProcedure("call.create")
    .input(createCallInput)
    .mutation(({ ctx, input }) => createCall(ctx.db, ctx.actor, input)),
  /**
   * Edits: the proposing organization's owners while it is a proposal; the Secretariat until it
   * opens. A proposal the caller may not see is "not found", as if it did not exist.
   */
  update: protectedProcedure.input(updateCallInput).mutation(({ ctx, input }) => updateCall(ctx.db, ctx.actor, input)),
  /** CHANGES_REQUESTED → PROPOSED, by the proposing organization's owners. */
  resubmit: protectedProcedure.input(callIdInput).mutation(({ ctx, input }) => resubmitCall(ctx.db, ctx.actor, input.id)),
  /** The Secretariat approves a proposal, asks for changes or rejects it (with a reason). */
  decide: secretariat.input(callDecisionInput).mutation(({ ctx, input }) => decideProposal(ctx.db, ctx.actor, input)),
  /** The Secretariat cancels an approved call, with a reason. */
  cancel: secretariat.input(cancelCallInput).mutation(({ ctx, input }) => cancelCall(ctx.db, ctx.actor, input)),
  /** The Secretariat moves the closing date later; submitters are notified. */
  extendDeadline: secretariat.input(extendDeadlineInput).mutation(({ ctx, input }) => extendDeadline(ctx.db, ctx.actor, input)),
  /** Public calls by bucket (open, upcoming, past), filtered by sector and sponsor. */
  list: publicProcedure.input(listCallsInput).query(({ ctx, input }) => listCalls(ctx.db, input)),
  /** One call, with its phase by the database clock. Proposals: only their proposers' owners and the Secretariat. */
  bySlug: recordProcedure({
    input: callSlugInput,
    load: (ctx, input) => findCallBySlug(ctx.db, input.slug),
    action: "call.view",
    notFound: "call.notFound",
    hideAs: "call.notFound",
  }).query(({ ctx }) => callDetails(ctx.db, ctx.actor, ctx.record)),
  /** Calls proposed by organizations the caller owns, in every state. */
  mine: protectedProcedure.query(({ ctx }) => myCalls(ctx.db, ctx.actor)),
});
