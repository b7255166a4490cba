/**
 * An idea's whole life in a real Chromium, with JavaScript and without it: an academia account
 * drafts an idea and sends it to review; the Secretariat asks for changes with a reason (through
 * the one status writer its console uses); the author reads the reason on the idea's page, edits
 * the idea and sends it again; the Secretariat publishes it; anyone finds it on /ideas by
 * searching without accents. "Mis ideas" follows it along the way.
 */
import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { IdeaStatus } from "../../server/db/generated/enums";
import { changeIdeaStatus } from "../../server/idea/transitions";
import { createUser } from "../support/callers";
import { uniqueUser, useBrowserSuite, waitForHydration } from "./browser-suite";

const TEST_MS = 120_000;
/** Screenshots for a human to look at (gitignored). */
const SCREENSHOTS = path.resolve(import.meta.dirname, "..", "..", "test-results", "e2e");
const suite = useBrowserSuite();

async function screenshot(page: Page, name: string) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A letters-only word no other idea has, which Spanish stemming leaves recognizable. */
const uniqueWord = () =>
  `zafra${randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 6)}`;

async function decide(ideaId: string, to: IdeaStatus, reason?: string) {
  const { db } = suite.database;
  const secretariat = await createUser(db, "SECRETARIAT");
  await changeIdeaStatus(db, { ideaId, to, reason, actor: { id: secretariat.id, role: "SECRETARIAT", memberships: new Map() } });
}

async function registerAcademia(page: Page, javaScript: boolean) {
  const user = uniqueUser();
  await page.goto(suite.url("/registro"));
  if (javaScript) await waitForHydration(page);
  await page.getByLabel("Nombre completo").fill(user.name);
  await page.getByLabel("Correo electrónico").fill(user.email);
  await page.getByLabel("Contraseña").fill(user.password);
  await page.getByRole("radio", { name: "Academia" }).check();
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  // Academia lands on the optional "set up your organization" step.
  await page.waitForURL((u) => u.pathname === "/bienvenida/organizacion");
  return user;
}

async function statusText(page: Page) {
  return ((await page.locator("[role=status]").first().textContent()) ?? "").trim();
}

/** The state badge of the idea's page, as a screen reader reads it. */
async function stateOf(page: Page) {
  return ((await page.locator("article .tag.status").first().textContent()) ?? "").trim();
}

/** What the idea's page announces after each of its forms (`?aviso=`). */
const NOTICES = {
  borrador: "Guardamos tu borrador. Solo lo ven tú y tus coautores hasta que lo envíes a revisión.",
  enviada: "Tu idea quedó enviada a revisión. La Secretaría la revisará antes de publicarla.",
  guardada: "Guardamos los cambios.",
  invitada: "Enviamos la invitación. La persona la verá en «Mis ideas».",
} as const;

/**
 * Presses a button and waits for the idea page the action redirects to, until it shows the
 * notice: with JavaScript the page renders a moment after the address changes.
 */
async function pressAndWait(page: Page, name: string, notice: keyof typeof NOTICES, path?: string) {
  await page.getByRole("button", { name, exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get("aviso") === notice && (!path || u.pathname === path));
  await page.getByRole("status").filter({ hasText: NOTICES[notice] }).waitFor();
}

describe("an idea's lifecycle in a real browser", () => {
  for (const javaScript of [true, false]) {
    it(
      `${javaScript ? "with" : "without"} JavaScript: draft, review, changes requested, edit, resubmit, publication, search`,
      async () => {
        const { page, problems } = await suite.openPage({ javaScriptEnabled: javaScript });
        const ready = async () => {
          if (javaScript) await waitForHydration(page);
        };
        await registerAcademia(page, javaScript);
        const word = uniqueWord();
        const title = `Riego para la Ciénaga ${word}`;

        // The header leads to "Mis ideas"; from there to the form.
        await page.getByRole("link", { name: "Mis ideas" }).first().click();
        await page.waitForURL((u) => u.pathname === "/mis-ideas");
        // A client-side navigation renders a moment after the address changes.
        await page.getByText("Aún no tienes ideas. Propón la primera.").waitFor();
        await page.goto(suite.url("/ideas/nueva"));
        await ready();
        await page.getByLabel("Título").fill(title);
        await page.getByLabel("Resumen").fill("Bombas solares que llevan agua de la ciénaga a las parcelas de la vereda.");
        await page.getByLabel("Problema").fill("En la sequía las familias pierden la cosecha porque no pueden regar.");
        await page.getByLabel("Solución propuesta").fill("Bombas con paneles solares y mangueras compartidas por turnos.");
        await page.getByLabel("Sector").selectOption({ label: "Agroindustria" });
        await pressAndWait(page, "Guardar borrador", "borrador");
        const ideaId = new URL(page.url()).pathname.split("/").pop()!;
        expect(await statusText(page)).toBe("Guardamos tu borrador. Solo lo ven tú y tus coautores hasta que lo envíes a revisión.");
        expect(await stateOf(page)).toBe("Estado: Borrador");

        // From the idea's page, to review.
        await ready();
        await pressAndWait(page, "Enviar a revisión", "enviada");
        expect(await stateOf(page)).toBe("Estado: En revisión");
        expect(await page.getByRole("link", { name: "Editar idea" }).count()).toBe(0);

        // The Secretariat asks for changes; the author reads why, first thing on the page.
        const reason = "Digan cuántas familias usarían las bombas y quién las mantendría.";
        await decide(ideaId, "CHANGES_REQUESTED", reason);
        await page.goto(suite.url(`/ideas/${ideaId}`));
        await ready();
        expect(await stateOf(page)).toBe("Estado: Con cambios solicitados");
        const decision = page.locator("section.decision");
        expect(await decision.getByRole("heading", { name: "La Secretaría pidió cambios" }).count()).toBe(1);
        expect(((await decision.locator("blockquote").textContent()) ?? "").trim()).toBe(reason);
        // The history tells the same, with the state change.
        const history = page.locator("section.history");
        expect(await history.getByText("Pasó de «En revisión» a «Con cambios solicitados».").count()).toBe(1);
        if (javaScript) await screenshot(page, "idea-cambios-solicitados");

        // Edit, and send it again in the same step.
        await page.getByRole("link", { name: "Editar idea" }).click();
        await page.waitForURL((u) => u.pathname === `/ideas/${ideaId}/editar`);
        await ready();
        expect(await page.getByLabel("Título").inputValue()).toBe(title);
        if (javaScript) await screenshot(page, "idea-editar");
        await page.getByLabel("Resumen").fill("Bombas solares para 40 familias, mantenidas por la junta de acción comunal.");
        await pressAndWait(page, "Guardar y enviar a revisión", "enviada", `/ideas/${ideaId}`);
        expect(await stateOf(page)).toBe("Estado: En revisión");
        expect(await page.getByText("Bombas solares para 40 familias, mantenidas por la junta de acción comunal.").count()).toBe(1);
        // Under review it cannot be edited: the edit page says why.
        await page.goto(suite.url(`/ideas/${ideaId}/editar`));
        expect(await page.getByText("Esta idea está «En revisión». Solo se edita en borrador o cuando la Secretaría pide cambios.").count()).toBe(1);

        // Published, anyone finds it without typing the accent.
        await decide(ideaId, "PUBLISHED");
        const visitor = await suite.openPage({ javaScriptEnabled: javaScript });
        await visitor.page.goto(suite.url("/ideas"));
        if (javaScript) await waitForHydration(visitor.page);
        await visitor.page.getByLabel("Buscar").fill(`cienaga ${word}`);
        await visitor.page.getByRole("button", { name: "Aplicar filtros" }).click();
        await visitor.page.waitForURL((u) => u.searchParams.get("q") === `cienaga ${word}`);
        const card = visitor.page.getByRole("link", { name: title });
        await card.waitFor();
        expect(await card.getAttribute("href")).toBe(`/ideas/${ideaId}`);
        expect(await visitor.page.locator(".idea-card .tag.status").first().textContent()).toBe("Estado: Publicada");
        // The public sees neither the history nor the author's controls.
        await card.click();
        await visitor.page.waitForURL((u) => u.pathname === `/ideas/${ideaId}`);
        await visitor.page.getByRole("heading", { level: 1, name: title }).waitFor();
        expect(await visitor.page.locator("section.history").count()).toBe(0);
        expect(await visitor.page.getByRole("button", { name: "Retirar de revisión" }).count()).toBe(0);

        // "Mis ideas" shows the state and what comes next.
        await page.goto(suite.url("/mis-ideas"));
        const row = page.locator(".rows li", { hasText: title });
        expect(await row.locator(".tag.status").textContent()).toBe("Estado: Publicada");
        expect(await row.getByText("Está publicada: cualquier persona puede verla.").count()).toBe(1);
        if (javaScript) await screenshot(page, "mis-ideas");

        expect(problems).toEqual([]);
        expect(visitor.problems).toEqual([]);
      },
      TEST_MS,
    );
  }
});

describe("co-authors in a real browser", () => {
  for (const javaScript of [true, false]) {
    it(
      `${javaScript ? "with" : "without"} JavaScript: invite by email, accept from "Mis ideas", edit as a co-author, leave`,
      async () => {
        const { db } = suite.database;
        const author = await suite.openPage({ javaScriptEnabled: javaScript });
        const invitee = await suite.openPage({ javaScriptEnabled: javaScript });
        const ready = async (page: Page) => {
          if (javaScript) await waitForHydration(page);
        };
        await registerAcademia(author.page, javaScript);
        const guest = await registerAcademia(invitee.page, javaScript);
        const title = `Biblioteca fluvial ${uniqueWord()}`;
        await author.page.goto(suite.url("/ideas/nueva"));
        await ready(author.page);
        await author.page.getByLabel("Título").fill(title);
        await author.page.getByLabel("Resumen").fill("Una lancha con libros que visita las veredas del río cada semana.");
        await author.page.getByLabel("Problema").fill("Las veredas ribereñas no tienen biblioteca ni señal de internet.");
        await author.page.getByLabel("Solución propuesta").fill("Una lancha biblioteca con ruta fija, préstamos y lectura en voz alta.");
        await author.page.getByLabel("Sector").selectOption({ label: "Educación" });
        await pressAndWait(author.page, "Guardar borrador", "borrador");
        const ideaId = new URL(author.page.url()).pathname.split("/").pop()!;

        // An email nobody registered: the error is on the field, what was typed stays.
        await ready(author.page);
        await author.page.getByLabel("Correo de la persona").fill("nadie-registrado@example.co");
        await author.page.getByRole("button", { name: "Invitar", exact: true }).click();
        const fieldError = author.page.locator("#field-email-error");
        await fieldError.waitFor();
        expect(((await fieldError.textContent()) ?? "").trim()).toBe("No hay una cuenta registrada con ese correo. Pídele que cree una y vuelve a invitarla.");
        expect(await author.page.getByLabel("Correo de la persona").getAttribute("aria-invalid")).toBe("true");
        expect(await author.page.getByLabel("Correo de la persona").inputValue()).toBe("nadie-registrado@example.co");

        await author.page.getByLabel("Correo de la persona").fill(guest.email.toUpperCase());
        await pressAndWait(author.page, "Invitar", "invitada");
        expect(await author.page.getByLabel("Correo de la persona").inputValue()).toBe("");
        expect(await author.page.locator(".people li", { hasText: guest.name }).getByText("invitación pendiente").count()).toBe(1);
        if (javaScript) await screenshot(author.page, "idea-coautores");

        // The invited person answers from "Mis ideas" and lands on the idea as a co-author.
        await invitee.page.goto(suite.url("/mis-ideas"));
        await ready(invitee.page);
        const invitation = invitee.page.locator("section.panel li", { hasText: title });
        expect(await invitation.getByText(/^Te invitó /).count()).toBe(1);
        await invitation.getByRole("button", { name: `Aceptar la invitación a «${title}»` }).click();
        await invitee.page.waitForURL((u) => u.pathname === `/ideas/${ideaId}` && u.searchParams.get("aviso") === "aceptada");
        await invitee.page.getByRole("heading", { level: 1, name: title }).waitFor();
        expect(await statusText(invitee.page)).toBe("Ahora eres coautor(a) de esta idea.");

        // As a co-author they edit the draft.
        await invitee.page.getByRole("link", { name: "Editar idea" }).click();
        await invitee.page.waitForURL((u) => u.pathname === `/ideas/${ideaId}/editar`);
        await ready(invitee.page);
        await invitee.page.getByLabel("Resumen").fill("Una lancha con libros y tabletas que visita seis veredas del río cada semana.");
        await pressAndWait(invitee.page, "Guardar", "guardada");
        const stored = await db.idea.findUniqueOrThrow({ where: { id: ideaId } });
        expect(stored.summary).toBe("Una lancha con libros y tabletas que visita seis veredas del río cada semana.");
        expect(stored.status).toBe("DRAFT");

        // …and leave it, which takes them back to their list.
        await ready(invitee.page);
        await invitee.page.getByRole("button", { name: "Dejar de ser coautor(a)" }).click();
        await invitee.page.waitForURL((u) => u.pathname === "/mis-ideas" && u.searchParams.get("aviso") === "saliste");
        expect(await db.ideaCoauthor.count({ where: { ideaId } })).toBe(0);

        // Chromium logs the refused invitation's 400 answer as a failed resource; that one is expected.
        expect(author.problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
        expect(invitee.problems).toEqual([]);
      },
      TEST_MS,
    );
  }
});
