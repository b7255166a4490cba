import { describe, expect, it } from "vitest";
import { callerAs, callerOfUser, createUser, failureOf, useTestServices } from "../support/callers";

const suite = useTestServices();
let n = 0;

const profile = (overrides: Record<string, unknown> = {}) => ({
  name: `Universidad del Río ${++n}`,
  kind: "UNIVERSITY" as const,
  city: "Barrancabermeja",
  sectors: ["EDUCATION" as const],
  description: "Grupos de investigación en agua, energía y logística fluvial del Magdalena Medio.",
  ...overrides,
});

async function ownedOrganization(role: "ACADEMIA" | "COMPANY" = "ACADEMIA", overrides: Record<string, unknown> = {}) {
  const { caller, user } = await callerAs(suite.services, role);
  const organization = await caller.organization.create(profile(overrides));
  // A fresh caller: the session's memberships now include the new organization.
  return { owner: await callerOfUser(suite.services, user!.id), ownerId: user!.id, organization };
}

async function memberOf(organizationId: string, role: "OWNER" | "MEMBER" = "MEMBER") {
  const user = await createUser(suite.db, "ACADEMIA");
  await suite.db.membership.create({ data: { organizationId, userId: user.id, role } });
  return { caller: await callerOfUser(suite.services, user.id), user };
}

describe("creating organizations", () => {
  it("makes the creator its OWNER, with a slug from the name and a normalized NIT", async () => {
    const { caller, user } = await callerAs(suite.services, "ACADEMIA");
    const created = await caller.organization.create(profile({ name: "Corporación Ciénaga Viva", nit: "899.999.068-1" }));
    expect(created.slug).toBe("corporacion-cienaga-viva");
    const stored = await suite.db.organization.findUniqueOrThrow({ where: { id: created.id }, include: { members: true } });
    expect(stored.nit).toBe("899999068-1");
    expect(stored.members).toEqual([expect.objectContaining({ userId: user!.id, role: "OWNER" })]);
    const again = await caller.organization.create(profile({ name: "Corporación Ciénaga Viva" }));
    expect(again.slug).toBe("corporacion-cienaga-viva-2");
  });

  it("never takes a slug that is a page's address (/organizaciones/nueva)", async () => {
    const { caller } = await callerAs(suite.services, "ACADEMIA");
    const created = await caller.organization.create(profile({ name: "Nueva", nit: "860.007.336-1" }));
    expect(created.slug).toBe("nueva-2");
  });

  it("refuses a wrong check digit and a taken NIT on the nit field, in Spanish", async () => {
    const { caller } = await callerAs(suite.services, "COMPANY");
    const wrong = await failureOf(caller.organization.create(profile({ kind: "COMPANY", nit: "800.197.268-5" })));
    expect(wrong.httpStatus).toBe(400);
    expect(wrong.fieldErrors.nit).toBe("El dígito de verificación no corresponde a este NIT. Revisa el número en el RUT.");
    await caller.organization.create(profile({ kind: "COMPANY", nit: "800197268-4" }));
    const taken = await failureOf(caller.organization.create(profile({ kind: "COMPANY", nit: "800.197.268-4" })));
    expect(taken.httpStatus).toBe(409);
    expect(taken.fieldErrors.nit).toBe("Ya hay una organización registrada con este NIT.");
  });

  it("lets entrepreneurs create startups only, and the Secretariat none", async () => {
    const { caller } = await callerAs(suite.services, "ENTREPRENEUR");
    const refused = await failureOf(caller.organization.create(profile()));
    expect(refused.httpStatus).toBe(403);
    expect(refused.fieldErrors.kind).toBe("Con tu tipo de cuenta solo puedes crear organizaciones de tipo «Startup».");
    await expect(caller.organization.create(profile({ kind: "STARTUP" }))).resolves.toBeDefined();
    const { caller: secretariat } = await callerAs(suite.services, "SECRETARIAT");
    expect((await failureOf(secretariat.organization.create(profile()))).httpStatus).toBe(403);
  });
});

describe("members", () => {
  it("lets an owner invite by email and the invited person accept, becoming a member", async () => {
    const { owner, organization } = await ownedOrganization();
    const colleague = await createUser(suite.db, "ACADEMIA");
    await owner.membership.invite({ organizationId: organization.id, email: colleague.email.toUpperCase() });
    const duplicate = await failureOf(owner.membership.invite({ organizationId: organization.id, email: colleague.email }));
    expect(duplicate.httpStatus).toBe(409);
    const colleagueCaller = await callerOfUser(suite.services, colleague.id);
    const [invitation] = await colleagueCaller.membership.pending();
    expect(invitation).toMatchObject({ kind: "INVITATION", organization: { id: organization.id } });
    await colleagueCaller.membership.respond({ requestId: invitation!.id, accept: true });
    const membership = await suite.db.membership.findUniqueOrThrow({
      where: { organizationId_userId: { organizationId: organization.id, userId: colleague.id } },
    });
    expect(membership.role).toBe("MEMBER");
  });

  it("lets owners approve join requests, and nobody else", async () => {
    const { owner, organization } = await ownedOrganization();
    const { caller: applicant, user } = await callerAs(suite.services, "COMPANY");
    const request = await applicant.membership.requestToJoin({ organizationId: organization.id, message: "Trabajo en el grupo de aguas." });
    expect((await applicant.organization.bySlug({ slug: organization.slug })).viewer.pendingJoinRequest).toBe(true);
    const { caller: stranger } = await callerAs(suite.services, "COMPANY");
    expect((await stranger.organization.bySlug({ slug: organization.slug })).viewer.pendingJoinRequest).toBe(false);
    expect((await failureOf(stranger.membership.respond({ requestId: request.id, accept: true }))).httpStatus).toBe(404);
    expect((await failureOf(applicant.membership.respond({ requestId: request.id, accept: true }))).httpStatus).toBe(404);
    await owner.membership.respond({ requestId: request.id, accept: true });
    expect(await suite.db.membership.count({ where: { organizationId: organization.id, userId: user!.id } })).toBe(1);
    expect((await applicant.organization.bySlug({ slug: organization.slug })).viewer.pendingJoinRequest).toBe(false);
  });

  it("keeps at least one owner when two owners demote each other at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      const { owner: first, ownerId: firstId, organization } = await ownedOrganization();
      const { caller: second, user: secondUser } = await memberOf(organization.id, "OWNER");
      const results = await Promise.allSettled([
        first.membership.setRole({ organizationId: organization.id, userId: secondUser.id, role: "MEMBER" }),
        second.membership.setRole({ organizationId: organization.id, userId: firstId, role: "MEMBER" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await suite.db.membership.count({ where: { organizationId: organization.id, role: "OWNER" } })).toBe(1);
    }
  });

  it("keeps at least one owner when two owners remove each other at the same moment", async () => {
    const { owner: first, ownerId: firstId, organization } = await ownedOrganization();
    const { caller: second, user: secondUser } = await memberOf(organization.id, "OWNER");
    await Promise.allSettled([
      first.membership.remove({ organizationId: organization.id, userId: secondUser.id }),
      second.membership.remove({ organizationId: organization.id, userId: firstId }),
    ]);
    expect(await suite.db.membership.count({ where: { organizationId: organization.id, role: "OWNER" } })).toBe(1);
  });

  it("does not let the last owner leave or demote themself", async () => {
    const { owner, ownerId, organization } = await ownedOrganization();
    const leave = await failureOf(owner.membership.leave({ organizationId: organization.id }));
    expect(leave.httpStatus).toBe(409);
    expect(leave.message).toMatch(/al menos una persona propietaria/);
    expect((await failureOf(owner.membership.setRole({ organizationId: organization.id, userId: ownerId, role: "MEMBER" }))).httpStatus).toBe(409);
  });

  it("shows only members who chose to be listed to the public", async () => {
    const { organization } = await ownedOrganization();
    const { caller: hidden, user } = await memberOf(organization.id);
    await hidden.membership.setListed({ organizationId: organization.id, listed: false });
    const { caller: anonymous } = await callerAs(suite.services, null);
    const page = await anonymous.organization.bySlug({ slug: organization.slug });
    expect(page.members.map((m) => m.userId)).not.toContain(user.id);
    expect(page.members).toHaveLength(1);
  });
});

describe("verification", () => {
  it("goes owner request → Secretariat decision (audited), and a verified name change asks again", async () => {
    const { owner, organization } = await ownedOrganization("COMPANY", { kind: "COMPANY", nit: "890.201.213-4" });
    await owner.organization.requestVerification({ id: organization.id });
    expect((await failureOf(owner.organization.requestVerification({ id: organization.id }))).httpStatus).toBe(409);
    const { caller: company } = await callerAs(suite.services, "COMPANY");
    expect((await failureOf(company.organization.decideVerification({ id: organization.id, decision: "verify" }))).httpStatus).toBe(403);
    const { caller: secretariat, user: secretary } = await callerAs(suite.services, "SECRETARIAT");
    const noReason = await failureOf(secretariat.organization.decideVerification({ id: organization.id, decision: "reject" }));
    expect(noReason.fieldErrors.reason).toBeDefined();
    await secretariat.organization.decideVerification({ id: organization.id, decision: "verify" });
    const verified = await suite.db.organization.findUniqueOrThrow({ where: { id: organization.id } });
    expect(verified.verification).toBe("VERIFIED");
    expect(await suite.db.auditEntry.count({ where: { subjectId: organization.id, action: "organization.verify", actorId: secretary!.id } })).toBe(1);

    const { id: _id, slug: _slug, ...rest } = { ...organization, ...profile({ kind: "COMPANY", nit: "890.201.213-4" }) };
    await owner.organization.update({ id: organization.id, ...rest, name: "Nuevo nombre S.A.S." });
    expect((await suite.db.organization.findUniqueOrThrow({ where: { id: organization.id } })).verification).toBe("PENDING");
  });

  it("lets only owners manage the profile and offers", async () => {
    const { owner, organization } = await ownedOrganization();
    const { caller: member } = await memberOf(organization.id);
    const offer = { organizationId: organization.id, kind: "LAB" as const, title: "Laboratorio de aguas", description: "Análisis de agua con docentes." };
    expect((await failureOf(member.organization.addOffer(offer))).httpStatus).toBe(403);
    const created = await owner.organization.addOffer(offer);
    const { caller: anonymous } = await callerAs(suite.services, null);
    expect((await anonymous.organization.bySlug({ slug: organization.slug })).offers.map((o) => o.id)).toEqual([created.id]);
    expect((await failureOf(member.organization.removeOffer({ organizationId: organization.id, offerId: created.id }))).httpStatus).toBe(403);
  });
});

describe("listing", () => {
  it("finds organizations by name without accents, and filters by kind, sector and verification", async () => {
    const { organization } = await ownedOrganization("COMPANY", { name: "Asociación de Pescadores de la Ciénaga", kind: "NGO", sectors: ["AGROINDUSTRY"] });
    const { caller } = await callerAs(suite.services, null);
    expect((await caller.organization.list({ q: "asociacion de pescadores", limit: 50 })).items.map((o) => o.id)).toContain(organization.id);
    expect((await caller.organization.list({ q: "asociacion de pescadores", kind: "UNIVERSITY", limit: 50 })).items).toEqual([]);
    expect((await caller.organization.list({ q: "pescadores", sector: "AGROINDUSTRY", verified: false, limit: 50 })).items.map((o) => o.id)).toContain(organization.id);
    expect((await caller.organization.list({ q: "pescadores", verified: true, limit: 50 })).items).toEqual([]);
  });
});
