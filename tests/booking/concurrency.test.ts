import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices } from "../support/callers";
import { testClock } from "../support/clock";
import { startInProcessApp, type InProcessApp } from "../support/http-app";
import { NOW } from "./fixtures";
import { raceForManySlots, raceForOneSlot, raceOfSeries } from "./race";

/** On the test's database (PostgreSQL when DATABASE_URL is set), through the HTTP API. */
const suite = useTestServices();
let app: InProcessApp;

beforeAll(async () => {
  await testClock(suite.db).set(NOW);
  app = await startInProcessApp(suite.services, { remix: false });
});
afterAll(() => app?.close());

describe("bookings under simultaneous requests (HTTP API)", () => {
  it("100 requests for one slot: exactly 1 succeeds, 99 get the conflict with alternatives, no 5xx, 1 row", { timeout: 120_000 }, async () => {
    expect(await raceForOneSlot(suite.db, app.base, 100)).toEqual({ succeeded: 1, conflicts: 99, serverErrors: 0, other: [], rows: 1, overlaps: 0 });
  });

  it("12 requests at once for each of 20 slots: 20 bookings, 220 conflicts, no 5xx (no deadlocks)", { timeout: 120_000 }, async () => {
    expect(await raceForManySlots(suite.db, app.base, 20, 12)).toEqual({ succeeded: 20, conflicts: 220, serverErrors: 0, rows: 20, overlaps: 0 });
  });

  it("overlapping weekly series sent at once leave no overlap", { timeout: 120_000 }, async () => {
    const result = await raceOfSeries(suite.db, app.base, 18);
    expect(result).toMatchObject({ serverErrors: 0, unexpected: [], overlaps: 0 });
    expect(result.rows).toBe(result.created);
    expect(result.created).toBeGreaterThan(0);
  });
});
