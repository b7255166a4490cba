import { policyProcedure, protectedProcedure, publicProcedure, router } from "../trpc/init";
import type { Context } from "../trpc/context";
import { AppError } from "../trpc/errors";
import {
  hasPendingJoinRequest,
  inviteMember,
  leaveOrganization,
  pendingRequests,
  removeMember,
  requestToJoin,
  respondToRequest,
  setListed,
  setMemberRole,
} from "./members";
import {
  addOffer,
  createOrganization,
  listOrganizations,
  myOrganizations,
  organizationBySlug,
  removeOffer,
  setLogo,
  updateOrganization,
} from "./profile";
import {
  bySlugInput,
  inviteMemberInput,
  joinRequestInput,
  leaveInput,
  listedInput,
  listOrganizationsInput,
  logoInput,
  memberInput,
  offerIdInput,
  offerInput,
  organizationId,
  organizationProfile,
  respondRequestInput,
  setRoleInput,
  updateOrganizationInput,
  verificationDecisionInput,
} from "./schemas";
import { decideVerification, requestVerification } from "./verification";

type SignedIn = Context & { actor: NonNullable<Context["actor"]>; user: NonNullable<Context["user"]> };
const withEmail = (ctx: SignedIn) => ({ ...ctx.actor, email: ctx.user.email });

export const organizationRouter = router({
  create: policyProcedure("organization.create")
    .input(organizationProfile)
    .mutation(({ ctx, input }) => createOrganization(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(updateOrganizationInput).mutation(({ ctx, input }) => {
    const { id, ...profile } = input;
    return updateOrganization(ctx.db, ctx.actor, id, profile);
  }),
  list: publicProcedure.input(listOrganizationsInput).query(({ ctx, input }) => listOrganizations(ctx.db, input)),
  bySlug: publicProcedure.input(bySlugInput).query(async ({ ctx, input }) => {
    const organization = await organizationBySlug(ctx.db, input.slug);
    if (!organization) throw new AppError("NOT_FOUND", "organization.notFound");
    const isOwner = ctx.actor?.memberships.get(organization.id) === "OWNER";
    const seesAll = isOwner || ctx.actor?.role === "SECRETARIAT";
    return {
      ...organization,
      // The public sees members who chose to be listed; owners and the Secretariat see everyone.
      members: organization.members
        .filter((m) => seesAll || m.listed)
        .map((m) => ({ userId: m.userId, name: m.user.name, role: m.role, listed: m.listed })),
      verificationReason: seesAll ? organization.verificationReason : null,
      viewer: {
        role: ctx.actor?.memberships.get(organization.id) ?? null,
        // So the page says "request sent" instead of offering a form the server would refuse.
        pendingJoinRequest: ctx.user ? await hasPendingJoinRequest(ctx.db, organization.id, ctx.user.email) : false,
      },
    };
  }),
  mine: protectedProcedure.query(({ ctx }) => myOrganizations(ctx.db, ctx.user.id)),
  setLogo: protectedProcedure.input(logoInput).mutation(({ ctx, input }) => setLogo(ctx.db, ctx.actor, input.id, input.fileId)),
  addOffer: protectedProcedure.input(offerInput).mutation(({ ctx, input }) => addOffer(ctx.db, ctx.actor, input)),
  removeOffer: protectedProcedure.input(offerIdInput).mutation(({ ctx, input }) => removeOffer(ctx.db, ctx.actor, input)),
  requestVerification: protectedProcedure.input(organizationId).mutation(({ ctx, input }) => requestVerification(ctx.db, ctx.actor, input.id)),
  decideVerification: policyProcedure("organization.verify")
    .input(verificationDecisionInput)
    .mutation(({ ctx, input }) => decideVerification(ctx.db, ctx.actor, input)),
});

export const membershipRouter = router({
  invite: protectedProcedure.input(inviteMemberInput).mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.actor, input)),
  requestToJoin: protectedProcedure.input(joinRequestInput).mutation(({ ctx, input }) => requestToJoin(ctx.db, withEmail(ctx), input)),
  respond: protectedProcedure.input(respondRequestInput).mutation(({ ctx, input }) => respondToRequest(ctx.db, withEmail(ctx), input)),
  pending: protectedProcedure.query(({ ctx }) => pendingRequests(ctx.db, withEmail(ctx))),
  setRole: protectedProcedure.input(setRoleInput).mutation(({ ctx, input }) => setMemberRole(ctx.db, ctx.actor, input)),
  remove: protectedProcedure.input(memberInput).mutation(({ ctx, input }) => removeMember(ctx.db, ctx.actor, input)),
  leave: protectedProcedure.input(leaveInput).mutation(({ ctx, input }) => leaveOrganization(ctx.db, ctx.actor, input.organizationId)),
  setListed: protectedProcedure.input(listedInput).mutation(({ ctx, input }) => setListed(ctx.db, ctx.actor, input)),
});
