import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../server/db/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../server/db/embedded";
import { applyMigrations } from "../../server/db/migrations";
import { createHttpApp } from "../../server/http/app";
import { createTestServices } from "../support/callers";
import { testClock } from "../support/clock";
import { NOW } from "./fixtures";
import { raceForOneSlot, raceOfSeries } from "./race";

/** Always the embedded database (PGlite, btree_gist loaded), whatever DATABASE_URL says. */
let embedded: EmbeddedPostgres;
let db: Db;
let server: Server;
let base: string;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
  await applyMigrations(embedded.url);
  db = createDb(embedded.url, { maxConnections: 8, embedded: true });
  await testClock(db).set(NOW);
  server = createHttpApp(await createTestServices(db)).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db?.$disconnect();
  await embedded?.stop();
});

describe("bookings on the embedded database under simultaneous requests", () => {
  it("100 requests for one slot: exactly 1 succeeds, 99 get the conflict, no 5xx, 1 row", { timeout: 180_000 }, async () => {
    expect(await raceForOneSlot(db, base, 100)).toEqual({ succeeded: 1, conflicts: 99, serverErrors: 0, other: [], rows: 1, overlaps: 0 });
  });

  it("overlapping weekly series sent at once leave no overlap", { timeout: 180_000 }, async () => {
    const result = await raceOfSeries(db, base, 12);
    expect(result).toMatchObject({ serverErrors: 0, unexpected: [], overlaps: 0 });
    expect(result.rows).toBe(result.created);
  });
});
