import { afterEach, describe, expect, it } from "vitest";
import { callerAs, callerOfUser, createUser, failureOf, useTestServices } from "../support/callers";
import { createApprovedCall } from "../support/calls";
import { createIdeaIn } from "../support/ideas";
import { testClock } from "../support/clock";
import { days, organizationOf } from "./helpers";

const suite = useTestServices();

afterEach(() => testClock(suite.db).reset());

/** A timeline: opens on March 1st 2030 at 8:00 in Bogotá, closes on the 15th, evaluation until the 29th, results April 5th. */
const OPENS = new Date("2030-03-01T13:00:00Z");
const timeline = {
  opensAt: OPENS,
  closesAt: new Date(OPENS.getTime() + days(14)),
  evaluationEndsAt: new Date(OPENS.getTime() + days(28)),
  resultsAt: new Date(OPENS.getTime() + days(35)),
};

describe("a call's phase follows the database clock", () => {
  it("is scheduled before opening, open until closing, then in evaluation", async () => {
    const secretary = await createUser(suite.db, "SECRETARIAT");
    const call = await createApprovedCall(suite.db, { ...timeline, proposedById: secretary.id });
    const { caller } = await callerAs(suite.services, null);
    const clock = testClock(suite.db);

    await clock.set(new Date(OPENS.getTime() - days(1)));
    const before = await caller.calls.bySlug({ slug: call.slug });
    expect(before.phase).toBe("APPROVED");
    expect(Math.abs(before.now.getTime() - (OPENS.getTime() - days(1)))).toBeLessThan(60_000);

    await clock.set(new Date(OPENS.getTime() + days(3)));
    expect((await caller.calls.bySlug({ slug: call.slug })).phase).toBe("OPEN");

    await clock.set(new Date(timeline.closesAt.getTime() + 1000));
    expect((await caller.calls.bySlug({ slug: call.slug })).phase).toBe("EVALUATION");
  });
});

describe("extending a call's deadline", () => {
  it("moves the closing date later, keeps the order, audits it and notifies every submitter in one go", async () => {
    const secretary = await createUser(suite.db, "SECRETARIAT");
    const secretariat = await callerOfUser(suite.services, secretary.id);
    const call = await createApprovedCall(suite.db, { ...timeline, proposedById: secretary.id });
    await testClock(suite.db).set(new Date(OPENS.getTime() + days(2)));
    const submitters = await Promise.all([createUser(suite.db, "ENTREPRENEUR"), createUser(suite.db, "ACADEMIA")]);
    const withdrawn = await createUser(suite.db, "COMPANY");
    for (const [user, status] of [[submitters[0]!, "SUBMITTED"], [submitters[1]!, "SUBMITTED"], [withdrawn, "WITHDRAWN"]] as const) {
      const idea = await createIdeaIn(suite.db, user.id, "PUBLISHED");
      await suite.db.callSubmission.create({ data: { callId: call.id, ideaId: idea.id, submitterId: user.id, status, submittedAt: new Date() } });
    }

    // Not earlier than the current date.
    const earlier = await failureOf(secretariat.calls.extendDeadline({ id: call.id, closesAt: new Date(timeline.closesAt.getTime() - days(1)) }));
    expect(earlier.httpStatus).toBe(400);
    expect(earlier.fieldErrors.closesAt).toBe("La nueva fecha de cierre debe ser posterior a la actual.");

    // Past the end of evaluation: the evaluation and results move with it.
    const closesAt = new Date(timeline.evaluationEndsAt.getTime() + days(2));
    const result = await secretariat.calls.extendDeadline({ id: call.id, closesAt: closesAt.toISOString() });
    expect(result).toMatchObject({ closesAt, evaluationEndsAt: closesAt, resultsAt: timeline.resultsAt, notified: 2 });

    for (const user of submitters) {
      const items = (await (await callerOfUser(suite.services, user.id)).notification.list({})).items;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ kind: "CALL_DEADLINE_EXTENDED", callSlug: call.slug, callTitle: call.title, data: { change: "extended", closesAt: closesAt.toISOString() } });
    }
    expect(await suite.db.notification.count({ where: { recipientId: withdrawn.id } })).toBe(0);
    const audit = await suite.db.auditEntry.findFirst({ where: { subjectId: call.id, action: "call.extendDeadline" } });
    expect(audit).toMatchObject({ actorId: secretary.id, before: { closesAt: timeline.closesAt.toISOString() } });
  });

  it("is for the Secretariat only, and only until evaluation ends", async () => {
    const secretary = await createUser(suite.db, "SECRETARIAT");
    const secretariat = await callerOfUser(suite.services, secretary.id);
    const call = await createApprovedCall(suite.db, { ...timeline, proposedById: secretary.id });
    const { caller: company } = await callerAs(suite.services, "COMPANY");
    expect((await failureOf(company.calls.extendDeadline({ id: call.id, closesAt: timeline.resultsAt }))).httpStatus).toBe(403);

    await testClock(suite.db).set(new Date(timeline.evaluationEndsAt.getTime() + 1000));
    const late = await failureOf(secretariat.calls.extendDeadline({ id: call.id, closesAt: new Date(timeline.resultsAt.getTime() + days(10)) }));
    expect(late.httpStatus).toBe(409);
    expect(late.message).toBe("Solo se puede ampliar el plazo de una convocatoria aprobada cuya evaluación no haya terminado.");
  });
});

describe("cancelling a call", () => {
  it("needs a reason, is audited, and tells submitters and participating organizations", async () => {
    const secretary = await createUser(suite.db, "SECRETARIAT");
    const secretariat = await callerOfUser(suite.services, secretary.id);
    const owner = await createUser(suite.db, "COMPANY");
    const organization = await organizationOf(suite.db, owner.id);
    const call = await createApprovedCall(suite.db, { ...timeline, proposedById: secretary.id });
    await suite.db.callParticipation.create({ data: { callId: call.id, organizationId: organization.id, role: "ALLY", status: "ACCEPTED", createdById: owner.id } });
    const submitter = await createUser(suite.db, "ENTREPRENEUR");
    const idea = await createIdeaIn(suite.db, submitter.id, "PUBLISHED");
    await suite.db.callSubmission.create({ data: { callId: call.id, ideaId: idea.id, submitterId: submitter.id, submittedAt: new Date() } });

    expect((await failureOf(secretariat.calls.cancel({ id: call.id, reason: "" }))).httpStatus).toBe(400);
    const result = await secretariat.calls.cancel({ id: call.id, reason: "El patrocinador retiró los fondos." });
    expect(result).toMatchObject({ status: "CANCELLED", notified: 2 });
    const page = await (await callerAs(suite.services, null)).caller.calls.bySlug({ slug: call.slug });
    expect(page).toMatchObject({ status: "CANCELLED", phase: "CANCELLED", statusReason: "El patrocinador retiró los fondos." });
    expect(await suite.db.auditEntry.count({ where: { subjectId: call.id, action: "call.cancel", reason: "El patrocinador retiró los fondos." } })).toBe(1);
    expect((await failureOf(secretariat.calls.cancel({ id: call.id, reason: "Otra vez." }))).httpStatus).toBe(409);
  });
});

describe("the public list of calls", () => {
  it("buckets calls into open, upcoming and past by the database clock, sorted and filtered", async () => {
    const secretary = await createUser(suite.db, "SECRETARIAT");
    const owner = await createUser(suite.db, "COMPANY");
    const sponsor = await organizationOf(suite.db, owner.id);
    const now = new Date("2031-06-01T12:00:00Z");
    await testClock(suite.db).set(now);
    const at = (offsetDays: number) => new Date(now.getTime() + days(offsetDays));
    const make = (title: string, opens: number, closes: number, extra: Partial<Parameters<typeof createApprovedCall>[1]> = {}) =>
      createApprovedCall(suite.db, {
        title,
        opensAt: at(opens),
        closesAt: at(closes),
        evaluationEndsAt: at(closes + 10),
        resultsAt: at(closes + 20),
        proposedById: secretary.id,
        ...extra,
      });
    const openLate = await make("Abierta que cierra tarde", -5, 20, { sectors: ["ENVIRONMENT"], sponsorOrganizationIds: [sponsor.id] });
    const openSoon = await make("Abierta que cierra pronto", -5, 3);
    const upcomingFar = await make("Próxima lejana", 30, 40);
    const upcomingNear = await make("Próxima cercana", 5, 40);
    const evaluating = await make("En evaluación", -30, -2);
    const published = await make("Con resultados", -90, -60, { status: "RESULTS_PUBLISHED" });
    const proposal = await make("Propuesta privada", -5, 20, { status: "PROPOSED" });
    const cancelled = await make("Cancelada", -5, 20, { status: "CANCELLED" });
    const mine = new Set([openLate, openSoon, upcomingFar, upcomingNear, evaluating, published, proposal, cancelled].map((c) => c.id));
    const { caller } = await callerAs(suite.services, null);
    const ids = async (input: Parameters<typeof caller.calls.list>[0]) =>
      (await caller.calls.list(input)).items.filter((c) => mine.has(c.id)).map((c) => c.id);

    expect(await ids({ bucket: "open" })).toEqual([openSoon.id, openLate.id]);
    expect(await ids({ bucket: "upcoming" })).toEqual([upcomingNear.id, upcomingFar.id]);
    expect(await ids({ bucket: "past" })).toEqual([evaluating.id, published.id]);
    expect(await ids({ bucket: "open", sector: "ENVIRONMENT" })).toEqual([openLate.id]);
    expect(await ids({ bucket: "open", sponsor: sponsor.slug })).toEqual([openLate.id]);
    const open = (await caller.calls.list({ bucket: "open" })).items.find((c) => c.id === openLate.id)!;
    expect(open).toMatchObject({ phase: "OPEN", sponsors: [{ slug: sponsor.slug, name: sponsor.name }], prizeAmountCop: 10_000_000 });

    // Pages follow each other without gaps or repeats.
    const first = await caller.calls.list({ bucket: "open", limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    const second = await caller.calls.list({ bucket: "open", limit: 1, cursor: first.nextCursor! });
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect((await failureOf(caller.calls.list({ bucket: "open", cursor: "nope" }))).httpStatus).toBe(400);
    expect((await failureOf(caller.calls.list({ bucket: "closed" as never }))).httpStatus).toBe(400);
  });
});
