/** space.listAll: the Secretariat's management page lists inactive spaces too; no one else reads it. */
import { describe, expect, it } from "vitest";
import { callerAs, failureOf, useTestServices } from "../support/callers";
import { createCenter, createSpace } from "./fixtures";

const suite = useTestServices();

describe("space.listAll", () => {
  it("lists active and inactive spaces for the Secretariat, by center and name", async () => {
    const center = await createCenter(suite.db);
    const inactive = await createSpace(suite.db, { centerId: center.id, name: "Auditorio en obra", kind: "AUDITORIUM", active: false });
    const active = await createSpace(suite.db, { centerId: center.id, name: "Sala abierta" });
    const { caller } = await callerAs(suite.services, "SECRETARIAT");
    const mine = (await caller.space.listAll()).filter((s) => s.centerId === center.id);
    expect(mine.map((s) => [s.id, s.active])).toEqual([
      [inactive.id, false],
      [active.id, true],
    ]);
    // The public list keeps leaving the inactive one out.
    expect((await caller.space.list({ centerId: center.id })).map((s) => s.id)).toEqual([active.id]);
  });

  it("is the Secretariat's only", async () => {
    for (const role of ["ENTREPRENEUR", "COMPANY", null] as const) {
      const { caller } = await callerAs(suite.services, role);
      expect((await failureOf(caller.space.listAll())).httpStatus, String(role)).toBe(role ? 403 : 401);
    }
  });
});
