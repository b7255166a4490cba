import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, callerOfUser, createUser, failureOf, useTestServices } from "../support/callers";
import { createIdeaIn } from "../support/ideas";

const suite = useTestServices();
let authorId: string;

beforeAll(async () => {
  authorId = (await createUser(suite.db, "ENTREPRENEUR")).id;
});

const rowsOf = (ideaId: string) => suite.db.ideaSupport.count({ where: { ideaId } });
const countOf = async (ideaId: string) => (await suite.db.idea.findUniqueOrThrow({ where: { id: ideaId }, select: { supportCount: true } })).supportCount;

describe("support.add and support.remove", () => {
  it("counts a support, shows it to the supporter, and withdraws it", async () => {
    const idea = await createIdeaIn(suite.db, authorId, "PUBLISHED");
    const { caller } = await callerAs(suite.services, "COMPANY");
    expect(await caller.support.add({ ideaId: idea.id })).toEqual({ count: 1, supported: true });
    expect(await caller.support.status({ ideaId: idea.id })).toEqual({ count: 1, supported: true });
    expect((await caller.idea.byId({ id: idea.id })).supportCount).toBe(1);
    expect(await caller.support.remove({ ideaId: idea.id })).toEqual({ count: 0, supported: false });
    // Withdrawing twice changes nothing.
    expect(await caller.support.remove({ ideaId: idea.id })).toEqual({ count: 0, supported: false });
    expect([await rowsOf(idea.id), await countOf(idea.id)]).toEqual([0, 0]);
  });

  it("counts 50 simultaneous supports by one person once", async () => {
    const idea = await createIdeaIn(suite.db, authorId, "PUBLISHED");
    const { caller } = await callerAs(suite.services, "ACADEMIA");
    const results = await Promise.all(Array.from({ length: 50 }, () => caller.support.add({ ideaId: idea.id })));
    expect(results.every((r) => r.supported && r.count === 1)).toBe(true);
    expect([await rowsOf(idea.id), await countOf(idea.id)]).toEqual([1, 1]);
  });

  it("counts 50 people supporting at once exactly 50, and 50 withdrawing at once back to 0", async () => {
    const idea = await createIdeaIn(suite.db, authorId, "PUBLISHED");
    const callers = await Promise.all(Array.from({ length: 50 }, (_, i) => callerAs(suite.services, i % 2 ? "COMPANY" : "ENTREPRENEUR")));
    await Promise.all(callers.map(({ caller }) => caller.support.add({ ideaId: idea.id })));
    expect([await rowsOf(idea.id), await countOf(idea.id)]).toEqual([50, 50]);
    await Promise.all(callers.map(({ caller }) => caller.support.remove({ ideaId: idea.id })));
    expect([await rowsOf(idea.id), await countOf(idea.id)]).toEqual([0, 0]);
  });

  it("refuses the idea's author and co-authors with 403, and the Secretariat with its own message", async () => {
    const idea = await createIdeaIn(suite.db, authorId, "PUBLISHED");
    const coauthor = await createUser(suite.db, "ACADEMIA");
    await suite.db.ideaCoauthor.create({ data: { ideaId: idea.id, userId: coauthor.id, status: "ACCEPTED", invitedById: authorId } });
    for (const userId of [authorId, coauthor.id]) {
      const failure = await failureOf((await callerOfUser(suite.services, userId)).support.add({ ideaId: idea.id }));
      expect(failure).toMatchObject({ httpStatus: 403, message: "No puedes apoyar una idea de la que eres autor(a) o coautor(a), ni una a la que te invitaron." });
    }
    const { caller: secretariat } = await callerAs(suite.services, "SECRETARIAT");
    expect(await failureOf(secretariat.support.add({ ideaId: idea.id }))).toMatchObject({ httpStatus: 403 });
    expect(await countOf(idea.id)).toBe(0);
  });

  it("refuses archived ideas with 409 and hides drafts as 404", async () => {
    const { caller } = await callerAs(suite.services, "COMPANY");
    const archived = await createIdeaIn(suite.db, authorId, "ARCHIVED");
    expect(await failureOf(caller.support.add({ ideaId: archived.id }))).toMatchObject({
      httpStatus: 409,
      message: "Solo se pueden apoyar ideas publicadas, en desarrollo o incubadas.",
    });
    const draft = await createIdeaIn(suite.db, authorId, "DRAFT");
    expect((await failureOf(caller.support.add({ ideaId: draft.id }))).httpStatus).toBe(404);
  });

  it("asks visitors to sign in", async () => {
    const idea = await createIdeaIn(suite.db, authorId, "PUBLISHED");
    const { caller } = await callerAs(suite.services, null);
    expect((await failureOf(caller.support.add({ ideaId: idea.id }))).httpStatus).toBe(401);
    expect(await caller.support.status({ ideaId: idea.id })).toEqual({ count: 0, supported: false });
  });
});

describe("idea.list sorted by supports", () => {
  it("orders by count, then newest, and pages by keyset without repeating or skipping", async () => {
    const author = await createUser(suite.db, "ENTREPRENEUR");
    const ideas = [];
    for (let i = 0; i < 7; i++) ideas.push(await createIdeaIn(suite.db, author.id, "PUBLISHED", { title: `Apoyos ${i} sobre el Magdalena` }));
    // Counts 3, 0, 2, 0, 1, 2, 0 (written directly: the list reads the column).
    const counts = [3, 0, 2, 0, 1, 2, 0];
    for (const [i, idea] of ideas.entries()) await suite.db.idea.update({ where: { id: idea.id }, data: { supportCount: counts[i]! } });
    const { caller } = await callerAs(suite.services, null);
    const seen: { id: string; supportCount: number }[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.idea.list({ authorId: author.id, sort: "supports", limit: 3, cursor });
      seen.push(...page.items.map((i) => ({ id: i.id, supportCount: i.supportCount })));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.map((s) => s.supportCount)).toEqual([3, 2, 2, 1, 0, 0, 0]);
    expect(new Set(seen.map((s) => s.id)).size).toBe(7);
    // Equal counts: the newest publication first (ideas created later were published later).
    expect(seen.slice(1, 3).map((s) => s.id)).toEqual([ideas[5]!.id, ideas[2]!.id]);
  });
});
