import type { Actor } from "../authz/actor";
import { authorize, can } from "../authz/policy";
import { inTransaction, Prisma, type DbClient } from "../db/client";
import { communityIdea } from "../idea/community-record";
import { isListedState } from "../idea/lifecycle";
import { AppError } from "../trpc/errors";

export interface SupportState {
  /** The idea's count as the database holds it after this call. */
  count: number;
  supported: boolean;
}

/** The idea, if the actor sees it and may support it now: 404, then 403 (who), then 409 (state). */
async function supportableIdea(db: DbClient, actor: Actor, ideaId: string) {
  const idea = await communityIdea(db, ideaId);
  if (!idea) throw new AppError("NOT_FOUND", "idea.notFound");
  authorize(actor, "idea.view", idea, { hideAs: "idea.notFound" });
  if (!can(actor, "idea.support", idea)) throw new AppError("FORBIDDEN", actor.role === "SECRETARIAT" ? "support.secretariat" : "support.ownIdea");
  if (!isListedState(idea.status)) throw new AppError("CONFLICT", "support.notOpen");
  return idea;
}

/**
 * When this call changed nothing (a parallel duplicate did it), a fresh statement sees what that
 * other transaction committed; the data-modifying statement's snapshot predates it.
 */
async function currentCount(tx: DbClient, ideaId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ count: number }[]>(Prisma.sql`SELECT "supportCount" AS "count" FROM "Idea" WHERE "id" = ${ideaId}::uuid`);
  return row?.count ?? 0;
}

/**
 * Supports an idea, once: the primary key decides between parallel duplicates (ON CONFLICT DO
 * NOTHING waits for the other insert, then inserts nothing), and the count moves by one only
 * when a row was inserted, in the same statement, so count and rows never disagree.
 */
export async function addSupport(db: DbClient, actor: Actor, ideaId: string): Promise<SupportState> {
  return inTransaction(db, async (tx) => {
    await supportableIdea(tx, actor, ideaId);
    const [row] = await tx.$queryRaw<{ count: number | null }[]>(Prisma.sql`
      WITH inserted AS (
        INSERT INTO "IdeaSupport" ("ideaId", "userId") VALUES (${ideaId}::uuid, ${actor.id}::uuid)
        ON CONFLICT DO NOTHING
        RETURNING 1
      ), updated AS (
        UPDATE "Idea" SET "supportCount" = "supportCount" + 1
         WHERE "id" = ${ideaId}::uuid AND EXISTS (SELECT 1 FROM inserted)
        RETURNING "supportCount"
      )
      SELECT (SELECT "supportCount" FROM updated) AS "count"`);
    return { count: row?.count ?? (await currentCount(tx, ideaId)), supported: true };
  });
}

/** Withdraws the actor's support, if any; the count moves only when a row was deleted. */
export async function removeSupport(db: DbClient, actor: Actor, ideaId: string): Promise<SupportState> {
  return inTransaction(db, async (tx) => {
    const idea = await communityIdea(tx, ideaId);
    if (!idea) throw new AppError("NOT_FOUND", "idea.notFound");
    authorize(actor, "idea.view", idea, { hideAs: "idea.notFound" });
    // Withdrawing stays possible whatever the idea's state: nobody is held to a support.
    const [row] = await tx.$queryRaw<{ count: number | null }[]>(Prisma.sql`
      WITH deleted AS (
        DELETE FROM "IdeaSupport" WHERE "ideaId" = ${ideaId}::uuid AND "userId" = ${actor.id}::uuid
        RETURNING 1
      ), updated AS (
        UPDATE "Idea" SET "supportCount" = "supportCount" - 1
         WHERE "id" = ${ideaId}::uuid AND EXISTS (SELECT 1 FROM deleted)
        RETURNING "supportCount"
      )
      SELECT (SELECT "supportCount" FROM updated) AS "count"`);
    return { count: row?.count ?? (await currentCount(tx, ideaId)), supported: false };
  });
}

/** The count, and whether the caller (if signed in) supports the idea: one statement. */
export async function supportStatus(db: DbClient, actor: Actor | null, ideaId: string): Promise<SupportState> {
  const idea = await communityIdea(db, ideaId);
  if (!idea) throw new AppError("NOT_FOUND", "idea.notFound");
  authorize(actor, "idea.view", idea, { hideAs: "idea.notFound" });
  const [row] = await db.$queryRaw<SupportState[]>(Prisma.sql`
    SELECT i."supportCount" AS "count",
           EXISTS (SELECT 1 FROM "IdeaSupport" s WHERE s."ideaId" = i."id" AND s."userId" = ${actor?.id ?? null}::uuid) AS "supported"
      FROM "Idea" i WHERE i."id" = ${ideaId}::uuid`);
  return row!;
}
