import { describe, expect, it } from "vitest";
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
    expect(first).toMatchObject({ users: 4, organizations: 2, memberships: 2 });
    expect(first.ideas).toBeGreaterThanOrEqual(5);
  });

  it("looks like Barrancabermeja: a university, a company and ideas across local sectors", async () => {
    const kinds = (await suite.db.organization.findMany({ select: { kind: true } })).map((o) => o.kind).sort();
    expect(kinds).toEqual(["COMPANY", "UNIVERSITY"]);
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
