import { policyProcedure, protectedProcedure, router } from "../trpc/init";
import { assignJuror, jurorsOfCall, removeJuror } from "./jurors";
import {
  assignJurorInput,
  callIdInput,
  decideParticipationInput,
  organizationIdInput,
  participationIdInput,
  participationInput,
  removeJurorInput,
} from "./schemas";
import { decideParticipation, invitationsOfOrganization, inviteParticipation, participationsOfCall, requestParticipation, withdrawParticipation } from "./service";

const secretariat = policyProcedure("call.administer");

/** Organizations taking part in calls (ally, mentor, jury) and the calls' jurors. */
export const callParticipationRouter = router({
  /** An owner asks, on behalf of the organization, to take part in a call. JURY: verified organizations only. */
  request: protectedProcedure.input(participationInput).mutation(({ ctx, input }) => requestParticipation(ctx.db, ctx.actor, input)),
  /** The Secretariat invites an organization in a role; its owners answer with `decide`. */
  invite: secretariat.input(participationInput).mutation(({ ctx, input }) => inviteParticipation(ctx.db, ctx.actor, input)),
  /** The Secretariat answers a request; the organization's owners answer an invitation. */
  decide: protectedProcedure.input(decideParticipationInput).mutation(({ ctx, input }) => decideParticipation(ctx.db, ctx.actor, input)),
  /** An owner withdraws the organization (a pending request or an accepted participation). */
  withdraw: protectedProcedure.input(participationIdInput).mutation(({ ctx, input }) => withdrawParticipation(ctx.db, ctx.actor, input.id)),
  /** Every participation of a call, in every state (accepted ones are public through call.bySlug). */
  listForCall: secretariat.input(callIdInput).query(({ ctx, input }) => participationsOfCall(ctx.db, input.callId)),
  /** The Secretariat's pending invitations to an organization: its owners answer them with `decide`. */
  invitations: protectedProcedure
    .input(organizationIdInput)
    .query(({ ctx, input }) => invitationsOfOrganization(ctx.db, ctx.actor, input.organizationId)),
  assignJuror: secretariat.input(assignJurorInput).mutation(({ ctx, input }) => assignJuror(ctx.db, ctx.actor, input)),
  removeJuror: secretariat.input(removeJurorInput).mutation(({ ctx, input }) => removeJuror(ctx.db, ctx.actor, input)),
  jurors: secretariat.input(callIdInput).query(({ ctx, input }) => jurorsOfCall(ctx.db, input.callId)),
});
