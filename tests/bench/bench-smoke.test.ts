/**
 * The benchmark's baseline is only meaningful if it answers exactly what the app answers: on a
 * small seeded database, the raw server's bodies must be byte-identical to the app's (the check
 * `npm run bench` runs before measuring). Needs the Remix build, like the end-to-end tests.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkBodies } from "../../bench/measure";
import { startApp, startRawServer, type ServerProcess } from "../../bench/processes";
import { SCENARIOS, trpcQuery, type ScenarioContext } from "../../bench/scenarios";
import { BENCH_PASSWORD, seedIdeas, seedUsers } from "../../bench/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
let client: pg.Client;
let app: ServerProcess;
let raw: ServerProcess;
let ctx: ScenarioContext;

const scenario = (name: string) => SCENARIOS.find((s) => s.name === name)!;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await seedUsers(client, 8);
  await seedIdeas(client, 1, 50);
  [app, raw] = await Promise.all([startApp(database.url, { fromSource: true }), startRawServer(database.url, 4)]);
  const firstPage = (await (await fetch(`${app.baseUrl}${trpcQuery("idea.list", { limit: 12 }).path}`)).json()) as {
    result: { data: { nextCursor: string } };
  };
  const { rows } = await client.query<{ id: string }>(
    `SELECT "ideaId" AS id FROM "StoredFile" f JOIN "Idea" i ON i."id" = f."ideaId" WHERE i."status" = 'PUBLISHED' LIMIT 1`,
  );
  ctx = {
    // Page 2 here: 50 ideas have no page 20, and any cursor the app hands out exercises the same path.
    page20Cursor: firstPage.result.data.nextCursor,
    ideaId: rows[0]!.id,
    entrepreneurCookie: "",
    loginEmails: [],
    password: BENCH_PASSWORD,
    // The booking scenarios are not checked here (their bookings are seeded by the runner only).
    availability: { spaceId: "", from: "", to: "" },
    contention: { spaceId: "", slots: [] },
  };
}, 120_000);

afterAll(async () => {
  await Promise.all([app?.stop(), raw?.stop()]);
  await client?.end();
  await database?.drop();
});

describe("benchmark baseline", () => {
  it.each(["list-12", "page-20", "search-rare", "supports", "idea-page"])("answers %s with the app's exact bytes", async (name) => {
    expect(await checkBodies(scenario(name), ctx, app, raw)).toEqual({ status: "identical" });
  });

  it("catches a baseline whose answer differs, and says where", async () => {
    const empty = http.createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(`{"result":{"data":{"items":[],"nextCursor":null}}}`);
    });
    await new Promise<void>((resolve) => empty.listen(0, "127.0.0.1", resolve));
    const { port } = empty.address() as AddressInfo;
    try {
      const check = await checkBodies(scenario("list-12"), ctx, app, { ...raw, baseUrl: `http://127.0.0.1:${port}` });
      expect(check.status).toBe("differs");
      expect(check.detail).toMatch(/^bodies differ at byte 28 /);
    } finally {
      await new Promise((resolve) => empty.close(resolve));
    }
  });
});
