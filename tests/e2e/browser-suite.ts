/**
 * What every browser test file needs: its own database, the real app server over it and one
 * Chromium, started in beforeAll and always cleaned up in afterAll, plus small page helpers.
 */
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { SESSION_COOKIE, createSession } from "../../server/auth/session";
import type { Role } from "../../server/db/generated/enums";
import { createUser } from "../support/callers";
import { launchBrowser } from "../support/chromium";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startAppServer, type AppServer } from "../support/server";

/** Bound for single browser steps (a navigation, a click that submits a form). */
export const STEP_MS = 20_000;

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors (a CSP violation shows up here). */
  problems: string[];
}

export interface BrowserSuite {
  readonly database: TestDatabase;
  url(pathname: string): string;
  openPage(options?: BrowserContextOptions): Promise<OpenedPage>;
}

export function useBrowserSuite(): BrowserSuite {
  let database: TestDatabase | undefined;
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // Database first (the server needs it); server and browser then start in parallel.
    database = await createTestDatabase();
    const [serverResult, browserResult] = await Promise.allSettled([startAppServer({ databaseUrl: database.url }), launchBrowser()]);
    if (serverResult.status === "fulfilled") server = serverResult.value;
    if (browserResult.status === "fulfilled") browser = browserResult.value;
    if (serverResult.status === "rejected") throw serverResult.reason;
    if (browserResult.status === "rejected") throw browserResult.reason;
  }, 150_000);

  afterAll(async () => {
    // Every step runs even if an earlier one fails; the first failure is reported at the end.
    const failures: unknown[] = [];
    for (const step of [
      () => Promise.allSettled(contexts.map((context) => context.close())),
      () => browser?.close(),
      () => server?.stop(),
      () => database?.drop(),
    ]) {
      try {
        await step();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw failures[0];
  }, 60_000);

  return {
    get database() {
      if (!database) throw new Error("The test database is not ready (beforeAll failed?)");
      return database;
    },
    url(pathname: string) {
      if (!server) throw new Error("The app server is not running (beforeAll failed?)");
      return `${server.baseUrl}${pathname}`;
    },
    async openPage(options: BrowserContextOptions = {}) {
      if (!browser) throw new Error("Chromium is not running (beforeAll failed?)");
      const context = await browser.newContext({ locale: "es-CO", ...options });
      contexts.push(context);
      context.setDefaultTimeout(STEP_MS);
      context.setDefaultNavigationTimeout(STEP_MS);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console: ${message.text()}`);
      });
      return { context, page, problems };
    },
  };
}

/** With JavaScript on, React has hydrated once DOM nodes carry its fiber keys. */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    return main !== null && Object.keys(main).some((key) => key.startsWith("__reactFiber"));
  });
}

export function uniqueUser() {
  const id = randomUUID().slice(0, 8);
  return { name: `Persona Prueba ${id}`, email: `e2e-${id}@example.com`, password: `Rio-Magdalena-${id}` };
}

/** Creates an entrepreneur account through the real form; the page ends signed in on /ideas/nueva. */
export async function registerEntrepreneur(suite: BrowserSuite, page: Page) {
  const user = uniqueUser();
  await page.goto(suite.url("/registro"));
  await page.getByLabel("Nombre completo").fill(user.name);
  await page.getByLabel("Correo electrónico").fill(user.email);
  await page.getByLabel("Contraseña").fill(user.password);
  await page.getByRole("radio", { name: "Emprendedor(a)" }).check();
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await page.waitForURL((u) => u.pathname === "/ideas/nueva");
  return user;
}

/** The element that has focus, described by what a test can compare. */
export function focusedElement(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? null, id: el?.id || null, className: el?.className || null, text: el?.textContent?.trim() ?? null };
  });
}

/** axe-core's WCAG 2.x A/AA rules and best practices, as "rule: element" lines (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")} (${violation.help})`),
  );
}

/** Published ideas written straight to the database (the form is tested elsewhere); newest last. */
export async function seedIdeas(suite: BrowserSuite, authorEmail: string, count: number): Promise<string[]> {
  const { db } = suite.database;
  const author = await db.user.findUniqueOrThrow({ where: { email: authorEmail } });
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const idea = await db.idea.create({
      data: {
        title: `Huerta comunitaria ${i} en el barrio Primero de Mayo`,
        summary: "Una huerta con riego solar que abastece al comedor escolar del barrio.",
        problem: "Las familias del barrio compran verduras caras que llegan de lejos cada semana.",
        solution: "Cultivar en un lote baldío con riego por goteo alimentado por paneles solares.",
        sector: "AGROINDUSTRY",
        status: "PUBLISHED",
        publishedAt: new Date(),
        authorId: author.id,
      },
      select: { id: true },
    });
    ids.push(idea.id);
  }
  return ids;
}

/** A browser signed in as a new account of `role`: a session written as the login form would. */
export async function signedIn(suite: BrowserSuite, role: Role, options: BrowserContextOptions = {}) {
  const user = await createUser(suite.database.db, role);
  const { token } = await createSession(suite.database.db, user.id, {});
  const opened = await suite.openPage(options);
  await opened.context.addCookies([{ name: SESSION_COOKIE, value: token, url: suite.url("/") }]);
  return { ...opened, user };
}
