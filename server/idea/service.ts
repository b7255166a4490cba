import type { Actor } from "../authz/actor";
import { authorize } from "../authz/policy";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import { withConstraintMessages } from "../db/errors";
import { MAX_ATTACHMENTS } from "../files/rules";
import type { BlobRef } from "../files/stores";
import { AppError, fieldError } from "../trpc/errors";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import { isEditableState } from "./lifecycle";
import {
  ideaDetailQuery,
  ideaHistoryQuery,
  ideaListQuery,
  insertedIdeaDetail,
  ownIdeasQuery,
  type IdeaDetail,
  type IdeaEventRow,
  type IdeaListRow,
  type OwnIdeaRow,
} from "./queries";
import type { CreateIdeaInput, ListIdeasInput, UpdateIdeaInput } from "./schemas";
import { changeIdeaStatus, lockIdea } from "./transitions";
import { followIdea } from "../notification/follows";

function checkOrganization(actor: Actor, organizationId: string | undefined) {
  if (organizationId && !actor.memberships.has(organizationId)) {
    throw fieldError("organizationId", "idea.organizationNotMember", {}, "FORBIDDEN");
  }
}

/** Attaches files `userId` uploaded and has not attached elsewhere; all of them or a 400. */
async function claimAttachments(tx: DbClient, ideaId: string, userId: string, attachmentIds: readonly string[]) {
  const uniqueIds = [...new Set(attachmentIds)];
  if (uniqueIds.length === 0) return;
  // The row locks this takes make a parallel idea claiming the same file wait, then find it taken.
  const { count } = await tx.storedFile.updateMany({
    where: { id: { in: uniqueIds }, uploadedById: userId, ideaId: null },
    data: { ideaId },
  });
  if (count !== uniqueIds.length) {
    throw new AppError("BAD_REQUEST", "idea.attachmentUnavailable", {}, { attachmentIds: { key: "idea.attachmentUnavailable" } });
  }
}

/**
 * Creates the actor's idea as a DRAFT (and submits it for review when asked), with the files
 * they uploaded, atomically. On the root client it is a transaction of its own; on a
 * transaction client it is part of the caller's use case (create-with-attachments.ts).
 */
export async function createIdea(db: DbClient, actor: Actor, input: CreateIdeaInput): Promise<IdeaDetail> {
  authorize(actor, "idea.create", null);
  checkOrganization(actor, input.organizationId);
  const { attachmentIds, submit, organizationId, ...fields } = input;
  if (!submit && attachmentIds.length === 0) {
    return withConstraintMessages(() => insertDraft(db, actor.id, { ...fields, organizationId: organizationId ?? null }));
  }
  return withConstraintMessages(() =>
    inTransaction(db, async (tx) => {
      const idea = await tx.idea.create({
        data: { ...fields, organizationId: organizationId ?? null, authorId: actor.id, status: "DRAFT" },
        select: { id: true },
      });
      await tx.ideaEvent.create({ data: { ideaId: idea.id, actorId: actor.id, kind: "CREATED", toStatus: "DRAFT" } });
      await followIdea(tx, idea.id, actor.id);
      await claimAttachments(tx, idea.id, actor.id, attachmentIds);
      if (submit) await changeIdeaStatus(tx, { ideaId: idea.id, to: "SUBMITTED", actor });
      return (await findIdea(tx, idea.id))!;
    }),
  );
}

/**
 * A draft without files, the usual first save: the idea, its CREATED event, the author's follow
 * and the idea's detail in one statement, which PostgreSQL runs atomically, instead of an
 * interactive transaction's round trips and a second read (docs/decisions/009-performance.md).
 * Files and "submit now" take the transaction above.
 */
async function insertDraft(
  db: DbClient,
  authorId: string,
  draft: Omit<CreateIdeaInput, "attachmentIds" | "submit" | "organizationId"> & { organizationId: string | null },
): Promise<IdeaDetail> {
  const [idea] = await queryRows<IdeaDetail>(
    db,
    Prisma.sql`
      WITH idea AS (
        INSERT INTO "Idea" ("id", "title", "summary", "problem", "solution", "sector", "status", "authorId", "organizationId", "createdAt", "updatedAt")
        VALUES (gen_random_uuid(), ${draft.title}, ${draft.summary}, ${draft.problem}, ${draft.solution}, ${draft.sector}::"Sector",
                'DRAFT', ${authorId}::uuid, ${draft.organizationId}::uuid, now(), now())
        RETURNING *
      ), created AS (
        INSERT INTO "IdeaEvent" ("ideaId", "actorId", "kind", "toStatus") SELECT "id", ${authorId}::uuid, 'CREATED', 'DRAFT' FROM idea
      ), followed AS (
        INSERT INTO "IdeaFollow" ("ideaId", "userId") SELECT "id", ${authorId}::uuid FROM idea
      )
      ${insertedIdeaDetail()}`,
  );
  return idea!;
}

/**
 * Saves an author's or co-author's changes to a DRAFT or CHANGES_REQUESTED idea: fields,
 * organization, new attachments and removed ones, and an EDITED history event (then, with
 * `submit`, the move to SUBMITTED, atomically). Once submitted
 * or published an idea is no longer edited (withdraw a submission to edit it again). Returns
 * where the removed attachments' bytes are: the caller deletes them once its transaction commits.
 */
export async function updateIdea(db: DbClient, actor: Actor, input: UpdateIdeaInput): Promise<{ idea: IdeaDetail; removedBlobs: BlobRef[] }> {
  const { id, attachmentIds, removeAttachmentIds, organizationId, submit, ...fields } = input;
  return withConstraintMessages(() =>
    inTransaction(db, async (tx) => {
      const idea = await lockIdea(tx, id);
      if (!idea) throw new AppError("NOT_FOUND", "idea.notFound");
      authorize(actor, "idea.view", idea, { hideAs: "idea.notFound" });
      authorize(actor, "idea.edit", idea);
      if (!isEditableState(idea.status)) throw new AppError("CONFLICT", "idea.notDraft", { status: idea.status });
      // A co-author outside the idea's organization keeps it as it is; only choosing one needs membership.
      const current = await tx.idea.findUniqueOrThrow({ where: { id }, select: { organizationId: true } });
      if ((organizationId ?? null) !== current.organizationId) checkOrganization(actor, organizationId);
      await tx.idea.update({ where: { id }, data: { ...fields, organizationId: organizationId ?? null } });
      const removedBlobs =
        removeAttachmentIds.length > 0
          ? await tx.storedFile.findMany({ where: { ideaId: id, id: { in: removeAttachmentIds } }, select: { id: true, store: true, storageKey: true } })
          : [];
      if (removedBlobs.length > 0) await tx.storedFile.deleteMany({ where: { id: { in: removedBlobs.map((f) => f.id) } } });
      await claimAttachments(tx, id, actor.id, attachmentIds);
      // The limit is per idea, not per upload: files added over several edits count together.
      if (attachmentIds.length > 0 && (await tx.storedFile.count({ where: { ideaId: id } })) > MAX_ATTACHMENTS) {
        throw fieldError("attachmentIds", "file.tooMany", { max: MAX_ATTACHMENTS });
      }
      await tx.ideaEvent.create({ data: { ideaId: id, actorId: actor.id, kind: "EDITED", fromStatus: idea.status, toStatus: idea.status } });
      if (submit) await changeIdeaStatus(tx, { ideaId: id, to: "SUBMITTED", actor });
      return { idea: (await findIdea(tx, id))!, removedBlobs };
    }),
  );
}

/** Public ideas, newest publication first (or by relevance), with an opaque cursor for the next page. */
export async function listIdeas(db: DbClient, input: ListIdeasInput) {
  const ranked = Boolean(input.q) && input.sort === "relevance";
  // Most supported: the cursor's leading sort key (its `rank` slot) is the support count.
  const bySupports = !ranked && input.sort === "supports";
  const after = input.cursor ? decodeCursor(input.cursor, { ranked: ranked || bySupports }) : null;
  if (bySupports && after && !Number.isInteger(after.rank)) throw new AppError("BAD_REQUEST", "validation.cursor", {}, { cursor: { key: "validation.cursor" } });
  const rows = await queryRows<IdeaListRow>(db, ideaListQuery(input, after, input.limit + 1));
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  const last = items.at(-1);
  const rank = bySupports ? last?.supportCount : last?.rank;
  return { items, nextCursor: hasMore && last ? encodeCursor({ at: last.publishedAt, id: last.id, rank }) : null };
}

/** The ideas a person authors or co-authors (invitations included), in every state. */
export async function listOwnIdeas(db: DbClient, userId: string, input: { cursor?: string; limit: number }) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db.$queryRaw<OwnIdeaRow[]>(ownIdeasQuery(userId, after, input.limit + 1));
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}

/** The idea with everything its page shows, in one statement; who may see it is the policy's business ("idea.view"). */
export async function findIdea(db: DbClient, id: string): Promise<IdeaDetail | null> {
  const [idea] = await queryRows<IdeaDetail>(db, ideaDetailQuery(id));
  return idea ?? null;
}

export async function ideaHistory(db: DbClient, ideaId: string): Promise<IdeaEventRow[]> {
  return db.$queryRaw<IdeaEventRow[]>(ideaHistoryQuery(ideaId));
}
