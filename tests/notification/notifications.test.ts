/**
 * Follows, in-app notifications and what is queued for email, through the procedures: who is
 * told of what (never the actor), preferences, and that nobody reads or changes another
 * person's notifications or preferences.
 */
import { describe, expect, it } from "vitest";
import { notifyIdeaFollowers } from "../../server/notification/notify";
import { queueDailyDigests } from "../../server/notification/digest";
import { callerAs, callerOfUser, createUser, failureOf, useTestServices, type Role } from "../support/callers";
import { createIdeaIn } from "../support/ideas";

const suite = useTestServices();

const ideaFields = {
  title: "Ciclorruta por el malecón",
  summary: "Una ciclorruta segura entre el malecón y el centro de Barrancabermeja.",
  problem: "Quienes van en bicicleta comparten la vía con camiones del puerto.",
  solution: "Un carril protegido con señalización y parqueaderos de bicicletas.",
  sector: "ENVIRONMENT" as const,
};

async function person(role: Role = "ENTREPRENEUR") {
  const user = await createUser(suite.db, role);
  return { user, caller: await callerOfUser(suite.services, user.id) };
}

async function outboxOf(userId: string) {
  return suite.db.emailOutbox.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}

async function jobsFor(outboxIds: string[]) {
  return suite.db.$queryRawUnsafe<{ key: string }[]>(
    `SELECT key FROM graphile_worker.jobs WHERE task_identifier = 'deliver-email' AND key = ANY($1::text[])`,
    outboxIds.map((id) => `email:${id}`),
  );
}

/** A published idea by a new author, and the author's caller. */
async function publishedIdea() {
  const author = await person("ACADEMIA");
  const idea = await createIdeaIn(suite.db, author.user.id, "PUBLISHED");
  await suite.db.ideaFollow.create({ data: { ideaId: idea.id, userId: author.user.id } });
  return { author, idea };
}

describe("follows", () => {
  it("the author follows a new idea automatically, in one statement or in the transaction", async () => {
    const { caller, user } = await callerAs(suite.services, "ACADEMIA");
    const draft = await caller.idea.create(ideaFields);
    expect(await caller.follow.status({ ideaId: draft.id })).toEqual({ following: true });
    const submitted = await caller.idea.create({ ...ideaFields, submit: true });
    expect(await suite.db.ideaFollow.count({ where: { ideaId: submitted.id, userId: user!.id } })).toBe(1);
  });

  it("anyone who sees the idea follows and unfollows it; an idea they cannot see is not found", async () => {
    const { idea, author } = await publishedIdea();
    const reader = await person();
    expect(await reader.caller.follow.status({ ideaId: idea.id })).toEqual({ following: false });
    expect(await reader.caller.follow.add({ ideaId: idea.id })).toEqual({ following: true });
    expect(await reader.caller.follow.add({ ideaId: idea.id })).toEqual({ following: true });
    expect(await reader.caller.follow.status({ ideaId: idea.id })).toEqual({ following: true });
    expect(await reader.caller.follow.remove({ ideaId: idea.id })).toEqual({ following: false });
    const draft = await createIdeaIn(suite.db, author.user.id, "DRAFT");
    expect((await failureOf(reader.caller.follow.add({ ideaId: draft.id }))).httpStatus).toBe(404);
  });

  it("an accepted co-author follows the idea", async () => {
    const { caller } = await callerAs(suite.services, "ACADEMIA");
    const draft = await caller.idea.create(ideaFields);
    const invitee = await person("COMPANY");
    await caller.coauthor.invite({ ideaId: draft.id, email: invitee.user.email });
    expect(await invitee.caller.follow.status({ ideaId: draft.id })).toEqual({ following: false });
    await invitee.caller.coauthor.respond({ ideaId: draft.id, accept: true });
    expect(await invitee.caller.follow.status({ ideaId: draft.id })).toEqual({ following: true });
  });
});

describe("notifications of events", () => {
  it("a change of state tells the followers and the authors (a decision), never the actor, and queues their emails in the same transaction", async () => {
    const { idea, author } = await publishedIdea();
    const follower = await person();
    await follower.caller.follow.add({ ideaId: idea.id });
    const secretariat = await person("SECRETARIAT");
    await secretariat.caller.follow.add({ ideaId: idea.id });

    await secretariat.caller.moderation.decide({ id: idea.id, to: "IN_DEVELOPMENT", reason: "Arranca con la Secretaría" });

    const forFollower = await follower.caller.notification.list({});
    expect(forFollower.items).toHaveLength(1);
    expect(forFollower.items[0]).toMatchObject({
      kind: "IDEA_STATUS_CHANGED",
      ideaId: idea.id,
      ideaTitle: idea.title,
      actorName: secretariat.user.name,
      data: { from: "PUBLISHED", to: "IN_DEVELOPMENT", reason: "Arranca con la Secretaría" },
      readAt: null,
    });
    const forAuthor = await author.caller.notification.list({});
    expect(forAuthor.items.map((n) => n.kind)).toEqual(["MODERATION_DECISION"]);
    expect(await secretariat.caller.notification.unreadCount()).toBe(0);

    const mails = [...(await outboxOf(follower.user.id)), ...(await outboxOf(author.user.id))];
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.status === "PENDING" && m.locale === "es")).toBe(true);
    expect(await jobsFor(mails.map((m) => m.id))).toHaveLength(2);
  });

  it("followers who are not authors hear nothing of a move out of public view (hidden)", async () => {
    const { idea, author } = await publishedIdea();
    const follower = await person();
    await follower.caller.follow.add({ ideaId: idea.id });
    const secretariat = await person("SECRETARIAT");
    await secretariat.caller.moderation.decide({ id: idea.id, to: "HIDDEN", reason: "Datos personales en el texto" });
    expect(await follower.caller.notification.unreadCount()).toBe(0);
    expect(await author.caller.notification.unreadCount()).toBe(1);
  });

  it("the authors' own move tells their co-authors, not themselves", async () => {
    const { caller, user } = await callerAs(suite.services, "ACADEMIA");
    const draft = await caller.idea.create(ideaFields);
    const coauthor = await person("COMPANY");
    await caller.coauthor.invite({ ideaId: draft.id, email: coauthor.user.email });
    await coauthor.caller.coauthor.respond({ ideaId: draft.id, accept: true });
    await caller.idea.submit({ id: draft.id });
    const items = (await coauthor.caller.notification.list({})).items;
    expect(items.map((n) => n.kind)).toEqual(["IDEA_STATUS_CHANGED", "COAUTHOR_INVITATION"]);
    expect(await suite.db.notification.count({ where: { recipientId: user!.id } })).toBe(0);
  });

  it("a co-author invitation tells the invitee", async () => {
    const { caller, user } = await callerAs(suite.services, "ACADEMIA");
    const draft = await caller.idea.create(ideaFields);
    const invitee = await person("COMPANY");
    await caller.coauthor.invite({ ideaId: draft.id, email: invitee.user.email });
    const [notification] = (await invitee.caller.notification.list({})).items;
    expect(notification).toMatchObject({ kind: "COAUTHOR_INVITATION", ideaId: draft.id, actorName: user!.name });
    expect(await outboxOf(invitee.user.id)).toHaveLength(1);
  });

  it("a report outcome tells the authors once (not also as a decision), and followers hear of the idea coming back", async () => {
    const { idea, author } = await publishedIdea();
    const follower = await person();
    await follower.caller.follow.add({ ideaId: idea.id });
    const reporter = await person("COMPANY");
    await suite.db.ideaReport.create({ data: { ideaId: idea.id, reporterId: reporter.user.id, reason: "SPAM" } });
    const secretariat = await person("SECRETARIAT");
    await secretariat.caller.moderation.decide({ id: idea.id, to: "HIDDEN", reason: "Revisión de reportes" });
    await secretariat.caller.moderation.resolveReports({ ideaId: idea.id, outcome: "dismiss", reason: "No es spam" });
    const kinds = (await author.caller.notification.list({ order: "newest" })).items.map((n) => n.kind);
    expect(kinds).toEqual(["REPORT_OUTCOME", "MODERATION_DECISION"]);
    const [outcome] = (await author.caller.notification.list({ order: "newest" })).items;
    expect(outcome!.data).toMatchObject({ outcome: "dismiss", status: "PUBLISHED", reason: "No es spam" });
    expect((await follower.caller.notification.list({})).items.map((n) => n.data.to)).toEqual(["PUBLISHED"]);
  });

  it("notifyIdeaFollowers (comments) tells every follower, authors included, but the actor", async () => {
    const { idea, author } = await publishedIdea();
    const follower = await person();
    await follower.caller.follow.add({ ideaId: idea.id });
    const commenter = await person("COMPANY");
    await commenter.caller.follow.add({ ideaId: idea.id });
    const result = await suite.db.$transaction((tx) =>
      notifyIdeaFollowers(tx, { ideaId: idea.id, kind: "IDEA_COMMENT", actorId: commenter.user.id, data: { excerpt: "¡Buena idea!" } }),
    );
    expect(result).toEqual({ notified: 2, mailed: 2 });
    for (const who of [author, follower]) {
      expect((await who.caller.notification.list({})).items[0]).toMatchObject({ kind: "IDEA_COMMENT", data: { excerpt: "¡Buena idea!" } });
    }
    expect(await commenter.caller.notification.unreadCount()).toBe(0);
  });

  it("a rolled-back change leaves no notification, outbox row or job", async () => {
    const { idea } = await publishedIdea();
    const follower = await person();
    await follower.caller.follow.add({ ideaId: idea.id });
    const jobsBefore = await suite.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM graphile_worker.jobs`);
    await expect(
      suite.db.$transaction(async (tx) => {
        await notifyIdeaFollowers(tx, { ideaId: idea.id, kind: "IDEA_COMMENT", actorId: null });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await follower.caller.notification.unreadCount()).toBe(0);
    expect(await outboxOf(follower.user.id)).toHaveLength(0);
    expect(await suite.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM graphile_worker.jobs`)).toEqual(jobsBefore);
  });
});

describe("preferences", () => {
  it("NONE writes the notification but no email; DAILY waits for the digest, once a day", async () => {
    const { idea } = await publishedIdea();
    const none = await person();
    const daily = await person();
    await none.caller.preferences.set({ preferences: [{ kind: "IDEA_COMMENT", delivery: "NONE" }] });
    await daily.caller.preferences.set({ preferences: [{ kind: "IDEA_COMMENT", delivery: "DAILY" }] });
    for (const who of [none, daily]) await who.caller.follow.add({ ideaId: idea.id });
    await suite.db.$transaction((tx) => notifyIdeaFollowers(tx, { ideaId: idea.id, kind: "IDEA_COMMENT", actorId: null }));
    await suite.db.$transaction((tx) => notifyIdeaFollowers(tx, { ideaId: idea.id, kind: "IDEA_COMMENT", actorId: null }));

    expect(await none.caller.notification.unreadCount()).toBe(2);
    expect(await outboxOf(none.user.id)).toHaveLength(0);
    expect(await daily.caller.notification.unreadCount()).toBe(2);
    expect(await outboxOf(daily.user.id)).toHaveLength(0);

    const at = new Date(Date.now() + 1000);
    await queueDailyDigests(suite.db, at);
    const [digest, ...more] = await outboxOf(daily.user.id);
    expect(more).toHaveLength(0);
    expect(digest).toMatchObject({ notificationId: null, status: "PENDING" });
    expect(digest!.digestOf).toHaveLength(2);
    expect(await jobsFor([digest!.id])).toHaveLength(1);
    expect(await outboxOf(none.user.id)).toHaveLength(0);
    // A second run the same day adds nothing.
    await queueDailyDigests(suite.db, at);
    expect(await outboxOf(daily.user.id)).toHaveLength(1);
  });

  it("lists every kind with its delivery (IMMEDIATE by default) and keeps the others when one changes", async () => {
    const me = await person();
    const before = await me.caller.preferences.get();
    // Every kind: the ideas' six, the calls' five, the bookings' three and the alliances' two.
    expect(before).toHaveLength(16);
    expect(before.every((p) => p.delivery === "IMMEDIATE")).toBe(true);
    const after = await me.caller.preferences.set({ preferences: [{ kind: "REPORT_OUTCOME", delivery: "DAILY" }] });
    expect(after.find((p) => p.kind === "REPORT_OUTCOME")!.delivery).toBe("DAILY");
    expect(after.filter((p) => p.delivery === "IMMEDIATE")).toHaveLength(before.length - 1);
  });
});

describe("the inbox is the caller's own", () => {
  it("marks one or all read; another person's notification is not found for them", async () => {
    const { idea } = await publishedIdea();
    const me = await person();
    const other = await person();
    for (const who of [me, other]) await who.caller.follow.add({ ideaId: idea.id });
    for (let i = 0; i < 3; i++) {
      await suite.db.$transaction((tx) => notifyIdeaFollowers(tx, { ideaId: idea.id, kind: "IDEA_COMMENT", actorId: null }));
    }
    const mine = (await me.caller.notification.list({})).items;
    const theirs = (await other.caller.notification.list({})).items;
    expect(mine).toHaveLength(3);
    expect(mine.some((n) => theirs.some((t) => t.id === n.id))).toBe(false);

    expect((await failureOf(other.caller.notification.markRead({ id: mine[0]!.id }))).httpStatus).toBe(404);
    expect(await me.caller.notification.unreadCount()).toBe(3);
    await me.caller.notification.markRead({ id: mine[1]!.id });
    expect(await me.caller.notification.unreadCount()).toBe(2);

    // Unread first: the read one goes last; pages follow on with the cursor.
    const page1 = await me.caller.notification.list({ limit: 2 });
    const page2 = await me.caller.notification.list({ limit: 2, cursor: page1.nextCursor! });
    expect([...page1.items, ...page2.items].map((n) => n.id)).toEqual([mine[0]!.id, mine[2]!.id, mine[1]!.id]);
    expect(page2.nextCursor).toBeNull();

    expect(await me.caller.notification.markAllRead()).toEqual({ marked: 2 });
    expect(await me.caller.notification.unreadCount()).toBe(0);
    expect(await other.caller.notification.unreadCount()).toBe(3);
  });

  it("anonymous callers get 401 from every personal procedure", async () => {
    const { caller } = await callerAs(suite.services, null);
    for (const call of [() => caller.notification.list({}), () => caller.notification.unreadCount(), () => caller.preferences.get()]) {
      expect((await failureOf(call())).httpStatus).toBe(401);
    }
  });
});
