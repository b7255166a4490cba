import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, callerOfUser, createUser, failureOf, useTestServices } from "../support/callers";
import { createIdeaIn } from "../support/ideas";

const suite = useTestServices({ REPORT_HIDE_THRESHOLD: "3" });
let authorId: string;

beforeAll(async () => {
  authorId = (await createUser(suite.db, "ENTREPRENEUR")).id;
});

const publishedIdea = () => createIdeaIn(suite.db, authorId, "PUBLISHED");
/** Moves a comment's creation back, as if written `minutes` ago. */
const age = (id: string, minutes: number) =>
  suite.db.$executeRaw`UPDATE "Comment" SET "createdAt" = now() - make_interval(mins => ${minutes}) WHERE "id" = ${id}::uuid`;

describe("comment.add and comment.list", () => {
  it("threads comments oldest first with one level of replies; a reply to a reply joins its thread", async () => {
    const idea = await publishedIdea();
    const { caller: ana } = await callerAs(suite.services, "COMPANY");
    const { caller: beto } = await callerAs(suite.services, "ACADEMIA");
    const first = await ana.comment.add({ ideaId: idea.id, body: "  Primera línea\nSegunda línea  " });
    expect(first).toMatchObject({ body: "Primera línea\nSegunda línea", parentId: null, official: false });
    const reply = await beto.comment.add({ ideaId: idea.id, parentId: first.id, body: "Una respuesta" });
    const replyToReply = await ana.comment.add({ ideaId: idea.id, parentId: reply.id, body: "Respuesta a la respuesta" });
    expect(replyToReply.parentId).toBe(first.id);
    const second = await beto.comment.add({ ideaId: idea.id, body: "Otro comentario" });

    const { caller: visitor } = await callerAs(suite.services, null);
    const { items, nextCursor } = await visitor.comment.list({ ideaId: idea.id });
    expect(nextCursor).toBeNull();
    expect(items.map((c) => c.id)).toEqual([first.id, second.id]);
    expect(items[0]!.replies.map((r) => r.id)).toEqual([reply.id, replyToReply.id]);
    expect(items[0]).toMatchObject({ state: "visible", mine: false, editable: false, author: { name: expect.any(String) } });
    const mine = await ana.comment.list({ ideaId: idea.id });
    expect(mine.items[0]).toMatchObject({ mine: true, editable: true });
  });

  it("pages top-level comments by keyset", async () => {
    const idea = await publishedIdea();
    const { caller } = await callerAs(suite.services, "COMPANY");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await caller.comment.add({ ideaId: idea.id, body: `Comentario ${i}` })).id);
    const firstPage = await caller.comment.list({ ideaId: idea.id, limit: 2 });
    const secondPage = await caller.comment.list({ ideaId: idea.id, limit: 2, cursor: firstPage.nextCursor! });
    const thirdPage = await caller.comment.list({ ideaId: idea.id, limit: 2, cursor: secondPage.nextCursor! });
    expect([...firstPage.items, ...secondPage.items, ...thirdPage.items].map((c) => c.id)).toEqual(ids);
    expect(thirdPage.nextCursor).toBeNull();
  });

  it("marks the Secretariat's comments as official replies", async () => {
    const idea = await publishedIdea();
    const { caller } = await callerAs(suite.services, "SECRETARIAT");
    expect((await caller.comment.add({ ideaId: idea.id, body: "Respuesta de la Secretaría" })).official).toBe(true);
  });

  it("tells the idea's followers, not the commenter: a comment, then an official reply", async () => {
    const idea = await publishedIdea();
    const follower = await createUser(suite.db, "ACADEMIA");
    await suite.db.ideaFollow.create({ data: { ideaId: idea.id, userId: follower.id } });
    const { caller: commenter, user } = await callerAs(suite.services, "COMPANY");
    await suite.db.ideaFollow.create({ data: { ideaId: idea.id, userId: user!.id } });
    await commenter.comment.add({ ideaId: idea.id, body: "¿Han pensado en los pescadores de Puerto Wilches?" });
    const { caller: secretariat } = await callerAs(suite.services, "SECRETARIAT");
    await secretariat.comment.add({ ideaId: idea.id, body: "La Secretaría acompañará esta idea." });
    const kinds = async (userId: string) =>
      (await suite.db.notification.findMany({ where: { recipientId: userId, ideaId: idea.id }, orderBy: { createdAt: "asc" } })).map((n) => n.kind);
    expect(await kinds(follower.id)).toEqual(["IDEA_COMMENT", "OFFICIAL_REPLY"]);
    expect(await kinds(user!.id)).toEqual(["OFFICIAL_REPLY"]);
  });

  it("refuses comments on drafts (404 for others), archived ideas (409), empty and too long texts (400)", async () => {
    const { caller } = await callerAs(suite.services, "COMPANY");
    const draft = await createIdeaIn(suite.db, authorId, "DRAFT");
    expect((await failureOf(caller.comment.add({ ideaId: draft.id, body: "Hola" }))).httpStatus).toBe(404);
    const archived = await createIdeaIn(suite.db, authorId, "ARCHIVED");
    expect(await failureOf(caller.comment.add({ ideaId: archived.id, body: "Hola" }))).toMatchObject({ httpStatus: 409 });
    const idea = await publishedIdea();
    expect(await failureOf(caller.comment.add({ ideaId: idea.id, body: "   " }))).toMatchObject({ httpStatus: 400, fieldErrors: { body: expect.any(String) } });
    expect((await failureOf(caller.comment.add({ ideaId: idea.id, body: "x".repeat(2001) }))).httpStatus).toBe(400);
    const { caller: visitor } = await callerAs(suite.services, null);
    expect((await failureOf(visitor.comment.add({ ideaId: idea.id, body: "Hola" }))).httpStatus).toBe(401);
  });
});

describe("comment.edit", () => {
  it("lets the author edit within 15 minutes by the database's clock, then locks the comment", async () => {
    const idea = await publishedIdea();
    const { caller, user } = await callerAs(suite.services, "COMPANY");
    const comment = await caller.comment.add({ ideaId: idea.id, body: "Con un eror" });
    await caller.comment.edit({ id: comment.id, body: "Con un error corregido" });
    const [stored] = (await caller.comment.list({ ideaId: idea.id })).items;
    expect(stored).toMatchObject({ body: "Con un error corregido", editedAt: expect.any(String) });

    const other = await callerOfUser(suite.services, (await createUser(suite.db, "ACADEMIA")).id);
    expect(await failureOf(other.comment.edit({ id: comment.id, body: "Ajeno" }))).toMatchObject({ httpStatus: 403 });

    await age(comment.id, 16);
    expect(await failureOf(caller.comment.edit({ id: comment.id, body: "Tarde" }))).toMatchObject({
      httpStatus: 409,
      message: "Los comentarios se pueden editar durante 15 minutos después de publicarlos. Este ya no.",
    });
    expect((await caller.comment.list({ ideaId: idea.id })).items[0]).toMatchObject({ editable: false, body: "Con un error corregido" });
    expect(user).not.toBeNull();
  });
});

describe("comment.remove", () => {
  it("soft-deletes for its author: 'comentario eliminado' keeps its place and its replies", async () => {
    const idea = await publishedIdea();
    const { caller: ana } = await callerAs(suite.services, "COMPANY");
    const { caller: beto } = await callerAs(suite.services, "ACADEMIA");
    const comment = await ana.comment.add({ ideaId: idea.id, body: "Me arrepiento" });
    const reply = await beto.comment.add({ ideaId: idea.id, parentId: comment.id, body: "Respuesta que se queda" });
    expect(await failureOf(beto.comment.remove({ id: comment.id }))).toMatchObject({ httpStatus: 403 });
    await ana.comment.remove({ id: comment.id });
    const [thread] = (await beto.comment.list({ ideaId: idea.id })).items;
    expect(thread).toMatchObject({ id: comment.id, state: "deleted", body: null, author: null });
    expect(thread!.replies.map((r) => [r.id, r.body])).toEqual([[reply.id, "Respuesta que se queda"]]);
    // A removed comment takes no more replies, and is not removed twice.
    expect((await failureOf(beto.comment.add({ ideaId: idea.id, parentId: comment.id, body: "Tarde" }))).httpStatus).toBe(409);
    expect((await failureOf(ana.comment.remove({ id: comment.id }))).httpStatus).toBe(409);
    expect(await suite.db.auditEntry.count({ where: { subjectId: comment.id } })).toBe(0);
  });

  it("lets the Secretariat remove anyone's comment, with an audit entry", async () => {
    const idea = await publishedIdea();
    const { caller: ana } = await callerAs(suite.services, "COMPANY");
    const comment = await ana.comment.add({ ideaId: idea.id, body: "Fuera de lugar" });
    const { caller: secretariat, user } = await callerAs(suite.services, "SECRETARIAT");
    await secretariat.comment.remove({ id: comment.id, reason: "Datos personales" });
    const audit = await suite.db.auditEntry.findMany({ where: { subjectType: "Comment", subjectId: comment.id } });
    expect(audit).toMatchObject([{ action: "comment.remove", actorId: user!.id, reason: "Datos personales" }]);
  });
});

describe("comment reports", () => {
  it("hides a comment at the threshold, once, and the Secretariat dismisses (restored) or upholds (kept hidden)", async () => {
    const idea = await publishedIdea();
    const { caller: writer } = await callerAs(suite.services, "COMPANY");
    const comment = await writer.comment.add({ ideaId: idea.id, body: "Compren en mi tienda" });
    expect(await failureOf(writer.report.comment({ commentId: comment.id, reason: "SPAM" }))).toMatchObject({ httpStatus: 403 });
    const reporters = await Promise.all([1, 2, 3, 4].map(() => callerAs(suite.services, "ENTREPRENEUR")));
    const first = reporters[0]!.caller;
    expect(await first.report.comment({ commentId: comment.id, reason: "SPAM" })).toEqual({ hidden: false });
    expect(await failureOf(first.report.comment({ commentId: comment.id, reason: "SPAM" }))).toMatchObject({ httpStatus: 409 });
    // Two more reports at once: exactly one of them hides it.
    const results = await Promise.all(reporters.slice(1, 3).map(({ caller }) => caller.report.comment({ commentId: comment.id, reason: "OFFENSIVE" })));
    expect(results.filter((r) => r.hidden)).toHaveLength(1);
    // Hidden: others read a placeholder; a later report is refused.
    expect((await writer.comment.list({ ideaId: idea.id })).items[0]).toMatchObject({ state: "hidden", body: null });
    expect((await failureOf(reporters[3]!.caller.report.comment({ commentId: comment.id, reason: "SPAM" }))).httpStatus).toBe(409);
    expect(await suite.db.auditEntry.count({ where: { subjectId: comment.id, action: "comment.autoHide", actorId: null } })).toBe(1);

    const { caller: secretariat } = await callerAs(suite.services, "SECRETARIAT");
    const queue = await secretariat.moderation.queue({ queue: "comments" });
    expect(queue.items.find((i) => i.id === comment.id)).toMatchObject({ kind: "comment", hidden: true, body: "Compren en mi tienda", reports: { count: 3 } });
    expect((await secretariat.comment.list({ ideaId: idea.id })).items[0]).toMatchObject({ state: "hidden", body: "Compren en mi tienda" });

    expect(await secretariat.moderation.resolveCommentReports({ commentId: comment.id, outcome: "dismiss" })).toEqual({ state: "visible", resolved: 3 });
    expect((await writer.comment.list({ ideaId: idea.id })).items[0]).toMatchObject({ state: "visible", body: "Compren en mi tienda" });
    expect((await secretariat.moderation.queue({ queue: "comments" })).items.some((i) => i.id === comment.id)).toBe(false);

    await reporters[3]!.caller.report.comment({ commentId: comment.id, reason: "SPAM" });
    expect(await secretariat.moderation.resolveCommentReports({ commentId: comment.id, outcome: "uphold", reason: "Publicidad" })).toEqual({ state: "hidden", resolved: 1 });
    const actions = (await suite.db.auditEntry.findMany({ where: { subjectId: comment.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["comment.autoHide", "commentReport.dismiss", "commentReport.uphold"]);
    expect((await failureOf(secretariat.moderation.resolveCommentReports({ commentId: comment.id, outcome: "dismiss" }))).httpStatus).toBe(409);
  });
});
