/**
 * Co-authors through the procedures, as each person would call them: the author invites by
 * email and removes, the invited person reads the draft and accepts or declines, an accepted
 * co-author edits and submits, and leaves. Against a real database, in parallel where it matters.
 */
import { describe, expect, it } from "vitest";
import { MAX_COAUTHORS } from "../../server/coauthor/schemas";
import { callerAs, callerOfUser, createUser, failureOf, useTestServices, type Role } from "../support/callers";

const suite = useTestServices();

const ideaFields = {
  title: "Huerta escolar con riego solar",
  summary: "Una huerta en el colegio con riego por goteo alimentado por paneles solares.",
  problem: "El comedor escolar compra verduras caras que llegan de lejos cada semana.",
  solution: "Cultivar en el patio del colegio con riego por goteo y paneles solares.",
  sector: "AGROINDUSTRY" as const,
};

/** An author (ACADEMIA, who may post now) with a new draft, and their caller. */
async function draftByAuthor() {
  const { caller, user } = await callerAs(suite.services, "ACADEMIA");
  const idea = await caller.idea.create(ideaFields);
  return { author: caller, authorUser: user!, idea };
}

async function person(role: Role = "ENTREPRENEUR") {
  const user = await createUser(suite.db, role);
  return { user, caller: await callerOfUser(suite.services, user.id) };
}

describe("inviting co-authors", () => {
  it("lets the author invite a registered person by email, whatever its case and spaces; the invitee sees the invitation and the draft", async () => {
    const { author, authorUser, idea } = await draftByAuthor();
    const invitee = await person("COMPANY");
    const invited = await author.coauthor.invite({ ideaId: idea.id, email: `  ${invitee.user.email.toUpperCase()} ` });
    expect(invited).toEqual({ id: invitee.user.id, name: invitee.user.name, status: "INVITED" });

    const invitations = await invitee.caller.coauthor.invitations();
    expect(invitations).toEqual([
      expect.objectContaining({ ideaId: idea.id, title: ideaFields.title, status: "DRAFT", invitedBy: { id: authorUser.id, name: authorUser.name } }),
    ]);
    // They read the draft before deciding, and it is in their list, marked as an invitation.
    expect((await invitee.caller.idea.byId({ id: idea.id })).title).toBe(ideaFields.title);
    const mine = await invitee.caller.idea.mine();
    expect(mine.items).toEqual([expect.objectContaining({ id: idea.id, relation: "INVITED" })]);
    // The author sees the pending invitation on the idea.
    expect((await author.idea.byId({ id: idea.id })).coauthors).toEqual([{ id: invitee.user.id, name: invitee.user.name, status: "INVITED" }]);
  });

  it("refuses unknown emails, the author themself and Secretariat accounts, on the email field, in Spanish", async () => {
    const { author, authorUser, idea } = await draftByAuthor();
    const secretariat = await createUser(suite.db, "SECRETARIAT");
    const cases = [
      ["nadie-registrado@example.co", "No hay una cuenta registrada con ese correo. Pídele que cree una y vuelve a invitarla."],
      [authorUser.email, "Ya eres autor(a) de esta idea."],
      [secretariat.email, "Las cuentas de la Secretaría no pueden ser coautoras."],
    ] as const;
    for (const [email, message] of cases) {
      const failure = await failureOf(author.coauthor.invite({ ideaId: idea.id, email }));
      expect(failure.httpStatus, email).toBe(400);
      expect(failure.fieldErrors.email).toBe(message);
    }
    expect(await suite.db.ideaCoauthor.count({ where: { ideaId: idea.id } })).toBe(0);
  });

  it("answers 409 on the email field when the person is already invited or a co-author", async () => {
    const { author, idea } = await draftByAuthor();
    const invitee = await person();
    await author.coauthor.invite({ ideaId: idea.id, email: invitee.user.email });
    const again = await failureOf(author.coauthor.invite({ ideaId: idea.id, email: invitee.user.email }));
    expect(again.httpStatus).toBe(409);
    expect(again.fieldErrors.email).toBe("Esa persona ya fue invitada a esta idea.");
    await invitee.caller.coauthor.respond({ ideaId: idea.id, accept: true });
    expect((await failureOf(author.coauthor.invite({ ideaId: idea.id, email: invitee.user.email }))).httpStatus).toBe(409);
  });

  it("keeps one invitation when the same person is invited many times at once", async () => {
    const { author, idea } = await draftByAuthor();
    const invitee = await person();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => author.coauthor.invite({ ideaId: idea.id, email: invitee.user.email })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const rejected of results.filter((r) => r.status === "rejected")) {
      expect((await failureOf(Promise.reject(rejected.reason))).httpStatus).toBe(409);
    }
    expect(await suite.db.ideaCoauthor.count({ where: { ideaId: idea.id } })).toBe(1);
  });

  it(`stops at ${MAX_COAUTHORS} co-authors and invitations, also when invitations arrive together`, async () => {
    const { author, idea } = await draftByAuthor();
    const people = await Promise.all(Array.from({ length: MAX_COAUTHORS + 3 }, () => createUser(suite.db, "ENTREPRENEUR")));
    for (const p of people.slice(0, MAX_COAUTHORS - 2)) await author.coauthor.invite({ ideaId: idea.id, email: p.email });
    // Five at once for the last two places: exactly two get in.
    const results = await Promise.allSettled(people.slice(MAX_COAUTHORS - 2).map((p) => author.coauthor.invite({ ideaId: idea.id, email: p.email })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const refused = results.find((r) => r.status === "rejected")!;
    const failure = await failureOf(Promise.reject((refused as PromiseRejectedResult).reason));
    expect(failure.httpStatus).toBe(409);
    expect(failure.fieldErrors.email).toBe(`Una idea puede tener como máximo ${MAX_COAUTHORS} coautores.`);
    expect(await suite.db.ideaCoauthor.count({ where: { ideaId: idea.id } })).toBe(MAX_COAUTHORS);
  });

  it("lets only the author invite: co-authors and the Secretariat get 403, strangers 404 on a draft, anonymous 401", async () => {
    const { author, idea } = await draftByAuthor();
    const coauthor = await person();
    await author.coauthor.invite({ ideaId: idea.id, email: coauthor.user.email });
    await coauthor.caller.coauthor.respond({ ideaId: idea.id, accept: true });
    const target = await createUser(suite.db, "COMPANY");
    const invite = (caller: typeof author) => failureOf(caller.coauthor.invite({ ideaId: idea.id, email: target.email }));
    expect((await invite(coauthor.caller)).httpStatus).toBe(403);
    expect((await invite((await callerAs(suite.services, "SECRETARIAT")).caller)).httpStatus).toBe(403);
    expect((await invite((await callerAs(suite.services, "ENTREPRENEUR")).caller)).httpStatus).toBe(404);
    expect((await invite((await callerAs(suite.services, null)).caller)).httpStatus).toBe(401);
  });
});

describe("answering an invitation", () => {
  it("an accepted co-author edits the draft and submits it; the history names them", async () => {
    const { author, idea } = await draftByAuthor();
    const coauthor = await person("COMPANY");
    await author.coauthor.invite({ ideaId: idea.id, email: coauthor.user.email });
    expect(await coauthor.caller.coauthor.respond({ ideaId: idea.id, accept: true })).toEqual({ status: "ACCEPTED" });
    expect(await coauthor.caller.coauthor.invitations()).toEqual([]);

    const edited = await coauthor.caller.idea.update({ id: idea.id, ...ideaFields, title: "Huerta escolar con riego solar y compostaje" });
    expect(edited.title).toBe("Huerta escolar con riego solar y compostaje");
    const submitted = await coauthor.caller.idea.submit({ id: idea.id });
    expect(submitted.status).toBe("SUBMITTED");
    const history = await author.idea.history({ id: idea.id });
    expect(history.map((e) => [e.kind, e.actor?.id])).toEqual([
      ["CREATED", expect.any(String)],
      ["EDITED", coauthor.user.id],
      ["TRANSITION", coauthor.user.id],
    ]);
    // Co-authors see the history too; the public page lists them.
    expect(await coauthor.caller.idea.history({ id: idea.id })).toHaveLength(3);
    expect((await coauthor.caller.idea.mine()).items).toEqual([expect.objectContaining({ id: idea.id, relation: "ACCEPTED" })]);
  });

  it("an invited person may read the draft but neither edit, submit nor read its history until they accept", async () => {
    const { author, idea } = await draftByAuthor();
    const invitee = await person();
    await author.coauthor.invite({ ideaId: idea.id, email: invitee.user.email });
    expect((await failureOf(invitee.caller.idea.update({ id: idea.id, ...ideaFields }))).httpStatus).toBe(403);
    const submit = await failureOf(invitee.caller.idea.submit({ id: idea.id }));
    expect(submit.httpStatus).toBe(403);
    expect((await failureOf(invitee.caller.idea.history({ id: idea.id }))).httpStatus).toBe(404);
    expect((await suite.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("DRAFT");
  });

  it("declining hides the draft again; the author may invite the person again, and accepting twice is a 404", async () => {
    const { author, idea } = await draftByAuthor();
    const invitee = await person();
    await author.coauthor.invite({ ideaId: idea.id, email: invitee.user.email });
    expect(await invitee.caller.coauthor.respond({ ideaId: idea.id, accept: false })).toEqual({ status: "DECLINED" });
    expect((await failureOf(invitee.caller.idea.byId({ id: idea.id }))).httpStatus).toBe(404);
    expect((await author.idea.byId({ id: idea.id })).coauthors).toEqual([]);
    const again = await failureOf(invitee.caller.coauthor.respond({ ideaId: idea.id, accept: true }));
    expect(again.httpStatus).toBe(404);
    expect(again.message).toBe("No tienes una invitación pendiente para esta idea.");

    // Declining is not forever: a new invitation replaces the declined one.
    await author.coauthor.invite({ ideaId: idea.id, email: invitee.user.email });
    expect(await invitee.caller.coauthor.invitations()).toHaveLength(1);
    await invitee.caller.coauthor.respond({ ideaId: idea.id, accept: true });
    expect((await invitee.caller.idea.byId({ id: idea.id })).coauthors).toEqual([{ id: invitee.user.id, name: invitee.user.name, status: "ACCEPTED" }]);
  });

  it("answers 404 to someone who was never invited", async () => {
    const { idea } = await draftByAuthor();
    const stranger = await person();
    expect((await failureOf(stranger.caller.coauthor.respond({ ideaId: idea.id, accept: true }))).httpStatus).toBe(404);
  });
});

describe("removing and leaving", () => {
  async function withCoauthor() {
    const draft = await draftByAuthor();
    const coauthor = await person();
    await draft.author.coauthor.invite({ ideaId: draft.idea.id, email: coauthor.user.email });
    await coauthor.caller.coauthor.respond({ ideaId: draft.idea.id, accept: true });
    return { ...draft, coauthor };
  }

  it("the author removes a co-author, who then no longer sees or edits the draft", async () => {
    const { author, idea, coauthor } = await withCoauthor();
    expect(await author.coauthor.remove({ ideaId: idea.id, userId: coauthor.user.id })).toEqual({ removed: true });
    expect((await failureOf(coauthor.caller.idea.update({ id: idea.id, ...ideaFields }))).httpStatus).toBe(404);
    expect((await failureOf(coauthor.caller.idea.byId({ id: idea.id }))).httpStatus).toBe(404);
    const again = await failureOf(author.coauthor.remove({ ideaId: idea.id, userId: coauthor.user.id }));
    expect(again.httpStatus).toBe(404);
    expect(again.message).toBe("Esa persona no es coautora ni está invitada a esta idea.");
  });

  it("the author withdraws a pending invitation", async () => {
    const { author, idea } = await draftByAuthor();
    const invitee = await person();
    await author.coauthor.invite({ ideaId: idea.id, email: invitee.user.email });
    await author.coauthor.remove({ ideaId: idea.id, userId: invitee.user.id });
    expect(await invitee.caller.coauthor.invitations()).toEqual([]);
  });

  it("only the author removes: a co-author gets 403, the Secretariat 403, a stranger 404", async () => {
    const { idea, coauthor, authorUser } = await withCoauthor();
    const remove = (caller: typeof coauthor.caller) => failureOf(caller.coauthor.remove({ ideaId: idea.id, userId: coauthor.user.id }));
    expect((await failureOf(coauthor.caller.coauthor.remove({ ideaId: idea.id, userId: authorUser.id }))).httpStatus).toBe(403);
    expect((await remove((await callerAs(suite.services, "SECRETARIAT")).caller)).httpStatus).toBe(403);
    expect((await remove((await callerAs(suite.services, "COMPANY")).caller)).httpStatus).toBe(404);
    expect(await suite.db.ideaCoauthor.count({ where: { ideaId: idea.id } })).toBe(1);
  });

  it("a co-author leaves; the author and invited people cannot 'leave'", async () => {
    const { author, idea, coauthor } = await withCoauthor();
    const invitee = await person();
    await author.coauthor.invite({ ideaId: idea.id, email: invitee.user.email });
    for (const caller of [author, invitee.caller]) {
      const failure = await failureOf(caller.coauthor.leave({ ideaId: idea.id }));
      expect(failure.httpStatus).toBe(404);
      expect(failure.message).toBe("No eres coautor(a) de esta idea.");
    }
    expect(await coauthor.caller.coauthor.leave({ ideaId: idea.id })).toEqual({ left: true });
    expect((await failureOf(coauthor.caller.idea.byId({ id: idea.id }))).httpStatus).toBe(404);
  });
});

describe("who sees the co-authors of a published idea", () => {
  it("everyone sees who accepted; only the authors see pending invitations", async () => {
    const { author, idea } = await draftByAuthor();
    const accepted = await person();
    const pending = await person();
    await author.coauthor.invite({ ideaId: idea.id, email: accepted.user.email });
    await accepted.caller.coauthor.respond({ ideaId: idea.id, accept: true });
    await author.coauthor.invite({ ideaId: idea.id, email: pending.user.email });
    await suite.db.idea.update({ where: { id: idea.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });

    const acceptedOnly = [{ id: accepted.user.id, name: accepted.user.name, status: "ACCEPTED" }];
    expect((await (await callerAs(suite.services, null)).caller.idea.byId({ id: idea.id })).coauthors).toEqual(acceptedOnly);
    expect((await (await callerAs(suite.services, "COMPANY")).caller.idea.byId({ id: idea.id })).coauthors).toEqual(acceptedOnly);
    expect((await author.idea.byId({ id: idea.id })).coauthors).toHaveLength(2);
    expect((await accepted.caller.idea.byId({ id: idea.id })).coauthors).toHaveLength(2);
    // The invited person sees their own invitation (to answer it), not other pending ones.
    expect((await pending.caller.idea.byId({ id: idea.id })).coauthors.map((c) => c.id).sort()).toEqual([accepted.user.id, pending.user.id].sort());
  });
});
