import { describe, expect, it } from "vitest";
import { callerAs, callerOfUser, createUser, failureOf, useTestServices } from "../support/callers";
import { callTimeline, createApprovedCall } from "../support/calls";
import { createIdeaIn } from "../support/ideas";
import { organizationOf } from "./helpers";

const suite = useTestServices();

async function setup(verification: "VERIFIED" | "UNVERIFIED" = "VERIFIED") {
  const secretary = await createUser(suite.db, "SECRETARIAT");
  const owner = await createUser(suite.db, "ACADEMIA");
  const member = await createUser(suite.db, "ACADEMIA");
  const organization = await organizationOf(suite.db, owner.id, verification, member.id);
  const call = await createApprovedCall(suite.db, { ...callTimeline(), proposedById: secretary.id });
  return {
    secretary,
    owner,
    member,
    organization,
    call,
    secretariat: await callerOfUser(suite.services, secretary.id),
    ownerCaller: await callerOfUser(suite.services, owner.id),
  };
}

describe("organizations taking part in a call", () => {
  it("an owner requests, the Secretariat accepts, the owners are told, and the call's page lists it", async () => {
    const { organization, call, secretariat, ownerCaller, owner } = await setup();
    const requested = await ownerCaller.callParticipation.request({ callId: call.id, organizationId: organization.id, role: "MENTOR", message: "Tenemos mentores." });
    expect(requested.status).toBe("REQUESTED");

    const queue = await secretariat.moderation.queue({ queue: "callParticipations", limit: 50 });
    expect(queue.items.find((i) => i.id === requested.id)).toMatchObject({ kind: "callParticipation", role: "MENTOR", call: { slug: call.slug } });

    await secretariat.callParticipation.decide({ id: requested.id, accept: true });
    const page = await (await callerAs(suite.services, null)).caller.calls.bySlug({ slug: call.slug });
    expect(page.participants.MENTOR.map((o) => o.id)).toEqual([organization.id]);
    expect(page.counts.participants).toBe(1);

    const items = (await ownerCaller.notification.list({})).items;
    expect(items[0]).toMatchObject({ kind: "CALL_PARTICIPATION_DECISION", callSlug: call.slug, data: { status: "ACCEPTED", role: "MENTOR", organization: organization.name } });
    expect(await suite.db.auditEntry.count({ where: { subjectId: requested.id, action: "callParticipation.accept" } })).toBe(1);

    // Deciding twice is a conflict; the owner withdraws.
    expect((await failureOf(secretariat.callParticipation.decide({ id: requested.id, accept: false }))).httpStatus).toBe(409);
    await ownerCaller.callParticipation.withdraw({ id: requested.id });
    expect((await ownerCaller.calls.bySlug({ slug: call.slug })).participants.MENTOR).toEqual([]);
    expect(owner.id).toBeDefined();
  });

  it("refuses a duplicate with a clear 409, not a 500", async () => {
    const { organization, call, ownerCaller } = await setup();
    await ownerCaller.callParticipation.request({ callId: call.id, organizationId: organization.id, role: "ALLY" });
    const failure = await failureOf(ownerCaller.callParticipation.request({ callId: call.id, organizationId: organization.id, role: "ALLY" }));
    expect(failure.httpStatus).toBe(409);
    expect(failure.message).toBe("Esta organización ya tiene una solicitud, invitación o participación como aliada en esta convocatoria.");
    // Another role is another participation.
    expect((await ownerCaller.callParticipation.request({ callId: call.id, organizationId: organization.id, role: "MENTOR" })).status).toBe("REQUESTED");
  });

  it("admits only verified organizations as jury, with a message saying why", async () => {
    const { organization, call, ownerCaller, secretariat } = await setup("UNVERIFIED");
    const failure = await failureOf(ownerCaller.callParticipation.request({ callId: call.id, organizationId: organization.id, role: "JURY" }));
    expect(failure.httpStatus).toBe(403);
    expect(failure.message).toBe(`Solo las organizaciones verificadas pueden participar como jurado. Solicita primero la verificación de «${organization.name}».`);
    expect((await failureOf(secretariat.callParticipation.invite({ callId: call.id, organizationId: organization.id, role: "JURY" }))).httpStatus).toBe(403);
    // As ally it may.
    expect((await ownerCaller.callParticipation.request({ callId: call.id, organizationId: organization.id, role: "ALLY" })).status).toBe("REQUESTED");
  });

  it("the Secretariat invites, the owners accept, and whoever invited is told", async () => {
    const { organization, call, ownerCaller, secretariat, secretary } = await setup();
    const invited = await secretariat.callParticipation.invite({ callId: call.id, organizationId: organization.id, role: "JURY" });
    expect((await ownerCaller.notification.list({})).items[0]).toMatchObject({ kind: "CALL_PARTICIPATION_DECISION", data: { status: "INVITED", role: "JURY" } });
    // The Secretariat cannot answer its own invitation; a member cannot either.
    expect((await failureOf(secretariat.callParticipation.decide({ id: invited.id, accept: true }))).httpStatus).toBe(403);
    await ownerCaller.callParticipation.decide({ id: invited.id, accept: true });
    const told = await suite.db.notification.findFirst({ where: { recipientId: secretary.id, kind: "CALL_PARTICIPATION_DECISION" } });
    expect(told?.data).toMatchObject({ status: "ACCEPTED" });
    const all = await secretariat.callParticipation.listForCall({ callId: call.id });
    expect(all.map((p) => [p.organization.id, p.role, p.status])).toEqual([[organization.id, "JURY", "ACCEPTED"]]);
  });

  it("refuses calls that are private proposals or cancelled", async () => {
    const { organization, ownerCaller, secretary } = await setup();
    const proposal = await createApprovedCall(suite.db, { ...callTimeline(), proposedById: secretary.id, status: "PROPOSED" });
    expect((await failureOf(ownerCaller.callParticipation.request({ callId: proposal.id, organizationId: organization.id, role: "ALLY" }))).httpStatus).toBe(404);
    const cancelled = await createApprovedCall(suite.db, { ...callTimeline(), proposedById: secretary.id, status: "CANCELLED" });
    const failure = await failureOf(ownerCaller.callParticipation.request({ callId: cancelled.id, organizationId: organization.id, role: "ALLY" }));
    expect(failure.httpStatus).toBe(409);
    expect(failure.message).toBe("Esta convocatoria no admite nuevas organizaciones participantes en su estado actual.");
  });
});

describe("jurors", () => {
  it("are members of accepted jury organizations, or people named by email; each is told", async () => {
    const { organization, call, secretariat, member, secretary } = await setup();
    await suite.db.callParticipation.create({ data: { callId: call.id, organizationId: organization.id, role: "JURY", status: "ACCEPTED", createdById: secretary.id } });
    const individual = await createUser(suite.db, "COMPANY");
    const outsider = await createUser(suite.db, "COMPANY");

    const memberEmail = (await suite.db.user.findUniqueOrThrow({ where: { id: member.id } })).email;
    await secretariat.callParticipation.assignJuror({ callId: call.id, email: memberEmail.toUpperCase(), organizationId: organization.id });
    await secretariat.callParticipation.assignJuror({ callId: call.id, email: individual.email });
    const notMember = await failureOf(secretariat.callParticipation.assignJuror({ callId: call.id, email: outsider.email, organizationId: organization.id }));
    expect(notMember.httpStatus).toBe(409);
    expect(notMember.fieldErrors.email).toBe("Esa persona no es miembro de una organización aceptada como jurado en esta convocatoria.");
    const again = await failureOf(secretariat.callParticipation.assignJuror({ callId: call.id, email: individual.email }));
    expect(again.httpStatus).toBe(409);
    expect((await failureOf(secretariat.callParticipation.assignJuror({ callId: call.id, email: "nadie@example.co" }))).httpStatus).toBe(404);

    // Someone who submitted cannot judge.
    const idea = await createIdeaIn(suite.db, outsider.id, "PUBLISHED");
    await suite.db.callSubmission.create({ data: { callId: call.id, ideaId: idea.id, submitterId: outsider.id, submittedAt: new Date() } });
    expect((await failureOf(secretariat.callParticipation.assignJuror({ callId: call.id, email: outsider.email }))).fieldErrors.email).toBe(
      "Esa persona se postuló a esta convocatoria: no puede ser su jurado.",
    );

    const jurors = await secretariat.callParticipation.jurors({ callId: call.id });
    expect(jurors.map((j) => [j.userId, j.organization?.id ?? null])).toEqual([
      [member.id, organization.id],
      [individual.id, null],
    ]);
    expect(await suite.db.notification.count({ where: { recipientId: individual.id, kind: "CALL_JUROR_ASSIGNED", callId: call.id } })).toBe(1);

    await secretariat.callParticipation.removeJuror({ callId: call.id, userId: individual.id });
    expect((await secretariat.callParticipation.jurors({ callId: call.id })).map((j) => j.userId)).toEqual([member.id]);
    expect((await failureOf(secretariat.callParticipation.removeJuror({ callId: call.id, userId: individual.id }))).httpStatus).toBe(404);
  });
});
