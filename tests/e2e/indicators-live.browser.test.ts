/**
 * An open /indicadores page follows the data without reloading (issue 14): the Secretariat
 * publishes an idea while the page is open, and its "published ideas" number goes up within
 * 2 s — with real PostgreSQL (the change is made from this test's process: LISTEN/NOTIFY carries it
 * to the app's process) and with the embedded database (the change goes through the app's own API).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE, createSession } from "../../server/auth/session";
import { createDb, type Db } from "../../server/db/client";
import { openDatabase } from "../../server/db/database";
import { callerOfUser, createTestServices, createUser } from "../support/callers";
import { launchBrowser } from "../support/chromium";
import { createIdeaIn } from "../support/ideas";
import { startAppServer, type AppServer } from "../support/server";
import { STEP_MS, useBrowserSuite, waitForHydration } from "./browser-suite";

const PUBLISHED = '[data-indicator="ideas.published"]';
const LIVE_MS = 2_000;

const numberIn = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

/** Opens /indicadores and waits until its live stream delivered the first snapshot. */
async function openIndicators(page: Page, url: string) {
  await page.goto(url);
  await waitForHydration(page);
  await page.locator(PUBLISHED).first().waitFor();
  return numberIn(await page.locator(PUBLISHED).first().textContent());
}

/** Marks the document, so a reload (which would lose the mark) cannot pass for a live update. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { liveMark: string }).liveMark = "sin recargar"));
}

async function stillSameDocument(page: Page) {
  return page.evaluate(() => (window as unknown as { liveMark?: string }).liveMark === "sin recargar");
}

/** Waits for the number to become `expected`, and returns how long it took after `since`. */
async function publishedReaches(page: Page, expected: number, since: number) {
  await page.waitForFunction(
    ([selector, wanted]) => Number((document.querySelector(selector as string)?.textContent ?? "").replace(/\D/g, "")) === wanted,
    [PUBLISHED, expected] as const,
    { timeout: LIVE_MS + 3_000 },
  );
  return Date.now() - since;
}

describe.runIf(process.env.DATABASE_URL)("live indicators with real PostgreSQL", () => {
  const suite = useBrowserSuite();

  it("a published idea appears on the open page within 2 s, without reloading", { timeout: 60_000 }, async () => {
    const { db } = suite.database;
    const author = await createUser(db, "ENTREPRENEUR");
    const idea = await createIdeaIn(db, author.id, "SUBMITTED");
    const secretariat = await createUser(db, "SECRETARIAT");

    const { page, problems } = await suite.openPage();
    const before = await openIndicators(page, suite.url("/indicadores"));
    await page.locator('[data-live-indicators][role="status"]').waitFor({ state: "attached" });
    await markDocument(page);
    await page.waitForTimeout(500);

    // Another process (this test) publishes through the use case; only the database's NOTIFY tells the app.
    const caller = await callerOfUser(await createTestServices(db), secretariat.id);
    const publishedAt = Date.now();
    await caller.moderation.decide({ id: idea.id, to: "PUBLISHED" });

    const took = await publishedReaches(page, before + 1, publishedAt);
    expect(took).toBeLessThan(LIVE_MS);
    expect(await stillSameDocument(page)).toBe(true);
    await expect.poll(() => page.locator('[data-live-indicators][role="status"]').textContent()).toBe("Actualizado hace un momento");
    // Uncaught exceptions only: the live script must not break the page (the charts' CSP is theirs to check).
    expect(problems.filter((problem) => problem.startsWith("pageerror"))).toEqual([]);
    console.log(`[live] real PostgreSQL: the open page showed the new idea ${took} ms after the publish call began`);
  });
});

describe("live indicators with the embedded database", () => {
  let dataDir: string;
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  let db: Db | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "cocrea-live-"));
    const [started, launched] = await Promise.allSettled([
      startAppServer({ databaseUrl: "", env: { DATABASE_URL: "", DATA_DIR: dataDir }, startTimeoutMs: 120_000 }),
      launchBrowser(),
    ]);
    if (started.status === "fulfilled") server = started.value;
    if (launched.status === "fulfilled") browser = launched.value;
    if (started.status === "rejected") throw started.reason;
    if (launched.status === "rejected") throw launched.reason;
    // The app's running embedded server, found through its DATA_DIR as the CLI scripts find it.
    db = createDb((await openDatabase({ dataDir })).url, { maxConnections: 2, embedded: true });
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("a published idea appears on the open page within 2 s, without reloading", { timeout: 60_000 }, async () => {
    const author = await createUser(db!, "ENTREPRENEUR");
    const idea = await createIdeaIn(db!, author.id, "SUBMITTED");
    const secretariat = await createUser(db!, "SECRETARIAT");
    const { token } = await createSession(db!, secretariat.id, {});

    const context = await browser!.newContext({ locale: "es-CO" });
    context.setDefaultTimeout(STEP_MS);
    const page = await context.newPage();
    const before = await openIndicators(page, `${server!.baseUrl}/indicadores`);
    await markDocument(page);
    await page.waitForTimeout(500);

    // NOTIFY does not leave a PGlite connection: the change must go through the app, which tells its emitter.
    const publishedAt = Date.now();
    const response = await fetch(`${server!.baseUrl}/api/trpc/moderation.decide`, {
      method: "POST",
      headers: { cookie: `${SESSION_COOKIE}=${token}`, "content-type": "application/json" },
      body: JSON.stringify({ id: idea.id, to: "PUBLISHED" }),
    });
    expect(response.status).toBe(200);

    const took = await publishedReaches(page, before + 1, publishedAt);
    expect(took).toBeLessThan(LIVE_MS);
    expect(await stillSameDocument(page)).toBe(true);
    console.log(`[live] embedded: the open page showed the new idea ${took} ms after the publish request began`);
    await context.close();
  });
});
