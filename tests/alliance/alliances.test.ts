/**
 * Alliances through tRPC: opening one around an idea, invitations answered with commitments,
 * activation when two sectors accepted and nobody is left to answer, the triple-helix mark, what
 * the public sees, milestones with their history, and closing.
 */
import { describe, expect, it } from "vitest";
import { callerAs, failureOf, useTestServices } from "../support/callers";
import { testClock } from "../support/clock";
import { alliancePurpose, funding, mentoring, organizationWithOwner, partyIdOf, publishedIdea } from "./fixtures";

const suite = useTestServices();

async function world() {
  const idea = await publishedIdea(suite.services);
  const university = await organizationWithOwner(suite.services, "UNIVERSITY", { name: "Universidad de la Paz (prueba)" });
  const company = await organizationWithOwner(suite.services, "COMPANY", { name: "Refinería del Río (prueba)" });
  const city = await organizationWithOwner(suite.services, "PUBLIC_ENTITY", { name: "Alcaldía (prueba)" });
  return { idea, university, company, city };
}

describe("an alliance around an idea", () => {
  it("forms, activates when the invited university and company accept with commitments, and is public only then", async () => {
    const { idea, university, company } = await world();
    const anonymous = (await callerAs(suite.services, null)).caller;
    const created = await idea.author.alliance.create({ ...alliancePurpose, ideaId: idea.id, organizationIds: [university.id, company.id] });
    expect(created.status).toBe("FORMING");

    // Forming: its parties see it, the public does not.
    await expect(anonymous.alliance.byId({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await university.member.alliance.byId({ id: created.id })).status).toBe("FORMING");
    expect((await anonymous.alliance.list({})).items.map((a) => a.id)).not.toContain(created.id);

    const universityParty = await partyIdOf(suite.db, created.id, { organizationId: university.id });
    const companyParty = await partyIdOf(suite.db, created.id, { organizationId: company.id });
    const first = await university.owner.alliance.answer({ partyId: universityParty, accept: true, commitments: [mentoring] });
    expect(first.allianceStatus).toBe("FORMING");
    const second = await company.owner.alliance.answer({ partyId: companyParty, accept: true, commitments: [funding] });
    expect(second.allianceStatus).toBe("ACTIVE");

    const seen = await anonymous.alliance.byId({ id: created.id });
    expect(seen.status).toBe("ACTIVE");
    expect(seen.parties.map((p) => p.organization?.name ?? p.person?.name)).toEqual([expect.any(String), university.name, company.name]);
    const commitments = seen.parties.flatMap((p) => p.commitments);
    // The university allowed its hours to be published; the company did not allow its pesos.
    expect(commitments.find((c) => c.kind === "MENTORING_HOURS")?.quantity).toBe(40);
    expect(commitments.find((c) => c.kind === "FUNDING_COP")?.quantity).toBeNull();
    expect((await company.member.alliance.byId({ id: created.id })).parties.flatMap((p) => p.commitments).find((c) => c.kind === "FUNDING_COP")?.quantity).toBe(20_000_000);
    expect((await anonymous.alliance.list({})).items.map((a) => a.id)).toContain(created.id);
    expect((await anonymous.alliance.ofIdea({ ideaId: idea.id })).map((a) => a.id)).toEqual([created.id]);
    expect(seen.tripleHelix).toBe(false);
  });

  it("stays forming while an invitation is unanswered, and activates when the last one declines if two sectors accepted", async () => {
    const { idea, university, company, city } = await world();
    const { id } = await idea.author.alliance.create({ ...alliancePurpose, ideaId: idea.id, organizationIds: [university.id, company.id] });
    const { allianceStatus } = await university.owner.alliance.answer({ partyId: await partyIdOf(suite.db, id, { organizationId: university.id }), accept: true, commitments: [mentoring] });
    // The entrepreneur (proposer) and the university: two sectors, but the company has not answered.
    expect(allianceStatus).toBe("FORMING");
    const declined = await company.owner.alliance.answer({ partyId: await partyIdOf(suite.db, id, { organizationId: company.id }), accept: false, reason: "Sin presupuesto este año" });
    expect(declined.allianceStatus).toBe("ACTIVE");
    const seen = await (await callerAs(suite.services, null)).caller.alliance.byId({ id });
    expect(seen.parties.map((p) => p.organization?.id ?? null)).not.toContain(company.id);
    const inside = await idea.author.alliance.byId({ id });
    expect(inside.parties.find((p) => p.organization?.id === company.id)?.declineReason).toBe("Sin presupuesto este año");
    void city;
  });

  it("is marked triple hélice when public, private and academia all accepted", async () => {
    const { idea, university, company, city } = await world();
    const { id } = await idea.author.alliance.create({ ...alliancePurpose, ideaId: idea.id, organizationIds: [university.id, company.id, city.id] });
    for (const org of [university, company, city]) {
      await org.owner.alliance.answer({ partyId: await partyIdOf(suite.db, id, { organizationId: org.id }), accept: true, commitments: [mentoring] });
    }
    const seen = await idea.author.alliance.byId({ id });
    expect(seen).toMatchObject({ status: "ACTIVE", tripleHelix: true });
    expect((await idea.author.alliance.list({ tripleHelix: true })).items.map((a) => a.id)).toContain(id);
    expect((await idea.author.alliance.list({ sector: "PUBLIC" })).items.map((a) => a.id)).toContain(id);
  });

  it("lets only an organization's owners answer for it, and each invitation once", async () => {
    const { idea, university } = await world();
    const { id } = await idea.author.alliance.create({ ...alliancePurpose, ideaId: idea.id, organizationIds: [university.id] });
    const partyId = await partyIdOf(suite.db, id, { organizationId: university.id });
    const byMember = await failureOf(university.member.alliance.answer({ partyId, accept: true, commitments: [mentoring] }));
    expect(byMember).toMatchObject({ httpStatus: 403, message: expect.stringContaining("propietarias de Universidad de la Paz") });
    const outsider = (await callerAs(suite.services, "COMPANY")).caller;
    expect(await failureOf(outsider.alliance.answer({ partyId, accept: false }))).toMatchObject({ httpStatus: 404 });
    await university.owner.alliance.answer({ partyId, accept: false });
    expect(await failureOf(university.owner.alliance.answer({ partyId, accept: true, commitments: [mentoring] }))).toMatchObject({ httpStatus: 409 });
  });

  it("requires at least one commitment to accept, with limits explained", async () => {
    const { idea, university } = await world();
    const { id } = await idea.author.alliance.create({ ...alliancePurpose, ideaId: idea.id, organizationIds: [university.id] });
    const partyId = await partyIdOf(suite.db, id, { organizationId: university.id });
    expect(await failureOf(university.owner.alliance.answer({ partyId, accept: true, commitments: [] }))).toMatchObject({ httpStatus: 400 });
    const tooMany = await failureOf(university.owner.alliance.answer({ partyId, accept: true, commitments: [{ ...mentoring, quantity: 200_000 }] }));
    expect(tooMany.message).toContain("100.000");
    expect((await suite.db.allianceParty.findUniqueOrThrow({ where: { id: partyId } })).status).toBe("INVITED");
  });

  it("is opened by an idea's author, an organization's owner for it, or the Secretariat; the author is invited when someone else opens it", async () => {
    const { idea, university, company } = await world();
    const stranger = (await callerAs(suite.services, "ENTREPRENEUR")).caller;
    const refused = await failureOf(stranger.alliance.create({ ...alliancePurpose, ideaId: idea.id, organizationIds: [university.id] }));
    expect(refused).toMatchObject({ httpStatus: 403, message: expect.stringContaining("idea tuya") });

    const { id } = await company.owner.alliance.create({ ...alliancePurpose, ideaId: idea.id, organizationId: company.id, organizationIds: [university.id] });
    const inside = await company.owner.alliance.byId({ id });
    expect(inside.parties.find((p) => p.isProposer)?.organization?.id).toBe(company.id);
    expect(inside.parties.find((p) => p.person?.id === idea.authorId)?.status).toBe("INVITED");
    expect(await failureOf(company.member.alliance.create({ ...alliancePurpose, ideaId: idea.id, organizationId: company.id, organizationIds: [university.id] }))).toMatchObject({ httpStatus: 403 });

    const secretariat = (await callerAs(suite.services, "SECRETARIAT")).caller;
    const bySecretariat = await secretariat.alliance.create({ ...alliancePurpose, ideaId: idea.id, organizationIds: [university.id] });
    expect((await secretariat.alliance.byId({ id: bySecretariat.id })).parties[0]).toMatchObject({ isProposer: true, sector: "PUBLIC" });
  });

  it("refuses ideas that are not public, people who are not entrepreneurs, and parties already in", async () => {
    const draft = await publishedIdea(suite.services, "DRAFT");
    const { idea, university } = await world();
    expect(await failureOf(draft.author.alliance.create({ ...alliancePurpose, ideaId: draft.id, organizationIds: [university.id] }))).toMatchObject({ httpStatus: 409 });
    const academic = await suite.db.user.findUniqueOrThrow({ where: { id: university.ownerId } });
    const notEntrepreneur = await failureOf(idea.author.alliance.create({ ...alliancePurpose, ideaId: idea.id, emails: [academic.email] }));
    expect(notEntrepreneur).toMatchObject({ httpStatus: 400, fieldErrors: { emails: expect.stringContaining("como organización") } });
    const unknown = await failureOf(idea.author.alliance.create({ ...alliancePurpose, ideaId: idea.id, emails: ["nadie@example.co"] }));
    expect(unknown.message).toContain("nadie@example.co");
    const nobody = await failureOf(idea.author.alliance.create({ ...alliancePurpose, ideaId: idea.id }));
    expect(nobody).toMatchObject({ httpStatus: 400 });
    const { id } = await idea.author.alliance.create({ ...alliancePurpose, ideaId: idea.id, organizationIds: [university.id] });
    expect(await failureOf(idea.author.alliance.invite({ allianceId: id, organizationIds: [university.id] }))).toMatchObject({ httpStatus: 409, message: expect.stringContaining(university.name) });
    expect(await suite.db.alliance.count({ where: { ideaId: draft.id } })).toBe(0);
  });

  it("invites an entrepreneur in their own name, and a declined party again", async () => {
    const { idea, university } = await world();
    const other = await publishedIdea(suite.services);
    const { id } = await idea.author.alliance.create({ ...alliancePurpose, ideaId: idea.id, emails: [other.authorEmail], organizationIds: [university.id] });
    const personParty = await partyIdOf(suite.db, id, { userId: other.authorId });
    await other.author.alliance.answer({ partyId: personParty, accept: false });
    await idea.author.alliance.invite({ allianceId: id, emails: [other.authorEmail] });
    expect((await suite.db.allianceParty.findUniqueOrThrow({ where: { id: personParty } })).status).toBe("INVITED");
    const mine = await other.author.alliance.mine();
    expect(mine.invitations.map((i) => i.partyId)).toEqual([personParty]);
    const notified = await suite.db.notification.count({ where: { recipientId: other.authorId, kind: "ALLIANCE_INVITATION", allianceId: id } });
    expect(notified).toBe(2);
    // The university's owner is told in the organization's name.
    expect(await suite.db.notification.findFirst({ where: { recipientId: university.ownerId, allianceId: id } })).toMatchObject({ data: { as: "organization", organization: university.name } });
  });
});

describe("milestones and closing", () => {
  async function activeAlliance() {
    const w = await world();
    const { id } = await w.idea.author.alliance.create({ ...alliancePurpose, ideaId: w.idea.id, organizationIds: [w.university.id] });
    const universityParty = await partyIdOf(suite.db, id, { organizationId: w.university.id });
    await w.university.owner.alliance.answer({ partyId: universityParty, accept: true, commitments: [mentoring] });
    return { ...w, id, universityParty };
  }

  it("keeps each progress report as history, and a pending milestone past its date is late", async () => {
    const { id, idea, university, universityParty } = await activeAlliance();
    const { id: milestoneId } = await idea.author.milestone.create({ allianceId: id, ownerPartyId: universityParty, title: "Diseño de la planta", dueDate: "2026-03-01" });
    await university.member.milestone.report({ milestoneId, progress: 30, note: "Planos preliminares listos" });
    await university.owner.milestone.report({ milestoneId, progress: 60, note: "Cotizaciones de equipos" });
    const clock = testClock(suite.db);
    await clock.set(new Date("2026-03-02T12:00:00-05:00"));
    try {
      const milestone = (await (await callerAs(suite.services, null)).caller.alliance.byId({ id })).milestones[0]!;
      expect(milestone).toMatchObject({ status: "LATE", progress: 60, dueDate: "2026-03-01" });
      expect(milestone.updates.map((u) => u.note)).toEqual(["Cotizaciones de equipos", "Planos preliminares listos"]);
      await idea.author.milestone.report({ milestoneId, progress: 90, done: true, note: "Diseño aprobado" });
      expect((await idea.author.alliance.byId({ id })).milestones[0]).toMatchObject({ status: "DONE", progress: 100 });
    } finally {
      await clock.reset();
    }
    const outsider = (await callerAs(suite.services, "ENTREPRENEUR")).caller;
    expect(await failureOf(outsider.milestone.report({ milestoneId, progress: 10, note: "Intruso" }))).toMatchObject({ httpStatus: 403 });
    await expect(suite.db.$executeRaw`UPDATE "MilestoneUpdate" SET "note" = 'cambiada'`).rejects.toThrow(/append-only/);
  });

  it("is completed or withdrawn by whoever proposed it, with the reason shown, and then takes no more answers", async () => {
    const { id, idea, university, company } = await activeAlliance();
    await idea.author.alliance.invite({ allianceId: id, organizationIds: [company.id] });
    expect(await failureOf(university.owner.alliance.withdraw({ id, reason: "No somos quienes la lideran" }))).toMatchObject({ httpStatus: 403 });
    expect(await failureOf(idea.author.alliance.withdraw({ id, reason: "corto" }))).toMatchObject({ httpStatus: 400 });
    await idea.author.alliance.withdraw({ id, reason: "La planta no consiguió permiso ambiental" });
    const seen = await (await callerAs(suite.services, null)).caller.alliance.byId({ id });
    expect(seen).toMatchObject({ status: "WITHDRAWN", statusReason: "La planta no consiguió permiso ambiental" });
    const late = await failureOf(company.owner.alliance.answer({ partyId: await partyIdOf(suite.db, id, { organizationId: company.id }), accept: true, commitments: [funding] }));
    expect(late).toMatchObject({ httpStatus: 409, message: expect.stringContaining("retirada") });
    expect(await failureOf(idea.author.alliance.complete({ id }))).toMatchObject({ httpStatus: 409 });
  });

  it("lets a party add commitments after accepting and keep at least one", async () => {
    const { id, university, universityParty } = await activeAlliance();
    await university.owner.commitment.add({ partyId: universityParty, kind: "LAB_ACCESS", quantity: 120, description: "Horas del laboratorio de química", publishAmount: true });
    const commitments = (await university.owner.alliance.byId({ id })).parties.find((p) => p.id === universityParty)!.commitments;
    expect(commitments.map((c) => c.kind)).toEqual(["MENTORING_HOURS", "LAB_ACCESS"]);
    await university.owner.commitment.remove({ id: commitments[0]!.id });
    expect(await failureOf(university.owner.commitment.remove({ id: commitments[1]!.id }))).toMatchObject({ httpStatus: 409 });
    expect(await failureOf(university.member.commitment.remove({ id: commitments[1]!.id }))).toMatchObject({ httpStatus: 403 });
  });
});
