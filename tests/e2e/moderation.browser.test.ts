/**
 * Reports and moderation in a real Chromium against the real server: three people report an
 * idea through its page (with and without JavaScript) and it leaves the public list; the
 * Secretariat finds it in /moderacion and restores it; a decision without its required reason is
 * answered next to the field. Screenshots land in test-results/e2e/.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { BrowserContextOptions, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../server/audit/service";
import type { Role } from "../../server/db/generated/enums";
import { createUser } from "../support/callers";
import { createIdeaIn } from "../support/ideas";
import { LOCALE_COOKIE } from "../../server/i18n/locale";
import { axeViolations, useBrowserSuite, waitForHydration, signedIn as signedInAs } from "./browser-suite";

const SCREENSHOTS = path.resolve(import.meta.dirname, "..", "..", "test-results", "e2e");
const TEST_MS = 120_000;

const suite = useBrowserSuite();

beforeAll(() => mkdir(SCREENSHOTS, { recursive: true }));

const signedIn = (role: Role, options: BrowserContextOptions = {}) => signedInAs(suite, role, options);

async function heading(page: Page, text: string) {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor();
}

async function publicListHas(page: Page, title: string): Promise<boolean> {
  await page.goto(suite.url("/ideas"));
  await heading(page, "Ideas");
  return (await page.getByRole("link", { name: title, exact: true }).count()) === 1;
}

/** Opens the idea's report disclosure, chooses a reason, optionally writes details, and sends it. */
async function report(page: Page, ideaId: string, reason: string, details?: string) {
  await page.goto(suite.url(`/ideas/${ideaId}`));
  await page.getByText("Reportar esta idea", { exact: true }).click();
  await page.getByRole("radio", { name: reason }).check();
  if (details !== undefined) await page.getByLabel("Cuéntanos más").fill(details);
  await page.getByRole("button", { name: "Enviar reporte" }).click();
}

describe("reports and moderation in a real browser", () => {
  it(
    "three reports hide an idea from /ideas; the Secretariat sees it in /moderacion and restores it",
    async () => {
      const { db } = suite.database;
      const author = await createUser(db, "ENTREPRENEUR");
      const idea = await createIdeaIn(db, author.id, "PUBLISHED", { title: "Venta de rifas para el comedor escolar del barrio" });
      const visitor = await suite.openPage();
      expect(await publicListHas(visitor.page, idea.title)).toBe(true);

      // 1. With JavaScript: back on the idea's page, which thanks them in place of the form.
      const first = await signedIn("ENTREPRENEUR");
      await first.page.goto(suite.url(`/ideas/${idea.id}`));
      await waitForHydration(first.page);
      await report(first.page, idea.id, "Spam o publicidad");
      await first.page.waitForURL((u) => u.pathname === `/ideas/${idea.id}` && u.searchParams.get("reporte") === "enviado");
      await first.page.getByRole("status").filter({ hasText: "Gracias. Recibimos tu reporte" }).waitFor();
      expect(await first.page.getByText("Reportar esta idea", { exact: true }).count()).toBe(0);

      // 2. Without JavaScript: "Otro motivo" without details is answered next to the field, then sent.
      const second = await signedIn("ACADEMIA", { javaScriptEnabled: false });
      await report(second.page, idea.id, "Otro motivo");
      await second.page.waitForURL((u) => u.pathname === `/ideas/${idea.id}/reportar`);
      await heading(second.page, "Reportar idea");
      const detailsError = second.page.locator("#field-details-error");
      expect((await detailsError.textContent())?.trim()).toBe("Cuéntanos qué pasa: con el motivo «Otro» la descripción es obligatoria.");
      expect(await second.page.getByLabel("Cuéntanos más").getAttribute("aria-invalid")).toBe("true");
      expect(await second.page.getByRole("radio", { name: "Otro motivo" }).isChecked()).toBe(true);
      await second.page.screenshot({ path: path.join(SCREENSHOTS, "reportar-error-sin-js.png"), fullPage: true });
      await second.page.getByLabel("Cuéntanos más").fill("Es una rifa: no es una idea de innovación.");
      await second.page.getByRole("button", { name: "Enviar reporte" }).click();
      await second.page.waitForURL((u) => u.pathname === `/ideas/${idea.id}`);
      expect(await db.ideaReport.count({ where: { ideaId: idea.id } })).toBe(2);
      expect(await publicListHas(visitor.page, idea.title)).toBe(true);

      // 3. The third report hides it: the reporter is thanked on the report page, the idea is gone.
      const third = await signedIn("COMPANY");
      await report(third.page, idea.id, "Fuera de tema");
      await third.page.waitForURL((u) => u.pathname === `/ideas/${idea.id}/reportar`);
      await third.page.getByRole("status").filter({ hasText: "Gracias. Recibimos tu reporte" }).waitFor();
      expect(await publicListHas(visitor.page, idea.title)).toBe(false);
      const gone = await visitor.page.goto(suite.url(`/ideas/${idea.id}`));
      expect(gone?.status()).toBe(404);

      // The Secretariat: the header links to /moderacion, whose "Reportadas" tab counts it.
      const secretariat = await signedIn("SECRETARIAT");
      const { page } = secretariat;
      await page.goto(suite.url("/"));
      // A client-side navigation: the moderation words (the "gestion" copy area) load with the page's data.
      await waitForHydration(page);
      await page.getByRole("link", { name: "Moderación", exact: true }).click();
      await heading(page, "Moderación");
      await waitForHydration(page);
      await page.getByRole("link", { name: "Reportadas (1)" }).click();
      await page.waitForURL((u) => u.searchParams.get("cola") === "reported");
      const item = page.locator("ol.queue > li").filter({ hasText: idea.title });
      await item.waitFor();
      expect(await item.locator(".tag.status").textContent()).toBe("Estado: Oculta");
      expect(await item.getByText("3 reportes pendientes: Spam o publicidad (1), Fuera de tema (1), Otro motivo (1)").count()).toBe(1);
      expect(await item.getByText(/^Primer reporte pendiente hace \d+ minutos?$/).count()).toBe(1);
      await page.screenshot({ path: path.join(SCREENSHOTS, "moderacion-reportadas.png"), fullPage: true });

      await item.getByRole("button", { name: "Descartar reportes y restaurar la idea" }).click();
      await page.getByRole("status").filter({ hasText: "Reportes descartados. La idea está «Publicada»." }).waitFor();
      expect(await page.getByRole("link", { name: "Reportadas (0)" }).count()).toBe(1);
      expect(await publicListHas(visitor.page, idea.title)).toBe(true);
      expect(await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).toMatchObject({ status: "PUBLISHED", hiddenFromStatus: null });

      // The audit log tells the story, newest first.
      await page.goto(suite.url(`/moderacion/auditoria?subjectId=${idea.id}`));
      await heading(page, "Registro de auditoría");
      const actions = await page.locator("table.audit tbody tr td:nth-child(3)").allTextContents();
      expect(actions).toEqual(["Reportes descartados", "Cambio de estado de una idea", "Idea ocultada automáticamente por reportes"]);
      expect(await page.locator("table.audit tbody tr").first().getByText("Estado: Oculta → Publicada").count()).toBe(1);
      await page.screenshot({ path: path.join(SCREENSHOTS, "moderacion-auditoria.png"), fullPage: true });

      for (const opened of [visitor, first, second, third, secretariat]) {
        // Chromium logs the 400 and 404 answers the steps above expect as failed resources.
        expect(opened.problems.filter((p) => !/status of (400|404)/.test(p))).toEqual([]);
      }
    },
    TEST_MS,
  );

  it(
    "without JavaScript, a decision without its required reason is answered next to the field, and then recorded",
    async () => {
      const { db } = suite.database;
      const author = await createUser(db, "COMPANY");
      const idea = await createIdeaIn(db, author.id, "SUBMITTED", { title: "Taller de reparación de motores fuera de borda" });
      const { page, problems } = await signedIn("SECRETARIAT", { javaScriptEnabled: false });
      await page.goto(suite.url("/moderacion"));
      await heading(page, "Moderación");
      const item = page.locator("ol.queue > li").filter({ hasText: idea.title });
      expect(await item.getByText(/^Enviada a revisión hace \d+ minutos?$/).count()).toBe(1);

      await item.getByRole("radio", { name: "Solicitar cambios" }).check();
      await item.getByRole("button", { name: "Registrar decisión" }).click();
      await page.waitForLoadState("domcontentloaded");
      const again = page.locator("ol.queue > li").filter({ hasText: idea.title });
      const reason = again.getByLabel("Motivo", { exact: true });
      expect(await reason.getAttribute("aria-invalid")).toBe("true");
      expect((await page.locator(`#field-decision-${idea.id}-reason-error`).textContent())?.trim()).toBe("Explica el motivo: la persona autora lo verá.");
      expect(await again.getByRole("radio", { name: "Solicitar cambios" }).isChecked()).toBe(true);
      await page.screenshot({ path: path.join(SCREENSHOTS, "moderacion-error-sin-js.png"), fullPage: true });

      await reason.fill("Cuenta quién haría el mantenimiento y con qué herramientas.");
      await again.getByRole("button", { name: "Registrar decisión" }).click();
      await page.getByRole("status").filter({ hasText: "Decisión registrada. La idea ahora está «Con cambios solicitados»." }).waitFor();
      expect(await page.locator("ol.queue > li").filter({ hasText: idea.title }).count()).toBe(0);
      const history = await db.ideaEvent.findMany({ where: { ideaId: idea.id, kind: "TRANSITION" } });
      expect(history).toMatchObject([{ toStatus: "CHANGES_REQUESTED", reason: "Cuenta quién haría el mantenimiento y con qué herramientas." }]);

      // Someone who is not the Secretariat gets a 403 page; a visitor is sent to sign in first.
      const other = await signedIn("ENTREPRENEUR", { javaScriptEnabled: false });
      const refused = await other.page.goto(suite.url("/moderacion"));
      expect(refused?.status()).toBe(403);
      await heading(other.page, "No tienes acceso a esta página");
      const visitor = await suite.openPage({ javaScriptEnabled: false });
      await visitor.page.goto(suite.url("/moderacion/auditoria"));
      expect(new URL(visitor.page.url()).pathname).toBe("/ingresar");
      expect(new URL(visitor.page.url()).searchParams.get("redirectTo")).toBe("/moderacion/auditoria");

      expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "axe finds nothing on the moderation pages with items, reports, entries and errors in them, in Spanish and English",
    async () => {
      const { db } = suite.database;
      const author = await createUser(db, "ACADEMIA");
      await createIdeaIn(db, author.id, "SUBMITTED", { title: "Huerta hidropónica en la azotea del colegio" });
      const reported = await createIdeaIn(db, author.id, "PUBLISHED", { title: "Mapa de puntos de reciclaje por comuna" });
      for (const reason of ["SPAM", "OTHER"] as const) {
        const reporter = await createUser(db, "COMPANY");
        await db.ideaReport.create({ data: { ideaId: reported.id, reporterId: reporter.id, reason, details: reason === "OTHER" ? "Datos de contacto de un tercero." : null } });
      }
      // Entries of every shape the log shows: the platform, a person, reasons and states.
      await recordAudit(db, { actorId: null, action: "idea.autoHide", subjectType: "Idea", subjectId: reported.id, reason: "Oculta automáticamente.", before: { status: "PUBLISHED" }, after: { status: "HIDDEN" } });
      await recordAudit(db, {
        actorId: author.id,
        action: "report.dismiss",
        subjectType: "Idea",
        subjectId: reported.id,
        before: { status: "HIDDEN", openReports: 3, reasons: { SPAM: 2, OTHER: 1 } },
        after: { status: "PUBLISHED", reports: "DISMISSED" },
      });
      const findings: string[] = [];
      for (const locale of ["es", "en"] as const) {
        const secretariat = await signedIn("SECRETARIAT", { locale: locale === "es" ? "es-CO" : "en-US" });
        await secretariat.context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: suite.url("/") }]);
        const { page } = secretariat;
        const audit = async (label: string) => findings.push(...(await axeViolations(page)).map((v) => `${locale} ${label}: ${v}`));
        for (const path of ["/moderacion", "/moderacion?cola=reported", `/moderacion/ideas/${reported.id}`, `/ideas/${reported.id}`, "/moderacion/auditoria"]) {
          await page.goto(suite.url(path));
          await audit(path);
        }
        // A decision refused next to its field, on the queue page.
        await page.goto(suite.url("/moderacion?cola=reported"));
        await page.locator("ol.queue > li").first().getByRole("button", { name: locale === "es" ? "Confirmar reportes y ocultar la idea" : "Uphold reports and hide the idea" }).click();
        await page.locator(".field.has-error").first().waitFor();
        await audit("refused decision");
        await page.goto(suite.url("/moderacion/auditoria?from=2026-13-40"));
        await audit("refused filter");

        const reporter = await signedIn("ENTREPRENEUR", { locale: locale === "es" ? "es-CO" : "en-US" });
        await reporter.context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: suite.url("/") }]);
        await reporter.page.goto(suite.url(`/ideas/${reported.id}`));
        await reporter.page.locator("details.report-box > summary").click();
        findings.push(...(await axeViolations(reporter.page)).map((v) => `${locale} open report form: ${v}`));
        await reporter.page.locator("details.report-box button[type=submit]").click();
        await reporter.page.waitForURL((u) => u.pathname.endsWith("/reportar"));
        await reporter.page.locator(".error-summary").waitFor();
        findings.push(...(await axeViolations(reporter.page)).map((v) => `${locale} refused report: ${v}`));
      }
      expect(findings).toEqual([]);
    },
    TEST_MS,
  );
});
