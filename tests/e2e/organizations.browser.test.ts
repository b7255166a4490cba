/**
 * Managing organizations in a real Chromium against the real server (issue 9's acceptance test):
 * a university person registers, creates the university (a wrong NIT check digit is answered on
 * the NIT field), adds an offer and invites a colleague by email; the colleague registers with
 * that email and accepts on /mis-organizaciones; the owner asks for verification; the Secretariat
 * rejects without a reason (refused next to the field), then verifies it from /moderacion; an
 * anonymous visitor sees the verified badge on its page. axe checks each page on the way.
 */
import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatNit, nitCheckDigit } from "../../server/organization/nit";
import type { Role } from "../../server/db/generated/enums";
import { PDF_BYTES, PNG_BYTES } from "../files/fixtures";
import { axeViolations, uniqueUser, useBrowserSuite, waitForHydration, signedIn as signedInAs } from "./browser-suite";

const TEST_MS = 180_000;

const suite = useBrowserSuite();

/** A NIT nobody else in this database has, with its right check digit, as Colombians write it. */
function freshNit() {
  const base = String(800_000_000 + Math.floor(Math.random() * 99_999_999));
  const digit = nitCheckDigit(base);
  return { valid: formatNit(`${base}-${digit}`), wrong: formatNit(`${base}-${(digit + 1) % 10}`) };
}

async function register(page: Page, role: "Academia" | "Empresa", email?: string) {
  const user = { ...uniqueUser(), ...(email ? { email } : {}) };
  await page.goto(suite.url("/registro"));
  await waitForHydration(page);
  await page.getByLabel("Nombre completo").fill(user.name);
  await page.getByLabel("Correo electrónico").fill(user.email);
  await page.getByLabel("Contraseña").fill(user.password);
  await page.getByRole("radio", { name: role }).check();
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  // Academia and companies are offered to set up their organization first.
  await page.waitForURL((u) => u.pathname === "/bienvenida/organizacion");
  await page.getByRole("heading", { level: 1, name: "¿Representas a una organización?" }).waitFor();
  return user;
}

const signedIn = (role: Role, options: BrowserContextOptions = {}) => signedInAs(suite, role, options);

async function notice(page: Page, text: string) {
  await page.locator("[role=status]", { hasText: text }).waitFor();
}

async function expectAccessible(page: Page, label: string) {
  expect(await axeViolations(page), label).toEqual([]);
}

describe("managing organizations in a real browser", () => {
  it(
    "a university is created, staffed, verified by the Secretariat and shown verified to visitors",
    async () => {
      const owner = await suite.openPage();
      const colleague = await suite.openPage();
      const name = `Universidad del Magdalena Medio ${Math.random().toString(36).slice(2, 7)}`;
      const nit = freshNit();

      // The owner registers as academia and takes the "create an organization" step.
      await register(owner.page, "Academia");
      await expectAccessible(owner.page, "/bienvenida/organizacion");
      await owner.page.getByRole("link", { name: "Crear una organización" }).click();
      await owner.page.waitForURL((u) => u.pathname === "/organizaciones/nueva");
      await waitForHydration(owner.page);
      const form = owner.page.locator("form#new-org-form");
      await form.getByLabel("Nombre", { exact: false }).first().fill(name);
      await form.getByLabel("Tipo de organización").selectOption("UNIVERSITY");
      await form.getByLabel("NIT").fill(nit.wrong);
      await form.getByLabel("Ciudad").fill("Barrancabermeja");
      await form.getByRole("checkbox", { name: "Educación" }).check();
      await form.getByRole("checkbox", { name: "Energía y petróleo" }).check();
      await form.getByLabel("Descripción").fill("Universidad pública con laboratorios de energía y medio ambiente abiertos a la comunidad.");
      await form.getByRole("button", { name: "Crear organización" }).click();

      // A wrong check digit is answered on the NIT field, with what was typed kept.
      const nitError = owner.page.locator("#field-nit-error");
      await nitError.waitFor();
      expect(await nitError.textContent()).toContain("dígito de verificación");
      expect(await owner.page.getByLabel("NIT").getAttribute("aria-invalid")).toBe("true");
      expect(await owner.page.getByRole("checkbox", { name: "Educación" }).isChecked()).toBe(true);
      await expectAccessible(owner.page, "/organizaciones/nueva with errors");

      await owner.page.getByLabel("NIT").fill(nit.valid);
      await owner.page.getByRole("button", { name: "Crear organización" }).click();
      await owner.page.waitForURL((u) => /^\/organizaciones\/[a-z0-9-]+\/gestionar$/.test(u.pathname));
      const slug = new URL(owner.page.url()).pathname.split("/")[2]!;
      await notice(owner.page, "Creaste la organización");
      await waitForHydration(owner.page);

      // An offer.
      await owner.page.getByLabel("Tipo de oferta").selectOption("LAB");
      await owner.page.getByLabel("Título de la oferta").fill("Laboratorio de calidad del agua");
      await owner.page.getByLabel("Descripción de la oferta").fill("Análisis fisicoquímicos de agua para proyectos de la ciénaga.");
      await owner.page.getByRole("button", { name: "Agregar oferta" }).click();
      await notice(owner.page, "Agregamos la oferta");
      await owner.page.getByText("Laboratorio de calidad del agua", { exact: true }).waitFor();

      // The colleague is invited before having an account.
      const colleagueEmail = uniqueUser().email;
      await owner.page.getByLabel("Correo de la persona").fill(colleagueEmail);
      await owner.page.getByRole("button", { name: "Enviar invitación" }).click();
      await notice(owner.page, "Enviamos la invitación");
      await expectAccessible(owner.page, "/organizaciones/:slug/gestionar");

      // The colleague registers with that email, skips the organization step and accepts on /mis-organizaciones.
      const colleagueUser = await register(colleague.page, "Empresa", colleagueEmail);
      await colleague.page.getByRole("link", { name: "Omitir por ahora" }).click();
      await colleague.page.waitForURL((u) => u.pathname === "/");
      await colleague.page.goto(suite.url("/mis-organizaciones"));
      await waitForHydration(colleague.page);
      await expectAccessible(colleague.page, "/mis-organizaciones with an invitation");
      await colleague.page.getByRole("button", { name: `Aceptar la invitación a ${name}` }).click();
      await notice(colleague.page, "Aceptaste la invitación");
      await colleague.page.getByRole("link", { name, exact: true }).waitFor();
      expect(await colleague.page.getByRole("button", { name: `Salir ${name}` }).count()).toBe(1);

      // The owner sees the new member, and asks for verification.
      await owner.page.goto(suite.url(`/organizaciones/${slug}/gestionar`));
      await waitForHydration(owner.page);
      await owner.page.getByRole("button", { name: `Quitar ${colleagueUser.name}` }).waitFor();
      await owner.page.getByRole("button", { name: "Solicitar verificación" }).click();
      await notice(owner.page, "Solicitaste la verificación");
      await owner.page.getByText("Verificación en revisión", { exact: true }).waitFor();

      // The Secretariat finds it in its queue of /moderacion.
      const secretariat = await signedIn("SECRETARIAT");
      const { page } = secretariat;
      await page.goto(suite.url("/moderacion"));
      await page.getByRole("link", { name: "Organizaciones por verificar (1)" }).click();
      await page.waitForURL((u) => u.searchParams.get("cola") === "organizations");
      await page.getByRole("heading", { level: 3, name }).waitFor();
      await expectAccessible(page, "/moderacion?cola=organizations");
      await page.getByRole("link", { name: `Revisar y decidir «${name}»` }).click();
      await page.waitForURL((u) => u.pathname.startsWith("/moderacion/organizaciones/"));
      await waitForHydration(page);

      // Rejecting needs a reason: refused next to the field.
      await page.getByRole("button", { name: "Rechazar" }).click();
      await page.locator("#field-reason-error").waitFor();
      await expectAccessible(page, "/moderacion/organizaciones/:id with errors");
      await page.getByRole("button", { name: "Verificar" }).click();
      await notice(page, "Verificaste la organización");

      // A visitor sees the badge on its page.
      const visitor = await suite.openPage();
      await visitor.page.goto(suite.url(`/organizaciones/${slug}`));
      await visitor.page.getByRole("heading", { level: 1, name }).waitFor();
      expect(await visitor.page.locator(".tag.verified").count()).toBeGreaterThanOrEqual(1);

      // The refused NIT and the refused rejection answered 400, as meant; nothing else went wrong.
      const refused = "console: Failed to load resource: the server responded with a status of 400 (Bad Request)";
      expect(owner.problems).toEqual([refused]);
      expect(secretariat.problems).toEqual([refused]);
      expect(colleague.problems).toEqual([]);
      expect(visitor.problems).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "without JavaScript: the logo goes through the file rules, the last owner stays, and others are kept out",
    async () => {
      const owner = await signedIn("COMPANY", { javaScriptEnabled: false });
      const { page } = owner;
      const name = `Ladrillera del Puerto ${Math.random().toString(36).slice(2, 7)}`;
      await page.goto(suite.url("/organizaciones/nueva"));
      await page.getByLabel("Nombre", { exact: false }).first().fill(name);
      await page.getByLabel("Tipo de organización").selectOption("COMPANY");
      await page.getByLabel("Ciudad").fill("Barrancabermeja");
      await page.getByRole("checkbox", { name: "Manufactura" }).check();
      await page.getByLabel("Descripción").fill("Ladrillos y bloques con arcilla de la región, hechos con hornos de bajo consumo.");
      await page.getByRole("button", { name: "Crear organización" }).click();
      await page.waitForURL((u) => u.pathname.endsWith("/gestionar"));
      const slug = new URL(page.url()).pathname.split("/")[2]!;

      // A PDF passes the attachment rules but is no logo: refused on the logo field.
      await page.getByLabel("Imagen del logo").setInputFiles({ name: "logo.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF_BYTES) });
      await page.getByRole("button", { name: "Subir logo" }).click();
      await page.locator("#field-logo-error").waitFor();
      await page.getByLabel("Imagen del logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from(PNG_BYTES) });
      await page.getByRole("button", { name: "Subir logo" }).click();
      await page.waitForURL((u) => u.searchParams.get("hecho") === "logo");
      const logo = await page.getByRole("img", { name: `Logo de ${name}` }).getAttribute("src");
      // The logo is public, like the organization's page.
      expect((await fetch(suite.url(logo!))).status).toBe(200);

      // The only owner cannot remove themself: the answer says why.
      await page.getByRole("button", { name: `Quitar ${owner.user.name}` }).click();
      await page.getByRole("alert").filter({ hasText: "al menos una persona propietaria" }).waitFor();

      // Someone else gets the 403 page; the Secretariat is told why it cannot create organizations.
      const other = await signedIn("ACADEMIA", { javaScriptEnabled: false });
      expect((await other.page.goto(suite.url(`/organizaciones/${slug}/gestionar`)))?.status()).toBe(403);
      const secretariat = await signedIn("SECRETARIAT", { javaScriptEnabled: false });
      await secretariat.page.goto(suite.url("/organizaciones/nueva"));
      await secretariat.page.getByText("Solo las cuentas de academia, empresa o emprendimiento pueden crear organizaciones", { exact: false }).waitFor();
      expect(await secretariat.page.locator("form#new-org-form").count()).toBe(0);
      // A visitor is sent to sign in first.
      const visitor = await suite.openPage({ javaScriptEnabled: false });
      await visitor.page.goto(suite.url(`/organizaciones/${slug}/gestionar`));
      expect(new URL(visitor.page.url()).pathname).toBe("/ingresar");
    },
    TEST_MS,
  );
});
