import { protectedProcedure, router } from "../trpc/init";
import { inviteCoauthorInput, leaveIdeaInput, removeCoauthorInput, respondInvitationInput } from "./schemas";
import { inviteCoauthor, leaveIdea, pendingInvitations, removeCoauthor, respondToInvitation } from "./service";

/** Co-authors of an idea: the author invites and removes them; the invited accept or decline; co-authors may leave. */
export const coauthorRouter = router({
  /** The author invites a registered person (not the Secretariat) by email. */
  invite: protectedProcedure.input(inviteCoauthorInput).mutation(({ ctx, input }) => inviteCoauthor(ctx.db, ctx.actor, input)),
  /** The invited person accepts or declines. */
  respond: protectedProcedure.input(respondInvitationInput).mutation(({ ctx, input }) => respondToInvitation(ctx.db, ctx.actor, input)),
  /** The author removes a co-author or withdraws a pending invitation. */
  remove: protectedProcedure.input(removeCoauthorInput).mutation(({ ctx, input }) => removeCoauthor(ctx.db, ctx.actor, input)),
  /** A co-author leaves the idea. */
  leave: protectedProcedure.input(leaveIdeaInput).mutation(({ ctx, input }) => leaveIdea(ctx.db, ctx.actor, input)),
  /** The caller's pending invitations, with the idea's title and who invited them. */
  invitations: protectedProcedure.query(({ ctx }) => pendingInvitations(ctx.db, ctx.user.id)),
});
