import type { Actor } from "../authz/actor";
import { authorize } from "../authz/policy";
import { inTransaction, Prisma, type DbClient } from "../db/client";
import { withConstraintMessages } from "../db/errors";
import type { MembershipRole } from "../db/generated/enums";
import { AppError } from "../trpc/errors";

const PENDING_MESSAGES = { MembershipRequest_pending_key: { key: "organization.requestPending", field: "email" } } as const;

/**
 * Locks the organization's row for the rest of the transaction, so membership changes of one
 * organization happen one at a time: two owners demoting or removing each other at the same
 * moment cannot both succeed and leave it without an owner. Returns the caller's role as the
 * database holds it now (the session's copy may be older than a concurrent change).
 */
async function lockMembership(tx: DbClient, organizationId: string, userId: string): Promise<MembershipRole | null> {
  const [row] = await tx.$queryRaw<{ role: MembershipRole | null }[]>(Prisma.sql`
    SELECT (SELECT m."role" FROM "Membership" m WHERE m."organizationId" = o."id" AND m."userId" = ${userId}::uuid) AS "role"
      FROM "Organization" o WHERE o."id" = ${organizationId}::uuid
       FOR UPDATE OF o`);
  if (!row) throw new AppError("NOT_FOUND", "organization.notFound");
  return row.role;
}

async function requireOwner(tx: DbClient, actor: Actor, organizationId: string) {
  authorize(actor, "organization.manage", { id: organizationId });
  // The session said owner; the database must still say so once the organization is locked.
  if ((await lockMembership(tx, organizationId, actor.id)) !== "OWNER") throw new AppError("FORBIDDEN", "auth.forbidden");
}

async function assertOwnerRemains(tx: DbClient, organizationId: string) {
  const owners = await tx.membership.count({ where: { organizationId, role: "OWNER" } });
  if (owners < 1) throw new AppError("CONFLICT", "organization.lastOwner");
}

/** An owner invites someone by email; the person accepts from their account (now or once they register with that email). */
export async function inviteMember(db: DbClient, actor: Actor, input: { organizationId: string; email: string }) {
  const email = input.email.trim().toLowerCase();
  return withConstraintMessages(
    () =>
      inTransaction(db, async (tx) => {
        await requireOwner(tx, actor, input.organizationId);
        const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
        if (user && (await tx.membership.findUnique({ where: { organizationId_userId: { organizationId: input.organizationId, userId: user.id } } }))) {
          throw new AppError("CONFLICT", "organization.alreadyMember", {}, { email: { key: "organization.alreadyMember" } });
        }
        return tx.membershipRequest.create({
          data: { organizationId: input.organizationId, kind: "INVITATION", email, userId: user?.id ?? null, createdById: actor.id },
          select: { id: true, email: true, status: true },
        });
      }),
    PENDING_MESSAGES,
  );
}

/** A signed-in person asks to join; the owners approve or decline. */
export async function requestToJoin(db: DbClient, actor: Actor & { email: string }, input: { organizationId: string; message?: string }) {
  authorize(actor, "organization.join", { id: input.organizationId });
  return withConstraintMessages(
    () =>
      db.membershipRequest.create({
        data: {
          organizationId: input.organizationId,
          kind: "JOIN_REQUEST",
          email: actor.email.toLowerCase(),
          userId: actor.id,
          createdById: actor.id,
          message: input.message ?? null,
        },
        select: { id: true, status: true },
      }),
    { ...PENDING_MESSAGES, MembershipRequest_organizationId_fkey: { key: "organization.notFound" } },
  );
}

/**
 * Answers a pending request: an invitation by the invited person (matched by email), a join
 * request by an owner. Accepting creates the membership in the same transaction.
 */
export async function respondToRequest(db: DbClient, actor: Actor & { email: string }, input: { requestId: string; accept: boolean }) {
  return inTransaction(db, async (tx) => {
    const request = await tx.membershipRequest.findUnique({ where: { id: input.requestId } });
    if (!request || request.status !== "PENDING") throw new AppError("NOT_FOUND", "organization.requestNotFound");
    const memberId = request.kind === "INVITATION" ? actor.id : request.userId!;
    if (request.kind === "INVITATION") {
      if (request.email !== actor.email.toLowerCase()) throw new AppError("NOT_FOUND", "organization.requestNotFound");
      await lockMembership(tx, request.organizationId, actor.id);
    } else {
      // Join requests are private to the requester and the organization's owners.
      if (!(actor.memberships.get(request.organizationId) === "OWNER")) throw new AppError("NOT_FOUND", "organization.requestNotFound");
      await requireOwner(tx, actor, request.organizationId);
    }
    const { count } = await tx.membershipRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status: input.accept ? "ACCEPTED" : "DECLINED", respondedAt: new Date(), userId: memberId },
    });
    if (count !== 1) throw new AppError("NOT_FOUND", "organization.requestNotFound");
    if (input.accept) {
      await tx.membership.upsert({
        where: { organizationId_userId: { organizationId: request.organizationId, userId: memberId } },
        create: { organizationId: request.organizationId, userId: memberId, role: "MEMBER" },
        update: {},
      });
    }
    return { accepted: input.accept };
  });
}

/** Owners change roles; the organization always keeps an owner. */
export async function setMemberRole(db: DbClient, actor: Actor, input: { organizationId: string; userId: string; role: MembershipRole }) {
  await inTransaction(db, async (tx) => {
    await requireOwner(tx, actor, input.organizationId);
    const { count } = await tx.membership.updateMany({ where: { organizationId: input.organizationId, userId: input.userId }, data: { role: input.role } });
    if (count !== 1) throw new AppError("NOT_FOUND", "organization.notMember");
    await assertOwnerRemains(tx, input.organizationId);
  });
}

/** Owners remove members (other owners included); the organization always keeps an owner. */
export async function removeMember(db: DbClient, actor: Actor, input: { organizationId: string; userId: string }) {
  await inTransaction(db, async (tx) => {
    await requireOwner(tx, actor, input.organizationId);
    const { count } = await tx.membership.deleteMany({ where: { organizationId: input.organizationId, userId: input.userId } });
    if (count !== 1) throw new AppError("NOT_FOUND", "organization.notMember");
    await assertOwnerRemains(tx, input.organizationId);
  });
}

/** A member leaves; the last owner must hand over first. */
export async function leaveOrganization(db: DbClient, actor: Actor, organizationId: string) {
  authorize(actor, "organization.member", { id: organizationId });
  await inTransaction(db, async (tx) => {
    await lockMembership(tx, organizationId, actor.id);
    const { count } = await tx.membership.deleteMany({ where: { organizationId, userId: actor.id } });
    if (count !== 1) throw new AppError("NOT_FOUND", "organization.notMember");
    await assertOwnerRemains(tx, organizationId);
  });
}

/** Whether the member appears on the organization's public page (their choice). */
export async function setListed(db: DbClient, actor: Actor, input: { organizationId: string; listed: boolean }) {
  authorize(actor, "organization.member", { id: input.organizationId });
  await db.membership.update({ where: { organizationId_userId: { organizationId: input.organizationId, userId: actor.id } }, data: { listed: input.listed } });
}

/** Invitations addressed to me, and join requests to organizations I own. */
export async function pendingRequests(db: DbClient, actor: Actor & { email: string }) {
  const owned = [...actor.memberships].filter(([, role]) => role === "OWNER").map(([id]) => id);
  return db.membershipRequest.findMany({
    where: {
      status: "PENDING",
      OR: [
        { kind: "INVITATION", email: actor.email.toLowerCase() },
        ...(owned.length > 0 ? [{ kind: "JOIN_REQUEST" as const, organizationId: { in: owned } }] : []),
      ],
    },
    select: {
      id: true,
      kind: true,
      email: true,
      message: true,
      createdAt: true,
      organization: { select: { id: true, slug: true, name: true } },
      createdBy: { select: { name: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Whether `email` has asked to join the organization and is still waiting for an answer. */
export async function hasPendingJoinRequest(db: DbClient, organizationId: string, email: string): Promise<boolean> {
  const pending = await db.membershipRequest.findFirst({
    where: { organizationId, email, kind: "JOIN_REQUEST", status: "PENDING" },
    select: { id: true },
  });
  return pending !== null;
}
