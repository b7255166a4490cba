import { describe, expect, it } from "vitest";
import { callerAs, callerOfUser, createUser, failureOf, useTestServices } from "../support/callers";
import { testClock } from "../support/clock";
import { createIdeaIn } from "../support/ideas";
import { afterClose, createCall, createOrganization, during, personWithIdea } from "../evaluation/fixtures";

const suite = useTestServices();
const clock = () => testClock(suite.db);

describe("submitting an idea to a call", () => {
  it("takes the author's published idea with the answers while the call is open, and lists it as theirs", async () => {
    const call = await createCall(suite.db, { questions: [{ prompt: "¿Qué impacto tendrá?" }, { prompt: "¿Algo más?", required: false }] });
    const [required, optional] = call.questions;
    await clock().set(during(call));
    const { user, idea, caller } = await personWithIdea(suite.services);
    const saved = await caller.submission.submit({ callId: call.id, ideaId: idea.id, answers: { [required!.id]: "  Empleo en la ciudad  ", [optional!.id]: "" } });
    expect(saved).toMatchObject({ callId: call.id, ideaId: idea.id, status: "SUBMITTED", callPhase: "OPEN", canWithdraw: true, isWinner: false });
    expect(saved.answers).toEqual([{ questionId: required!.id, position: 1, prompt: "¿Qué impacto tendrá?", answer: "Empleo en la ciudad" }]);
    expect(saved.submittedAt.getTime()).toBeGreaterThanOrEqual(during(call).getTime());
    expect(saved.submittedAt.getTime()).toBeLessThan(call.closesAt.getTime());
    const mine = await caller.submission.mine({ callId: call.id });
    expect(mine.map((s) => [s.id, s.callSlug, s.callTitle, s.ideaTitle])).toEqual([[saved.id, call.slug, call.title, idea.title]]);
    const row = await suite.db.callSubmission.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row.submitterId).toBe(user.id);
  });

  it("refuses ideas that are not published, not the caller's, or only co-authored by them", async () => {
    const call = await createCall(suite.db);
    await clock().set(during(call));
    const { user, caller } = await personWithIdea(suite.services);
    const draft = await createIdeaIn(suite.db, user.id, "SUBMITTED");
    const notPublished = await failureOf(caller.submission.submit({ callId: call.id, ideaId: draft.id }));
    expect(notPublished).toMatchObject({ httpStatus: 409 });
    expect(notPublished.message).toContain("Solo se postulan ideas publicadas");
    const other = await personWithIdea(suite.services);
    expect(await failureOf(caller.submission.submit({ callId: call.id, ideaId: other.idea.id }))).toMatchObject({ httpStatus: 404 });
    await suite.db.ideaCoauthor.create({ data: { ideaId: other.idea.id, userId: user.id, status: "ACCEPTED", invitedById: other.user.id } });
    const coauthor = await failureOf(caller.submission.submit({ callId: call.id, ideaId: other.idea.id }));
    expect(coauthor.httpStatus).toBe(404);
    expect(coauthor.message).toContain("Solo la persona autora");
    expect(await suite.db.callSubmission.count({ where: { callId: call.id } })).toBe(0);
  });

  it("requires every required answer, refuses other calls' questions and answers over 3000 characters", async () => {
    const call = await createCall(suite.db, { questions: [{ prompt: "¿Por qué?" }] });
    const other = await createCall(suite.db, { questions: [{ prompt: "¿De otra?" }] });
    await clock().set(during(call));
    const { idea, caller } = await personWithIdea(suite.services);
    const question = call.questions[0]!.id;
    const missing = await failureOf(caller.submission.submit({ callId: call.id, ideaId: idea.id, answers: { [question]: "   " } }));
    expect(missing).toMatchObject({ httpStatus: 400, fieldErrors: { [`answers.${question}`]: "Esta pregunta es obligatoria." } });
    const foreign = await failureOf(
      caller.submission.submit({ callId: call.id, ideaId: idea.id, answers: { [question]: "Sí", [other.questions[0]!.id]: "No" } }),
    );
    expect(foreign).toMatchObject({ httpStatus: 400, message: "Respondiste una pregunta que no es de esta convocatoria." });
    const long = await failureOf(caller.submission.submit({ callId: call.id, ideaId: idea.id, answers: { [question]: "a".repeat(3001) } }));
    expect(long.httpStatus).toBe(400);
    expect(long.message).toContain("3000");
    expect(await suite.db.callSubmission.count({ where: { callId: call.id } })).toBe(0);
  });

  it("lets only the roles the call names submit, and never the Secretariat", async () => {
    const call = await createCall(suite.db, { eligibleRoles: ["ACADEMIA"] });
    const open = await createCall(suite.db);
    await clock().set(during(call));
    const entrepreneur = await personWithIdea(suite.services, "ENTREPRENEUR");
    expect(await failureOf(entrepreneur.caller.submission.submit({ callId: call.id, ideaId: entrepreneur.idea.id }))).toMatchObject({
      httpStatus: 403,
      message: "Tu tipo de cuenta no puede postularse a esta convocatoria.",
    });
    const academia = await personWithIdea(suite.services, "ACADEMIA");
    await academia.caller.submission.submit({ callId: call.id, ideaId: academia.idea.id });
    const secretariat = await callerAs(suite.services, "SECRETARIAT");
    const idea = await createIdeaIn(suite.db, secretariat.user!.id, "PUBLISHED");
    expect(await failureOf(secretariat.caller.submission.submit({ callId: open.id, ideaId: idea.id }))).toMatchObject({ httpStatus: 403 });
  });

  it("requires an organization the submitter belongs to, of a kind the call accepts", async () => {
    const call = await createCall(suite.db, { requiresOrganization: true, eligibleOrgKinds: ["UNIVERSITY"] });
    await clock().set(during(call));
    const person = await createUser(suite.db, "ACADEMIA");
    const idea = await createIdeaIn(suite.db, person.id, "PUBLISHED");
    const startup = await createOrganization(suite.db, "STARTUP", [{ userId: person.id }]);
    const university = await createOrganization(suite.db, "UNIVERSITY", [{ userId: person.id }]);
    const foreign = await createOrganization(suite.db, "UNIVERSITY", []);
    const caller = await callerOfUser(suite.services, person.id);
    expect(await failureOf(caller.submission.submit({ callId: call.id, ideaId: idea.id }))).toMatchObject({
      httpStatus: 400,
      fieldErrors: { organizationId: "Esta convocatoria exige postularse a nombre de una organización de la que seas miembro." },
    });
    expect(await failureOf(caller.submission.submit({ callId: call.id, ideaId: idea.id, organizationId: foreign.id }))).toMatchObject({ httpStatus: 403 });
    expect(await failureOf(caller.submission.submit({ callId: call.id, ideaId: idea.id, organizationId: startup.id }))).toMatchObject({
      httpStatus: 400,
      message: "Esta convocatoria no admite organizaciones de tipo «Startup».",
    });
    const saved = await caller.submission.submit({ callId: call.id, ideaId: idea.id, organizationId: university.id });
    expect(saved).toMatchObject({ organizationId: university.id, organizationName: university.name });
  });

  it("refuses the same idea twice with a clear 409, and brings a withdrawn one back before the deadline", async () => {
    const call = await createCall(suite.db);
    await clock().set(during(call));
    const { idea, caller } = await personWithIdea(suite.services);
    const first = await caller.submission.submit({ callId: call.id, ideaId: idea.id });
    expect(await failureOf(caller.submission.submit({ callId: call.id, ideaId: idea.id }))).toMatchObject({
      httpStatus: 409,
      message: "Esta idea ya está postulada a esta convocatoria.",
    });
    await clock().advance(60_000);
    const withdrawn = await caller.submission.withdraw({ submissionId: first.id });
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", canWithdraw: false });
    expect(await failureOf(caller.submission.withdraw({ submissionId: first.id }))).toMatchObject({ httpStatus: 409, message: "Esta postulación ya fue retirada." });
    await clock().advance(60_000);
    const again = await caller.submission.submit({ callId: call.id, ideaId: idea.id });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ status: "SUBMITTED", withdrawnAt: null });
    expect(again.submittedAt.getTime()).toBeGreaterThan(first.submittedAt.getTime());
    expect(await suite.db.callSubmission.count({ where: { callId: call.id } })).toBe(1);
  });

  it("holds maxSubmissionsPerParticipant under parallel requests, counting only submitted ones", async () => {
    const call = await createCall(suite.db, { maxSubmissionsPerParticipant: 2 });
    await clock().set(during(call));
    const user = await createUser(suite.db, "COMPANY");
    const ideas = await Promise.all(Array.from({ length: 6 }, () => createIdeaIn(suite.db, user.id, "PUBLISHED")));
    const caller = await callerOfUser(suite.services, user.id);
    const outcomes = await Promise.allSettled(ideas.map((idea) => caller.submission.submit({ callId: call.id, ideaId: idea.id })));
    const accepted = outcomes.filter((o) => o.status === "fulfilled");
    expect(accepted).toHaveLength(2);
    for (const refused of outcomes.filter((o) => o.status === "rejected")) {
      expect(await failureOf(Promise.reject(refused.reason))).toMatchObject({ httpStatus: 409, message: expect.stringContaining("el máximo permitido") });
    }
    expect(await suite.db.callSubmission.count({ where: { callId: call.id, status: "SUBMITTED" } })).toBe(2);
    // A withdrawn one no longer counts: another idea fits.
    const [one] = (await caller.submission.mine({ callId: call.id })).filter((s) => s.status === "SUBMITTED");
    await caller.submission.withdraw({ submissionId: one!.id });
    const spare = ideas.find((idea) => !accepted.some((a) => a.status === "fulfilled" && a.value.ideaId === idea.id))!;
    await caller.submission.submit({ callId: call.id, ideaId: spare.id });
    expect(await suite.db.callSubmission.count({ where: { callId: call.id, status: "SUBMITTED" } })).toBe(2);
  });

  it("refuses before the call opens and after it closes, by the database clock; withdrawing stops at the deadline too", async () => {
    const call = await createCall(suite.db);
    const { idea, caller } = await personWithIdea(suite.services);
    await clock().set(new Date(call.opensAt.getTime() - 1000));
    expect(await failureOf(caller.submission.submit({ callId: call.id, ideaId: idea.id }))).toMatchObject({
      httpStatus: 409,
      message: "Esta convocatoria todavía no está abierta: podrás postularte cuando abra.",
    });
    await clock().advance(2000);
    const saved = await caller.submission.submit({ callId: call.id, ideaId: idea.id });
    const stranger = await callerAs(suite.services, "ENTREPRENEUR");
    expect(await failureOf(stranger.caller.submission.withdraw({ submissionId: saved.id }))).toMatchObject({ httpStatus: 404 });
    await clock().set(call.closesAt);
    expect(await failureOf(caller.submission.withdraw({ submissionId: saved.id }))).toMatchObject({
      httpStatus: 409,
      message: "La convocatoria ya cerró: las postulaciones ya no se pueden retirar.",
    });
    const late = await personWithIdea(suite.services);
    expect(await failureOf(late.caller.submission.submit({ callId: call.id, ideaId: late.idea.id }))).toMatchObject({
      httpStatus: 409,
      message: "La convocatoria ya cerró: no recibe más postulaciones.",
    });
    expect((await caller.submission.mine({ callId: call.id }))[0]).toMatchObject({ status: "SUBMITTED", callPhase: "EVALUATION", canWithdraw: false });
    await clock().set(afterClose(call));
  });

  it("does not take submissions to calls that are not approved (hidden ones are not found)", async () => {
    const proposed = await createCall(suite.db, { status: "PROPOSED" });
    const cancelled = await createCall(suite.db, { status: "CANCELLED" });
    await clock().set(during(proposed));
    const { idea, caller } = await personWithIdea(suite.services);
    expect(await failureOf(caller.submission.submit({ callId: proposed.id, ideaId: idea.id }))).toMatchObject({ httpStatus: 404 });
    expect(await failureOf(caller.submission.submit({ callId: cancelled.id, ideaId: idea.id }))).toMatchObject({
      httpStatus: 409,
      message: "Esta convocatoria no está recibiendo postulaciones.",
    });
  });
});

describe("a call's submissions", () => {
  it("are all visible to the Secretariat with their authors; owners of the proposing organization see the counts only", async () => {
    const owner = await createUser(suite.db, "COMPANY");
    const organization = await createOrganization(suite.db, "COMPANY", [{ userId: owner.id, role: "OWNER" }]);
    const call = await createCall(suite.db, { proposingOrganizationId: organization.id, questions: [{ prompt: "¿Cómo?" }] });
    await clock().set(during(call));
    const a = await personWithIdea(suite.services);
    const b = await personWithIdea(suite.services);
    const answers = { [call.questions[0]!.id]: "Así" };
    await a.caller.submission.submit({ callId: call.id, ideaId: a.idea.id, answers });
    const second = await b.caller.submission.submit({ callId: call.id, ideaId: b.idea.id, answers });
    await b.caller.submission.withdraw({ submissionId: second.id });

    const secretariat = await callerAs(suite.services, "SECRETARIAT");
    const full = await secretariat.caller.submission.listForCall({ callId: call.id });
    expect(full.visibility).toBe("full");
    expect(full).toMatchObject({ submitted: 1, withdrawn: 1 });
    expect(full.items!.map((s) => [s.submitterName, s.ideaTitle, s.status, s.answers.length])).toEqual([
      [a.user.name, a.idea.title, "SUBMITTED", 1],
      [b.user.name, b.idea.title, "WITHDRAWN", 1],
    ]);

    const ownerView = await (await callerOfUser(suite.services, owner.id)).submission.listForCall({ callId: call.id });
    expect(ownerView).toEqual({ visibility: "count", callId: call.id, submitted: 1, withdrawn: 1, items: null });

    expect(await failureOf(a.caller.submission.listForCall({ callId: call.id }))).toMatchObject({ httpStatus: 403 });
  });
});
