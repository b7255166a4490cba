/**
 * End to end, in a real Chromium against the real server (server/index.ts over the Remix build,
 * production mode) and a database of this file's own: registering, logging out and in, and
 * publishing ideas with attachments, with JavaScript on and off; plus a keyboard/a11y smoke test.
 *
 * Screenshots land in test-results/e2e/ (gitignored) for a human to look at.
 */
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeIdeaStatus } from "../../server/idea/transitions";
import { createUser } from "../support/callers";
import { uniqueUser, useBrowserSuite, waitForHydration } from "./browser-suite";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SCREENSHOTS = path.join(ROOT, "test-results", "e2e");

const TEST_MS = 90_000;

/** A tiny but well-formed PDF (one empty page). */
const PDF_BYTES = Buffer.from(
  [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
    "",
  ].join("\n"),
  "latin1",
);

/** A valid 1×1 PNG. */
const PNG_BYTES = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

const suite = useBrowserSuite();
const openPage = (options?: BrowserContextOptions) => suite.openPage(options);
const url = (pathname: string) => suite.url(pathname);
let fixtures: string;

beforeAll(async () => {
  fixtures = await mkdtemp(path.join(os.tmpdir(), "cocrea-e2e-files-"));
  await writeFile(path.join(fixtures, "plan-de-negocio.pdf"), PDF_BYTES);
  await writeFile(path.join(fixtures, "boceto.png"), PNG_BYTES);
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(() => (fixtures ? rm(fixtures, { recursive: true, force: true }) : undefined));

type User = ReturnType<typeof uniqueUser>;

async function register(page: Page, user: User, { javaScript }: { javaScript: boolean }) {
  await page.goto(url("/registro"));
  if (javaScript) await waitForHydration(page);
  await page.getByLabel("Nombre completo").fill(user.name);
  await page.getByLabel("Correo electrónico").fill(user.email);
  await page.getByLabel("Contraseña").fill(user.password);
  await page.getByRole("radio", { name: "Emprendedor(a)" }).check();
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await page.waitForURL((u) => u.pathname === "/ideas/nueva");
}

interface IdeaInput {
  title: string;
  summary: string;
  problem: string;
  solution: string;
  /** The visible option text. */
  sector: string;
  files: string[];
}

function ideaInput(overrides: Partial<IdeaInput> = {}): IdeaInput {
  const id = randomUUID().slice(0, 6);
  return {
    title: `Muelle solar para lanchas ${id}`,
    summary: "Un muelle con paneles solares que carga las lanchas eléctricas del río Magdalena.",
    problem: "Las lanchas de pasajeros gastan mucho combustible y contaminan el río cada día.",
    solution: "Instalar paneles en el muelle principal y cambiar motores por eléctricos poco a poco.",
    sector: "Logística fluvial",
    files: [],
    ...overrides,
  };
}

async function fillIdeaForm(page: Page, idea: IdeaInput) {
  await page.getByLabel("Título").fill(idea.title);
  await page.getByLabel("Resumen").fill(idea.summary);
  await page.getByLabel("Problema").fill(idea.problem);
  await page.getByLabel("Solución propuesta").fill(idea.solution);
  await page.getByLabel("Sector").selectOption({ label: idea.sector });
  await page.getByLabel("Adjuntos").setInputFiles(idea.files);
}

/**
 * Fills the idea form, presses one of its two buttons and waits for the new idea's page with the
 * matching notice. Returns its id and how the browser sent the form: "fetch" when Remix
 * submitted it with JavaScript, "document" for a plain HTML post.
 */
async function sendIdea(
  page: Page,
  idea: IdeaInput,
  button: "Enviar a revisión" | "Guardar borrador" = "Enviar a revisión",
): Promise<{ id: string; sentAs: string }> {
  await fillIdeaForm(page, idea);
  const posted = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/ideas/nueva");
  await page.getByRole("button", { name: button, exact: true }).click();
  const request = await posted;
  const notice = button === "Enviar a revisión" ? "enviada" : "borrador";
  await page.waitForURL((u) => /^\/ideas\/[0-9a-f-]{36}$/.test(u.pathname) && u.searchParams.get("aviso") === notice);
  return { id: new URL(page.url()).pathname.split("/").pop()!, sentAs: request.resourceType() };
}

/** Waits until the page's h1 reads `text` (client-side navigations render a moment after the URL changes). */
async function waitForHeading(page: Page, text: string) {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor();
}

async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? "").trim();
}

describe("ideas in a real browser", () => {
  it(
    "with JavaScript: registers, logs out, logs in, publishes an idea with a PDF and downloads it",
    async () => {
      const { page, problems } = await openPage();
      const user = uniqueUser();

      await register(page, user, { javaScript: true });
      await waitForHeading(page, "Proponer una idea");

      // Log out from /salir…
      await page.goto(url("/salir"));
      await waitForHydration(page);
      await page.getByRole("button", { name: "Cerrar sesión", exact: true }).click();
      await page.waitForURL((u) => u.pathname === "/");
      await page.getByRole("link", { name: "Crear cuenta" }).first().waitFor(); // the header shows a visitor again
      await page.goto(url("/ideas/nueva"));
      await page.waitForURL((u) => u.pathname === "/ingresar");
      expect(new URL(page.url()).searchParams.get("redirectTo")).toBe("/ideas/nueva");

      // …and back in through /ingresar, which returns to where the user was going.
      await waitForHydration(page);
      await page.getByLabel("Correo electrónico").fill(user.email);
      await page.getByLabel("Contraseña").fill(user.password);
      await page.getByRole("button", { name: "Ingresar", exact: true }).click();
      await page.waitForURL((u) => u.pathname === "/ideas/nueva");
      await waitForHeading(page, "Proponer una idea");
      await waitForHydration(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, "ideas-nueva.png"), fullPage: true });

      const idea = ideaInput({ files: [path.join(fixtures, "plan-de-negocio.pdf")] });
      const { id: ideaId, sentAs } = await sendIdea(page, idea);
      expect(sentAs).toBe("fetch");
      await waitForHeading(page, idea.title);
      expect(await textOf(page, "[role=status]")).toBe("Tu idea quedó enviada a revisión. La Secretaría la revisará antes de publicarla.");
      expect(await textOf(page, "article .meta time")).toMatch(/^Enviada a revisión el /);
      expect(await page.getByText(idea.summary).count()).toBe(1);
      const link = page.getByRole("link", { name: "plan-de-negocio.pdf" });
      const href = await link.getAttribute("href");
      expect(href).toMatch(/^\/archivos\/[0-9a-f-]{36}$/);
      await page.screenshot({ path: path.join(SCREENSHOTS, "idea.png"), fullPage: true });

      // The download, with the browser's cookies: same bytes, served as a PDF.
      const download = await page.request.get(url(href!));
      expect(download.status()).toBe(200);
      expect(download.headers()["content-type"]).toMatch(/^application\/pdf\b/);
      expect(Buffer.compare(await download.body(), PDF_BYTES)).toBe(0);

      // Under review it is not public; once the Secretariat publishes it, the list shows it.
      await page.goto(url("/ideas"));
      await waitForHeading(page, "Ideas");
      expect(await page.getByRole("link", { name: idea.title }).count()).toBe(0);
      const secretariat = await createUser(suite.database.db, "SECRETARIAT");
      await changeIdeaStatus(suite.database.db, { ideaId, to: "PUBLISHED", actor: { id: secretariat.id, role: "SECRETARIAT", memberships: new Map() } });
      await page.goto(url("/ideas"));
      await waitForHeading(page, "Ideas");
      const card = page.getByRole("link", { name: idea.title });
      expect(await card.count()).toBe(1);
      expect(await card.getAttribute("href")).toBe(`/ideas/${ideaId}`);

      const stored = await suite.database.db.idea.findUniqueOrThrow({ where: { id: ideaId }, include: { attachments: true, author: true } });
      expect(stored.author.email).toBe(user.email);
      expect(stored.status).toBe("PUBLISHED");
      expect(await suite.database.db.ideaEvent.count({ where: { ideaId } })).toBe(3);
      expect(stored.attachments.map((f) => [f.name, f.contentType, f.size])).toEqual([["plan-de-negocio.pdf", "application/pdf", PDF_BYTES.length]]);

      expect(problems).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "without JavaScript: the same forms publish an idea with a PNG, and a short title gets a field error",
    async () => {
      const { page, problems } = await openPage({ javaScriptEnabled: false });
      const user = uniqueUser();
      await register(page, user, { javaScript: false });
      // Really no JavaScript: the server-rendered page was never hydrated.
      expect(await page.evaluate(() => Object.keys(document.querySelector("main")!).some((k) => k.startsWith("__react")))).toBe(false);

      const idea = ideaInput({ sector: "TIC", files: [path.join(fixtures, "boceto.png")] });
      const { sentAs } = await sendIdea(page, idea);
      expect(sentAs).toBe("document");
      expect(await textOf(page, "h1")).toBe(idea.title);
      expect(await textOf(page, "[role=status]")).toBe("Tu idea quedó enviada a revisión. La Secretaría la revisará antes de publicarla.");
      const href = await page.getByRole("link", { name: "boceto.png" }).getAttribute("href");
      expect(href).toMatch(/^\/archivos\/[0-9a-f-]{36}$/);
      const download = await page.request.get(url(href!));
      expect(download.status()).toBe(200);
      expect(download.headers()["content-type"]).toMatch(/^image\/png\b/);
      expect(Buffer.compare(await download.body(), PNG_BYTES)).toBe(0);

      // A title under 5 characters: the server answers with the form again, the error by the field.
      const author = await suite.database.db.user.findUniqueOrThrow({ where: { email: user.email } });
      const countIdeas = () => suite.database.db.idea.count({ where: { authorId: author.id } });
      const countFiles = () => suite.database.db.storedFile.count({ where: { uploadedById: author.id } });
      expect(await countIdeas()).toBe(1);
      expect(await countFiles()).toBe(1);

      await page.goto(url("/ideas/nueva"));
      const invalid = ideaInput({ title: "Mue", files: [path.join(fixtures, "boceto.png")] });
      await fillIdeaForm(page, invalid);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/ideas/nueva"),
        page.getByRole("button", { name: "Enviar a revisión", exact: true }).click(),
      ]);
      expect(response.status()).toBe(400);
      await page.waitForLoadState("domcontentloaded");
      expect(new URL(page.url()).pathname).toBe("/ideas/nueva");

      const titleError = page.locator("#field-title-error");
      expect(await titleError.count()).toBe(1);
      const errorText = ((await titleError.textContent()) ?? "").trim();
      expect(errorText.length).toBeGreaterThan(0);
      expect(errorText).toMatch(/5/); // the minimum length, in a Spanish sentence
      expect(errorText).not.toMatch(/\b(string|too small|expected)\b/i); // not a raw zod message
      const titleInput = page.getByLabel("Título");
      expect(await titleInput.getAttribute("aria-invalid")).toBe("true");
      expect(await titleInput.getAttribute("aria-describedby")).toContain("field-title-error");
      // The error summary links to the field, and what was typed is kept.
      expect(await page.locator(".error-summary a[href='#field-title']").count()).toBe(1);
      expect(await titleInput.inputValue()).toBe("Mue");
      expect(await page.getByLabel("Resumen").inputValue()).toBe(invalid.summary);
      // Only the title is wrong.
      expect(await page.locator(".field.has-error").count()).toBe(1);
      await page.screenshot({ path: path.join(SCREENSHOTS, "ideas-nueva-error-sin-js.png"), fullPage: true });

      // Nothing was created, not even the attachment.
      expect(await countIdeas()).toBe(1);
      expect(await countFiles()).toBe(1);

      // Chromium logs the form's 400 answer as a failed resource; that one is expected.
      expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "keyboard and language: the first Tab reaches the skip link, which moves focus to the content",
    async () => {
      const { page, problems } = await openPage();
      await page.goto(url("/ideas"));
      await waitForHydration(page);
      expect(await page.locator("html").getAttribute("lang")).toBe("es-CO");

      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const box = el?.getBoundingClientRect();
        return {
          tag: el?.tagName,
          text: el?.textContent?.trim(),
          href: el?.getAttribute("href"),
          visible: box ? box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight : false,
        };
      });
      expect(focused).toEqual({ tag: "A", text: "Saltar al contenido", href: "#contenido", visible: true });

      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.id === "contenido");
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("MAIN");

      expect(problems).toEqual([]);
    },
    TEST_MS,
  );
});
