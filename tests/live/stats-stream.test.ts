import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, localParts } from "../../server/booking/time";
import { createDb, type Db } from "../../server/db/client";
import { createChangeFeed, type ChangeFeed } from "../../server/live/changes";
import { liveIndicatorRoutes } from "../../server/live/stats-route";
import { computeIndicators } from "../../server/stats/indicators";
import type { Services } from "../../server/trpc/context";
import { callerAs, createUser, useTestServices } from "../support/callers";
import { startInProcessApp, type InProcessApp } from "../support/http-app";
import { createIdeaIn } from "../support/ideas";
import { indicatorIn, openSse, type SseConnection } from "./sse-client";

const VIEWERS = 200;
const today = localParts(new Date()).date;
const filters = { from: addDays(today, -30), to: addDays(today, 1) };
const livePath = `/indicadores/en-vivo?from=${filters.from}&to=${filters.to}`;

const suite = useTestServices();
/** Every statement the app's database client sends, counted (Prisma's and queryRows'). */
let statements = 0;
let countingDb: Db;
let changes: ChangeFeed;
let services: Services;
let app: InProcessApp;

beforeAll(async () => {
  countingDb = createDb(suite.database.url, { maxConnections: 10, onQuery: () => void (statements += 1) });
  // With real PostgreSQL the triggers' NOTIFY through a LISTEN connection; embedded, the app's own emitter.
  changes = createChangeFeed({ databaseUrl: suite.database.url, embedded: !process.env.DATABASE_URL, log: { info() {}, warn() {} } });
  services = { ...suite.services, db: countingDb, changes };
  app = await startInProcessApp(services, { remix: false });
});

afterAll(async () => {
  await app?.close();
  await changes?.close();
  await countingDb?.$disconnect();
});

async function settle(ms: number) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe(`GET /indicadores/en-vivo with ${VIEWERS} open viewers`, () => {
  it("one change costs the statements of ONE computation, and every viewer has the new numbers within 2 s", { timeout: 60_000 }, async () => {
    statements = 0;
    await computeIndicators(countingDb, filters, "es");
    const perComputation = statements;
    expect(perComputation).toBeGreaterThan(0);

    const author = await createUser(suite.db, "ENTREPRENEUR");
    const idea = await createIdeaIn(suite.db, author.id, "SUBMITTED");

    statements = 0;
    const viewers: SseConnection[] = await Promise.all(Array.from({ length: VIEWERS }, () => openSse(`${app.base}${livePath}`)));
    try {
      expect(viewers.every((viewer) => viewer.status === 200 && viewer.headers["content-type"]?.startsWith("text/event-stream"))).toBe(true);
      const snapshots = await Promise.all(viewers.map((viewer) => viewer.next((m) => m.event === "indicators")));
      const before = indicatorIn(snapshots[0]!, "ideas.published");
      expect(typeof before).toBe("number");
      // Viewers arriving together share the snapshot too.
      expect(statements).toBeLessThanOrEqual(2 * perComputation);
      await changes.ready();
      await settle(300);

      statements = 0;
      const { caller } = await callerAs({ ...suite.services, changes }, "SECRETARIAT");
      const changedAt = Date.now();
      await caller.moderation.decide({ id: idea.id, to: "PUBLISHED" });
      const updates = await Promise.all(
        viewers.map((viewer) => viewer.next((m) => m.event === "indicators" && indicatorIn(m, "ideas.published") === before! + 1, 1)),
      );
      const slowest = Math.max(...updates.map((update) => update.receivedAt)) - changedAt;
      await settle(500);

      expect(slowest).toBeLessThan(2_000);
      expect(statements).toBe(perComputation);
      console.log(`[live] ${VIEWERS} viewers: ${statements} statements for one change (${perComputation} per computation), slowest viewer ${slowest} ms`);
    } finally {
      for (const viewer of viewers) viewer.close();
    }
  });

  it("folds changes within 200 ms into one computation", { timeout: 30_000 }, async () => {
    const viewer = await openSse(`${app.base}${livePath}`);
    try {
      await viewer.next((m) => m.event === "indicators");
      await changes.ready();
      const author = await createUser(suite.db, "ENTREPRENEUR");
      statements = 0;
      const seen = viewer.messages.length;
      for (let i = 0; i < 3; i++) {
        await createIdeaIn(suite.db, author.id, "PUBLISHED");
        changes.afterWrite("idea.create");
      }
      await viewer.next((m) => m.event === "indicators", seen);
      await settle(600);
      expect(viewer.messages.slice(seen).filter((m) => m.event === "indicators")).toHaveLength(1);
    } finally {
      viewer.close();
    }
  });

  it("is not held back by compression, and refuses bad filters", async () => {
    const viewer = await openSse(`${app.base}${livePath}&sector=ICT`, { "accept-encoding": "gzip, br" });
    try {
      expect(viewer.headers["content-encoding"]).toBeUndefined();
      expect(viewer.headers["cache-control"]).toBe("no-cache, no-transform");
      await viewer.next((m) => m.event === "indicators");
    } finally {
      viewer.close();
    }
    expect((await fetch(`${app.base}/indicadores/en-vivo?from=2026-05-01&to=2026-04-01`)).status).toBe(400);
    expect((await fetch(`${app.base}/indicadores/en-vivo?from=2026-05-01&to=2026-06-01&sector=NOPE`)).status).toBe(400);
  });
});

describe("a full live stream", () => {
  it("answers 503 beyond its viewer cap, and frees the place when a viewer leaves", { timeout: 30_000 }, async () => {
    const live = liveIndicatorRoutes(services, { maxViewers: 2 });
    const server: Server = express().use(live.routes).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const first = await openSse(`${base}${livePath}`);
      const second = await openSse(`${base}${livePath}`);
      const third = await openSse(`${base}${livePath}`);
      expect([first.status, second.status, third.status]).toEqual([200, 200, 503]);
      expect(third.headers["retry-after"]).toBe("30");
      first.close();
      const deadline = Date.now() + 2_000;
      while (live.stream.viewerCount() > 1 && Date.now() < deadline) await settle(20);
      const fourth = await openSse(`${base}${livePath}`);
      expect(fourth.status).toBe(200);
      second.close();
      fourth.close();
    } finally {
      live.stream.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
