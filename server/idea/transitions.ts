import type { Actor } from "../authz/actor";
import { can } from "../authz/policy";
import { recordAudit } from "../audit/service";
import { inTransaction, Prisma, type DbClient } from "../db/client";
import type { IdeaStatus } from "../db/generated/enums";
import { notifyStatusChange } from "../notification/notify";
import { AppError } from "../trpc/errors";
import { checkTransition, type TransitionActor } from "./lifecycle";

export interface StatusChange {
  ideaId: string;
  to: IdeaStatus;
  /** Null: the platform itself (reports hiding an idea). */
  actor: Actor | null;
  reason?: string | null;
  /** "skip": the caller tells the authors itself (a report outcome), followers are still told. */
  authorNotice?: "skip";
}

interface LockedIdea {
  status: IdeaStatus;
  hiddenFromStatus: IdeaStatus | null;
  authorId: string;
  coauthors: { id: string; status: "INVITED" | "ACCEPTED" | "DECLINED" }[];
}

/**
 * Locks the idea's row until the transaction ends (decisions, edits, invitations and reports of
 * one idea queue up), then reads it. Two statements on purpose: a subquery in the locking
 * statement would use the snapshot taken before the wait, and miss co-authors changed meanwhile.
 */
export async function lockIdea(tx: DbClient, ideaId: string): Promise<LockedIdea | null> {
  const [row] = await tx.$queryRaw<Omit<LockedIdea, "coauthors">[]>(Prisma.sql`
    SELECT i."status", i."hiddenFromStatus", i."authorId" FROM "Idea" i WHERE i."id" = ${ideaId}::uuid FOR UPDATE`);
  if (!row) return null;
  const coauthors = await tx.ideaCoauthor.findMany({ where: { ideaId }, select: { userId: true, status: true } });
  return { ...row, coauthors: coauthors.map((c) => ({ id: c.userId, status: c.status })) };
}

function transitionActor(actor: Actor | null, idea: LockedIdea): TransitionActor | null {
  if (actor === null) return "system";
  if (can(actor, "moderation.act", null)) return "secretariat";
  if (can(actor, "idea.edit", idea)) return "author";
  return null;
}

/**
 * The one writer of `Idea.status`. In one transaction: lock the idea, check the move against the
 * lifecycle table, update the row, append the history event and, for the Secretariat's and the
 * platform's moves, the audit entry. Parallel identical decisions make one transition; the
 * others find the new state and get a 409.
 */
export async function changeIdeaStatus(db: DbClient, change: StatusChange): Promise<{ from: IdeaStatus; to: IdeaStatus }> {
  return inTransaction(db, async (tx) => {
    const idea = await lockIdea(tx, change.ideaId);
    if (!idea || !can(change.actor, "idea.view", idea)) throw new AppError("NOT_FOUND", "idea.notFound");
    const by = transitionActor(change.actor, idea);
    if (!by) throw new AppError("FORBIDDEN", "auth.forbidden");
    const from = idea.status;
    checkTransition({ from, to: change.to, by, reason: change.reason });
    if (from === "HIDDEN" && change.to !== (idea.hiddenFromStatus ?? "PUBLISHED")) {
      throw new AppError("CONFLICT", "idea.transitionNotAllowed", { from, to: change.to });
    }
    const reason = change.reason?.trim() || null;
    await tx.$executeRaw(Prisma.sql`
      UPDATE "Idea"
         SET "status" = ${change.to}::"IdeaStatus",
             "hiddenFromStatus" = ${change.to === "HIDDEN" ? from : null}::"IdeaStatus",
             "submittedAt" = CASE WHEN ${change.to === "SUBMITTED"} THEN now() ELSE "submittedAt" END,
             "publishedAt" = CASE WHEN ${change.to === "PUBLISHED"} THEN COALESCE("publishedAt", now()) ELSE "publishedAt" END,
             "updatedAt" = now()
       WHERE "id" = ${change.ideaId}::uuid`);
    await tx.ideaEvent.create({
      data: { ideaId: change.ideaId, actorId: change.actor?.id ?? null, kind: "TRANSITION", fromStatus: from, toStatus: change.to, reason },
    });
    // Followers and authors hear of it in the same transaction (emails go through the outbox).
    await notifyStatusChange(tx, {
      ideaId: change.ideaId,
      from,
      to: change.to,
      actorId: change.actor?.id ?? null,
      reason,
      authors: by === "author" ? "asFollowers" : (change.authorNotice ?? "MODERATION_DECISION"),
    });
    if (by !== "author") {
      await recordAudit(tx, {
        actorId: change.actor?.id ?? null,
        action: by === "system" ? "idea.autoHide" : "idea.transition",
        subjectType: "Idea",
        subjectId: change.ideaId,
        reason,
        before: { status: from },
        after: { status: change.to },
      });
    }
    return { from, to: change.to };
  });
}
