import type { Actor } from "../authz/actor";
import { authorize } from "../authz/policy";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import { withConstraintMessages } from "../db/errors";
import type { IdeaStatus } from "../db/generated/enums";
import type { IdeaCoauthorRow } from "../idea/queries";
import { lockIdea } from "../idea/transitions";
import { followIdea } from "../notification/follows";
import { notifyCoauthorInvitation } from "../notification/notify";
import { AppError, fieldError } from "../trpc/errors";
import { MAX_COAUTHORS, type InviteCoauthorInput } from "./schemas";

/** Locks the idea's row until the transaction ends and checks that `actor` is its author. */
async function lockOwnIdea(tx: DbClient, actor: Actor, ideaId: string) {
  const idea = await lockIdea(tx, ideaId);
  if (!idea) throw new AppError("NOT_FOUND", "idea.notFound");
  authorize(actor, "idea.view", idea, { hideAs: "idea.notFound" });
  authorize(actor, "idea.manageCoauthors", idea);
  return idea;
}

/**
 * The author invites a registered person, by email, to co-author the idea. Invitations of one
 * idea queue on its row lock, so the limit of MAX_COAUTHORS holds under parallel invitations and
 * the second of two identical ones finds the first (409); the primary key (idea, person) is the
 * backstop. Someone who declined may be invited again: the declined row becomes a new invitation
 * (docs/decisions/012-ideas-pages-and-coauthors.md).
 */
export async function inviteCoauthor(db: DbClient, actor: Actor, input: InviteCoauthorInput): Promise<IdeaCoauthorRow> {
  return withConstraintMessages(
    () =>
      inTransaction(db, async (tx) => {
        const idea = await lockOwnIdea(tx, actor, input.ideaId);
        const invitee = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, role: true } });
        if (!invitee) throw fieldError("email", "coauthor.userNotFound");
        if (invitee.id === idea.authorId) throw fieldError("email", "coauthor.self");
        if (invitee.role === "SECRETARIAT") throw fieldError("email", "coauthor.secretariat");
        const existing = idea.coauthors.find((c) => c.id === invitee.id);
        if (existing && existing.status !== "DECLINED") throw fieldError("email", "coauthor.alreadyInvited", {}, "CONFLICT");
        const active = idea.coauthors.filter((c) => c.status !== "DECLINED").length;
        if (active >= MAX_COAUTHORS) throw fieldError("email", "coauthor.tooMany", { max: MAX_COAUTHORS }, "CONFLICT");
        if (existing) {
          await tx.ideaCoauthor.update({
            where: { ideaId_userId: { ideaId: input.ideaId, userId: invitee.id } },
            data: { status: "INVITED", invitedById: actor.id, createdAt: new Date(), respondedAt: null },
          });
        } else {
          await tx.ideaCoauthor.create({ data: { ideaId: input.ideaId, userId: invitee.id, invitedById: actor.id } });
        }
        await notifyCoauthorInvitation(tx, { ideaId: input.ideaId, inviteeId: invitee.id, actorId: actor.id });
        return { id: invitee.id, name: invitee.name, status: "INVITED" as const };
      }),
    { IdeaCoauthor_pkey: { key: "coauthor.alreadyInvited", field: "email" } },
  );
}

/** The invited person accepts (becomes a co-author who edits and submits, and follows the idea) or declines. */
export async function respondToInvitation(db: DbClient, actor: Actor, input: { ideaId: string; accept: boolean }) {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.ideaCoauthor.updateMany({
      where: { ideaId: input.ideaId, userId: actor.id, status: "INVITED" },
      data: { status: input.accept ? "ACCEPTED" : "DECLINED", respondedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "coauthor.invitationNotFound");
    if (input.accept) await followIdea(tx, input.ideaId, actor.id);
    return { status: input.accept ? ("ACCEPTED" as const) : ("DECLINED" as const) };
  });
}

/** The author removes a co-author or withdraws an invitation. */
export async function removeCoauthor(db: DbClient, actor: Actor, input: { ideaId: string; userId: string }) {
  return inTransaction(db, async (tx) => {
    await lockOwnIdea(tx, actor, input.ideaId);
    const { count } = await tx.ideaCoauthor.deleteMany({ where: { ideaId: input.ideaId, userId: input.userId } });
    if (count === 0) throw new AppError("NOT_FOUND", "coauthor.notFound");
    return { removed: true as const };
  });
}

/** A co-author stops co-authoring the idea (an invited person declines instead). */
export async function leaveIdea(db: DbClient, actor: Actor, input: { ideaId: string }) {
  const { count } = await db.ideaCoauthor.deleteMany({ where: { ideaId: input.ideaId, userId: actor.id, status: "ACCEPTED" } });
  if (count === 0) throw new AppError("NOT_FOUND", "coauthor.notCoauthor");
  return { left: true as const };
}

export interface InvitationRow {
  ideaId: string;
  title: string;
  status: IdeaStatus;
  invitedBy: { id: string; name: string };
  createdAt: Date;
}

/** How many pending invitations a page lists; nobody is expected to keep more waiting. */
export const MAX_LISTED_INVITATIONS = 50;

/** The caller's pending invitations, newest first, with the idea's title and who invited them. */
export async function pendingInvitations(db: DbClient, userId: string): Promise<InvitationRow[]> {
  return queryRows<InvitationRow>(db, Prisma.sql`
    SELECT c."ideaId", i."title", i."status", c."createdAt",
           json_build_object('id', u."id", 'name', u."name") AS "invitedBy"
      FROM "IdeaCoauthor" c
      JOIN "Idea" i ON i."id" = c."ideaId"
      JOIN "User" u ON u."id" = c."invitedById"
     WHERE c."userId" = ${userId}::uuid AND c."status" = 'INVITED'
     ORDER BY c."createdAt" DESC, c."ideaId" DESC
     LIMIT ${MAX_LISTED_INVITATIONS}`);
}
