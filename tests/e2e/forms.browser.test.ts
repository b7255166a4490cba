/**
 * First use of the forms with JavaScript on, in a real Chromium: where focus goes after a failed
 * submit and after a navigation, what the error summary says and does, and attachments that are
 * too large refused in the browser before any upload.
 */
import { mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, focusedElement, registerEntrepreneur, useBrowserSuite, waitForHydration } from "./browser-suite";

const TEST_MS = 60_000;
const MEGABYTE = 1024 * 1024;

const suite = useBrowserSuite();
let fixtures: string;

beforeAll(async () => {
  fixtures = await mkdtemp(path.join(os.tmpdir(), "cocrea-e2e-forms-"));
});

afterAll(async () => {
  if (fixtures) await rm(fixtures, { recursive: true, force: true });
});

/** A file of `bytes` on disk, sparse: the browser reads only its declared size, instantly. */
async function sparseFile(name: string, bytes: number): Promise<string> {
  const file = path.join(fixtures, name);
  await writeFile(file, "%PDF-1.4\n");
  await truncate(file, bytes);
  return file;
}

/** What the error summary shows: its title and the text of each link, with where it points. */
function summaryOf(page: Page) {
  return page.evaluate(() => {
    const summary = document.querySelector(".error-summary");
    return summary
      ? {
          title: summary.querySelector("h2")?.textContent?.trim(),
          links: [...summary.querySelectorAll("a")].map((a) => `${a.getAttribute("href")} ${a.textContent?.trim()}`),
        }
      : null;
  });
}

describe("forms in a real browser, with JavaScript", () => {
  it(
    "an empty sign-in: the summary, focused, is titled as a summary and links each field's own error",
    async () => {
      const { page, problems } = await suite.openPage();
      await page.goto(suite.url("/ingresar"));
      await waitForHydration(page);
      await page.getByRole("button", { name: "Ingresar", exact: true }).click();
      await page.locator(".error-summary").waitFor();

      expect(await summaryOf(page)).toEqual({
        title: "Revisa los campos marcados",
        links: ["#field-email Correo electrónico: Este campo es obligatorio.", "#field-password Contraseña: Este campo es obligatorio."],
      });
      expect(await page.locator("#field-email-error").textContent()).toBe("Este campo es obligatorio.");
      // Focus went to the summary, so a screen reader reads it first.
      await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
      expect(await axeViolations(page)).toEqual([]);
      expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "a summary link moves focus to its field and every error stays on the page",
    async () => {
      const { page } = await suite.openPage();
      await page.goto(suite.url("/registro"));
      await waitForHydration(page);
      await page.getByLabel("Nombre completo").fill("Ana María Rueda");
      await page.getByRole("button", { name: "Crear cuenta" }).click();
      await page.locator(".error-summary").waitFor();
      const before = await summaryOf(page);
      expect(before?.links.some((link) => link.startsWith("#field-email "))).toBe(true);
      const fieldErrors = await page.locator(".field .error").count();
      expect(fieldErrors).toBeGreaterThanOrEqual(2);

      await page.locator(".error-summary a[href='#field-email']").click();
      await page.waitForFunction(() => document.activeElement?.id === "field-email");
      // Give a navigation, if one had started, the time to wipe the answer.
      await page.waitForTimeout(300);
      expect(await focusedElement(page)).toMatchObject({ tag: "INPUT", id: "field-email" });
      expect(await summaryOf(page)).toEqual(before);
      expect(await page.locator(".field .error").count()).toBe(fieldErrors);
      expect(await page.getByLabel("Nombre completo").inputValue()).toBe("Ana María Rueda");
      const box = await page.locator("#field-email").boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    },
    TEST_MS,
  );

  it(
    "controls carry the schema's limits, and the server's field errors come back in the page's language",
    async () => {
      const { page, problems } = await suite.openPage({ locale: "en-US" });
      await page.goto(suite.url("/registro"));
      await waitForHydration(page);
      const password = page.getByLabel("Password");
      // The limits on the control are the schema's, not restated in the markup.
      expect(await password.getAttribute("minlength")).toBe("10");
      expect(await password.getAttribute("maxlength")).toBe("128");

      await page.getByLabel("Full name").fill("Ann Example");
      await page.getByLabel("Email").fill(`short-${Date.now()}@example.com`);
      await password.fill("corta");
      await page.getByRole("button", { name: "Create account" }).click();
      const error = page.locator("#field-password-error");
      await error.waitFor();
      expect(await error.textContent()).toBe("The password must be at least 10 characters.");
      expect(await password.getAttribute("aria-invalid")).toBe("true");
      await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
      // The refused submission answers 400 on purpose; Chromium logs that as a failed resource.
      expect(problems.filter((problem) => !problem.includes("status of 400"))).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "a refusal only the server knows (the email is taken) reaches the field and the focused summary",
    async () => {
      const { page: first } = await suite.openPage();
      const taken = await registerEntrepreneur(suite, first);
      const { page, problems } = await suite.openPage();
      await page.goto(suite.url("/registro"));
      await waitForHydration(page);
      await page.getByLabel("Nombre completo").fill("Otra Persona");
      await page.getByLabel("Correo electrónico").fill(taken.email);
      await page.getByLabel("Contraseña").fill("Otra-Clave-Del-Rio-2026");
      await page.getByRole("button", { name: "Crear cuenta" }).click();
      const error = page.locator("#field-email-error");
      await error.waitFor();
      expect(await error.textContent()).toBe("Ya existe una cuenta con este correo.");
      await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
      expect((await summaryOf(page))?.links).toEqual(["#field-email Correo electrónico: Ya existe una cuenta con este correo."]);
      // What was typed stays, except the password.
      expect(await page.getByLabel("Nombre completo").inputValue()).toBe("Otra Persona");
      expect(problems.filter((p) => !p.includes("status of 409"))).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "after a client-side navigation focus is on the new page's main heading, not left behind",
    async () => {
      const { page } = await suite.openPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(suite.url("/"));
      await waitForHydration(page);
      // A link inside the page…
      await page.getByRole("main").getByRole("link", { name: "Explorar ideas" }).click();
      await page.waitForURL((u) => u.pathname === "/ideas");
      await page.waitForFunction(() => document.activeElement?.tagName === "H1");
      expect(await focusedElement(page)).toMatchObject({ tag: "H1", text: "Ideas" });

      // …and one in the header, which stays on screen (and would otherwise keep focus).
      await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Convocatorias" }).click();
      await page.waitForURL((u) => u.pathname === "/convocatorias");
      await page.waitForFunction(() => document.activeElement?.tagName === "H1");
      expect(await focusedElement(page)).toMatchObject({ tag: "H1", text: "Convocatorias" });
    },
    TEST_MS,
  );

  it(
    "an 11 MB PDF is refused in the browser at once, on the field and in the summary, and nothing is sent",
    async () => {
      const { page } = await suite.openPage();
      await registerEntrepreneur(suite, page);
      await waitForHydration(page);
      const posts: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST") posts.push(request.url());
      });
      await page.getByLabel("Título").fill("Muelle solar para lanchas");
      await page.getByLabel("Resumen").fill("Un muelle con paneles solares que carga las lanchas del río.");

      const large = await sparseFile("informe-final.pdf", 11 * MEGABYTE);
      const chosen = Date.now();
      await page.getByLabel("Adjuntos").setInputFiles(large);
      const fieldError = page.locator("#field-attachments-error");
      await fieldError.waitFor({ timeout: 2_000 });
      const message = "El archivo «informe-final.pdf» supera el máximo de 10 MB.";
      expect(await fieldError.textContent()).toBe(message);
      expect(Date.now() - chosen).toBeLessThan(2_000);
      expect(await page.getByLabel("Adjuntos").getAttribute("aria-invalid")).toBe("true");
      // While choosing files the summary does not take focus: it stays where the person was.
      expect(await focusedElement(page)).toMatchObject({ id: "field-summary" });
      expect(await page.locator(".error-summary").textContent()).toContain(message);

      await page.getByRole("button", { name: "Enviar a revisión" }).click();
      await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
      const summary = await summaryOf(page);
      expect(summary?.links).toEqual([`#field-attachments Adjuntos (opcional): ${message}`]);
      expect(posts).toEqual([]);
      expect(await page.getByLabel("Título").inputValue()).toBe("Muelle solar para lanchas");
      expect(new URL(page.url()).pathname).toBe("/ideas/nueva");

      // A file within the limits clears its error.
      await page.getByLabel("Adjuntos").setInputFiles({ name: "boceto.png", mimeType: "image/png", buffer: Buffer.alloc(1024, 1) });
      await fieldError.waitFor({ state: "detached" });
      const after = await summaryOf(page);
      expect(after?.links.filter((link) => link.startsWith("#field-attachments ")) ?? []).toEqual([]);
    },
    TEST_MS,
  );
});
