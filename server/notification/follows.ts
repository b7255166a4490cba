/** Following ideas: who hears of their changes and comments. */
import type { Actor } from "../authz/actor";
import { can } from "../authz/policy";
import { Prisma, type DbClient } from "../db/client";
import { AppError } from "../trpc/errors";

/** Idempotent: authors follow on creation, co-authors on accepting, anyone who asks. */
export async function followIdea(tx: DbClient, ideaId: string, userId: string): Promise<void> {
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "IdeaFollow" ("ideaId", "userId") VALUES (${ideaId}::uuid, ${userId}::uuid) ON CONFLICT DO NOTHING`);
}

/** The idea as the view rule reads it; null when it does not exist. */
async function ideaForRules(db: DbClient, ideaId: string) {
  const idea = await db.idea.findUnique({
    where: { id: ideaId },
    select: { status: true, authorId: true, coauthors: { select: { userId: true, status: true } } },
  });
  return idea && { status: idea.status, authorId: idea.authorId, coauthors: idea.coauthors.map((c) => ({ id: c.userId, status: c.status })) };
}

/** Whoever may see the idea may follow it; an idea they may not see does not exist for them. */
export async function addFollow(db: DbClient, actor: Actor, ideaId: string) {
  const idea = await ideaForRules(db, ideaId);
  if (!idea || !can(actor, "idea.view", idea)) throw new AppError("NOT_FOUND", "idea.notFound");
  await followIdea(db, ideaId, actor.id);
  return { following: true as const };
}

/** Stops following (an author too: they still hear of decisions about their idea). */
export async function removeFollow(db: DbClient, actor: Actor, ideaId: string) {
  await db.ideaFollow.deleteMany({ where: { ideaId, userId: actor.id } });
  return { following: false as const };
}

export async function followStatus(db: DbClient, actor: Actor, ideaId: string) {
  const row = await db.ideaFollow.findUnique({ where: { ideaId_userId: { ideaId, userId: actor.id } }, select: { ideaId: true } });
  return { following: row !== null };
}
