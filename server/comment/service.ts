import type { Actor } from "../authz/actor";
import { authorize, can } from "../authz/policy";
import { recordAudit } from "../audit/service";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import { communityIdea } from "../idea/community-record";
import { notifyIdeaFollowers } from "../notification/notify";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import { AppError } from "../trpc/errors";
import { commentPageQuery, type CommentThread, type CommentView } from "./queries";
import { COMMENT_EDIT_MINUTES, type AddCommentInput, type ListCommentsInput } from "./schemas";

/** The idea's thread, if the caller sees the idea (a private idea is a 404, like its page). */
export async function listComments(db: DbClient, actor: Actor | null, input: ListCommentsInput) {
  const idea = await communityIdea(db, input.ideaId);
  if (!idea) throw new AppError("NOT_FOUND", "idea.notFound");
  authorize(actor, "idea.view", idea, { hideAs: "idea.notFound" });
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const viewer = { id: actor?.id ?? null, secretariat: can(actor, "moderation.act", null) };
  const rows = await queryRows<{ comment: CommentView; at: Date; replies: CommentView[] }>(
    db,
    commentPageQuery(input.ideaId, viewer, after, input.limit + 1),
  );
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const items: CommentThread[] = page.map((row) => ({ ...row.comment, replies: row.replies }));
  const last = page.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor({ at: last.at, id: last.comment.id }) : null };
}

interface CommentRow {
  id: string;
  ideaId: string;
  authorId: string;
  parentId: string | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
}

/** A comment with its row locked until the transaction ends (edits, removals and reports of it queue up). */
export async function lockComment(tx: DbClient, id: string): Promise<CommentRow | null> {
  const [row] = await tx.$queryRaw<CommentRow[]>(Prisma.sql`
    SELECT "id", "ideaId", "authorId", "parentId", "deletedAt", "hiddenAt" FROM "Comment" WHERE "id" = ${id}::uuid FOR UPDATE`);
  return row ?? null;
}

/** The comment and its idea, if the actor sees the idea: otherwise both are as absent as a wrong id. */
async function visibleComment(tx: DbClient, actor: Actor, id: string) {
  const comment = await lockComment(tx, id);
  const idea = comment ? await communityIdea(tx, comment.ideaId) : null;
  if (!comment || !idea || !can(actor, "idea.view", idea)) throw new AppError("NOT_FOUND", "comment.notFound");
  return { comment, idea };
}

const EXCERPT_CHARS = 200;
const excerptOf = (body: string) => (body.length > EXCERPT_CHARS ? `${body.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : body);

/**
 * A comment or reply on a listed idea. One level of replies: answering a reply joins the thread
 * of the comment it answers (its parent), so every reply hangs off a top-level comment. The
 * Secretariat's comments are its official replies.
 */
export async function addComment(db: DbClient, actor: Actor, input: AddCommentInput): Promise<CommentView> {
  return inTransaction(db, async (tx) => {
    const idea = await communityIdea(tx, input.ideaId);
    if (!idea) throw new AppError("NOT_FOUND", "idea.notFound");
    authorize(actor, "idea.view", idea, { hideAs: "idea.notFound" });
    if (!can(actor, "comment.create", idea)) throw new AppError("CONFLICT", "comment.notOpen");
    let parentId: string | null = null;
    if (input.parentId) {
      const parent = await tx.comment.findUnique({ where: { id: input.parentId }, select: { ideaId: true, parentId: true, deletedAt: true, hiddenAt: true } });
      if (!parent || parent.ideaId !== input.ideaId) throw new AppError("NOT_FOUND", "comment.notFound");
      if (parent.deletedAt || parent.hiddenAt) throw new AppError("CONFLICT", "comment.parentGone");
      parentId = parent.parentId ?? input.parentId;
    }
    const official = actor.role === "SECRETARIAT";
    const created = await tx.comment.create({
      data: { ideaId: input.ideaId, authorId: actor.id, parentId, body: input.body, official },
      select: { id: true, createdAt: true, author: { select: { id: true, name: true } } },
    });
    // Followers hear of it in the same transaction (the commenter is never told of their own comment).
    await notifyIdeaFollowers(tx, {
      ideaId: input.ideaId,
      kind: official ? "OFFICIAL_REPLY" : "IDEA_COMMENT",
      actorId: actor.id,
      data: { commentId: created.id, excerpt: excerptOf(input.body) },
    });
    return {
      id: created.id,
      parentId,
      state: "visible",
      body: input.body,
      author: created.author,
      official,
      createdAt: created.createdAt.toISOString(),
      editedAt: null,
      mine: true,
      editable: true,
      reported: false,
    };
  });
}

/**
 * The author's correction, while the edit window is open. The window is the database's clock
 * (`now()`), checked by the UPDATE itself, so a server's clock cannot stretch it.
 */
export async function editComment(db: DbClient, actor: Actor, input: { id: string; body: string }) {
  return inTransaction(db, async (tx) => {
    const { comment } = await visibleComment(tx, actor, input.id);
    if (!can(actor, "comment.edit", comment)) throw new AppError("FORBIDDEN", "comment.notAuthor");
    if (comment.deletedAt || comment.hiddenAt) throw new AppError("CONFLICT", "comment.gone");
    const updated = await tx.$executeRaw(Prisma.sql`
      UPDATE "Comment" SET "body" = ${input.body}, "editedAt" = now()
       WHERE "id" = ${input.id}::uuid AND "createdAt" > now() - make_interval(mins => ${COMMENT_EDIT_MINUTES})`);
    if (updated === 0) throw new AppError("CONFLICT", "comment.editWindowClosed", { minutes: COMMENT_EDIT_MINUTES });
    return { id: input.id, body: input.body };
  });
}

/**
 * Soft removal: the thread keeps the comment's place (and its replies) as "comentario eliminado".
 * The author removes their own; the Secretariat removes anyone's, with an audit entry.
 */
export async function removeComment(db: DbClient, actor: Actor, input: { id: string; reason?: string }) {
  return inTransaction(db, async (tx) => {
    const { comment } = await visibleComment(tx, actor, input.id);
    if (!can(actor, "comment.remove", comment)) throw new AppError("FORBIDDEN", "comment.removeForbidden");
    if (comment.deletedAt) throw new AppError("CONFLICT", "comment.gone");
    await tx.comment.update({ where: { id: input.id }, data: { deletedAt: new Date(), deletedById: actor.id } });
    if (actor.id !== comment.authorId) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "comment.remove",
        subjectType: "Comment",
        subjectId: input.id,
        reason: input.reason,
        before: { commentState: comment.hiddenAt ? "hidden" : "visible" },
        after: { commentState: "deleted" },
      });
    }
    return { id: input.id };
  });
}
