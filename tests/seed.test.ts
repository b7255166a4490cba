import { describe, expect, it } from "vitest";
import { parseNit } from "../server/organization/nit";
import { DEMO_ACCOUNTS, seedDemoData } from "../server/seed/demo";
import { callerFor, useTestServices } from "./support/callers";

const suite = useTestServices();

describe("demo data", () => {
  it("is idempotent: a second run adds nothing", async () => {
    await seedDemoData(suite.db);
    const counts = async () => ({
      users: await suite.db.user.count(),
      organizations: await suite.db.organization.count(),
      memberships: await suite.db.membership.count(),
      ideas: await suite.db.idea.count(),
    });
    const first = await counts();
    await seedDemoData(suite.db);
    expect(await counts()).toEqual(first);
    expect(first).toMatchObject({ users: 4, organizations: 4, memberships: 4 });
    expect(first.ideas).toBeGreaterThanOrEqual(5);
  });

  it("looks like Barrancabermeja: a university, a company, a chamber of commerce, a startup and ideas across local sectors", async () => {
    const organizations = await suite.db.organization.findMany({ select: { kind: true, nit: true, verification: true, _count: { select: { offers: true } } } });
    expect(organizations.map((o) => o.kind).sort()).toEqual(["COMPANY", "PUBLIC_ENTITY", "STARTUP", "UNIVERSITY"]);
    // Every NIT passes DIAN's check digit, some are verified, one waits in the Secretariat's queue, and each offers something.
    for (const organization of organizations) expect(parseNit(organization.nit ?? "")).toEqual({ ok: true, nit: organization.nit });
    expect(organizations.map((o) => o.verification).sort()).toEqual(["PENDING", "UNVERIFIED", "VERIFIED", "VERIFIED"]);
    expect(organizations.every((o) => o._count.offers > 0)).toBe(true);
    const sectors = new Set((await suite.db.idea.findMany({ select: { sector: true } })).map((i) => i.sector));
    for (const sector of ["ENERGY_OIL", "AGROINDUSTRY", "RIVER_LOGISTICS", "ENVIRONMENT", "TOURISM", "ICT"]) {
      expect(sectors).toContain(sector);
    }
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.role, a] as const))("prints a %s login that really works", async (_role, account) => {
    const { caller } = await callerFor(suite.services, { ip: `198.18.0.${DEMO_ACCOUNTS.indexOf(account) + 1}` });
    const user = await caller.auth.login({ email: account.email, password: account.password });
    expect(user.role).toBe(account.role);
  });
});
