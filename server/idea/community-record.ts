import { Prisma, type DbClient } from "../db/client";
import type { CoauthorStatus, IdeaStatus } from "../db/generated/enums";

/** An idea as the rules of supports and comments read it: its state and who writes it. */
export interface CommunityIdea {
  id: string;
  status: IdeaStatus;
  authorId: string;
  coauthors: { id: string; status: CoauthorStatus }[];
}

/**
 * One statement, no row lock: supports and comments must not queue behind each other on the
 * idea's row (a support's count update takes that lock itself, briefly, at the end).
 */
export async function communityIdea(db: DbClient, ideaId: string): Promise<CommunityIdea | null> {
  const [row] = await db.$queryRaw<CommunityIdea[]>(Prisma.sql`
    SELECT i."id", i."status", i."authorId",
           COALESCE((SELECT json_agg(json_build_object('id', c."userId", 'status', c."status"))
                       FROM "IdeaCoauthor" c WHERE c."ideaId" = i."id"), '[]'::json) AS "coauthors"
      FROM "Idea" i
     WHERE i."id" = ${ideaId}::uuid`);
  return row ?? null;
}
