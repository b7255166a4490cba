/**
 * Alliances in a real Chromium against the real server: an entrepreneur opens the partner
 * suggestions of a published idea, sees a university and a company that fit it (with reasons),
 * invites both to a new alliance; each organization's owner accepts with a commitment, the
 * alliance becomes active, and an anonymous visitor finds it on its page, in /alianzas and on the
 * idea's page.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { BrowserContextOptions, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE, createSession } from "../../server/auth/session";
import type { OfferKind, OrganizationKind, Role, Sector, VerificationStatus } from "../../server/db/generated/enums";
import { createUser } from "../support/callers";
import { callTimeline, createApprovedCall } from "../support/calls";
import { axeViolations, useBrowserSuite, waitForHydration } from "./browser-suite";

const TEST_MS = 180_000;
const SCREENSHOTS = path.resolve(import.meta.dirname, "..", "..", "test-results", "e2e");
const suite = useBrowserSuite();

interface OrganizationSeed {
  name: string;
  slug: string;
  kind: OrganizationKind;
  sectors: Sector[];
  description: string;
  offers: [OfferKind, string, string][];
  verification: VerificationStatus;
}

const UNIVERSITY: OrganizationSeed = {
  name: "Universidad Petrolera del Magdalena",
  slug: "universidad-petrolera",
  kind: "UNIVERSITY",
  sectors: ["ENERGY_OIL", "EDUCATION"],
  verification: "VERIFIED",
  description: "Programas de ingeniería de petróleos y de materiales. Su grupo de investigación estudia la corrosión de tuberías y los sensores para la industria petrolera.",
  offers: [["LAB", "Laboratorio de corrosión y materiales", "Ensayos de corrosión de tuberías y caracterización de aceros para la refinería."]],
};
const COMPANY: OrganizationSeed = {
  name: "Tuberías y Válvulas del Puerto S.A.S.",
  slug: "tuberias-del-puerto",
  kind: "COMPANY",
  sectors: ["ENERGY_OIL", "MANUFACTURING"],
  verification: "VERIFIED",
  description: "Mantenimiento de tuberías, válvulas y tanques de la refinería; inspección de corrosión con ultrasonido y reparación de ductos petroleros.",
  offers: [["EQUIPMENT", "Banco de pruebas de tuberías", "Tramos de tubería corroída para ensayar sensores de corrosión en condiciones reales."]],
};
const UNRELATED: OrganizationSeed[] = [
  { name: "Clínica del Río", slug: "clinica-del-rio", kind: "COMPANY", sectors: ["HEALTH"], verification: "UNVERIFIED", description: "Urgencias, maternidad y consulta externa para las familias del puerto.", offers: [] },
  { name: "Canoas de la Ciénaga", slug: "canoas-cienaga", kind: "STARTUP", sectors: ["TOURISM"], verification: "UNVERIFIED", description: "Recorridos en canoa para observar aves en los humedales.", offers: [] },
  { name: "Escuela de Bullerengue", slug: "escuela-bullerengue", kind: "NGO", sectors: ["CREATIVE_ECONOMY"], verification: "UNVERIFIED", description: "Música y danza tradicional para niñas y niños de los barrios.", offers: [] },
];

let ideaId: string;
let ideaTitle: string;
let entrepreneurId: string;
const owners = new Map<string, string>();
const organizationIds = new Map<string, string>();

async function seedOrganization(seed: OrganizationSeed, ownerRole: Role | null) {
  const { db } = suite.database;
  const { offers, ...fields } = seed;
  const organization = await db.organization.create({
    data: { ...fields, verifiedAt: seed.verification === "VERIFIED" ? new Date() : null, offers: { create: offers.map(([kind, title, description]) => ({ kind, title, description })) } },
  });
  if (ownerRole) {
    const owner = await createUser(db, ownerRole);
    await db.membership.create({ data: { organizationId: organization.id, userId: owner.id, role: "OWNER" } });
    owners.set(seed.slug, owner.id);
  }
  organizationIds.set(seed.slug, organization.id);
  return organization;
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  const { db } = suite.database;
  const entrepreneur = await createUser(db, "ENTREPRENEUR", { name: "Laura Emprendedora" });
  entrepreneurId = entrepreneur.id;
  ideaTitle = "Sensores de corrosión para las tuberías de la refinería";
  const idea = await db.idea.create({
    data: {
      title: ideaTitle,
      summary: "Sensores de bajo costo que avisan a tiempo la corrosión de las tuberías petroleras.",
      problem: "La corrosión de las tuberías de la refinería causa fugas de petróleo que se detectan tarde y contaminan la ciénaga.",
      solution: "Instalar sensores de corrosión en las tuberías, probarlos en un laboratorio de materiales y enviar alertas al equipo de mantenimiento.",
      sector: "ENERGY_OIL",
      status: "PUBLISHED",
      publishedAt: new Date(),
      authorId: entrepreneur.id,
    },
  });
  ideaId = idea.id;
  await seedOrganization(UNIVERSITY, "ACADEMIA");
  await seedOrganization(COMPANY, "COMPANY");
  for (const seed of UNRELATED) await seedOrganization(seed, null);
});

async function browserAs(userId: string | null, options: BrowserContextOptions = {}) {
  const opened = await suite.openPage(options);
  if (userId) {
    const { token } = await createSession(suite.database.db, userId, {});
    await opened.context.addCookies([{ name: SESSION_COOKIE, value: token, url: suite.url("/") }]);
  }
  return opened;
}

/** The names of the suggested organizations, in the page's order. */
function suggestedNames(page: Page) {
  return page.locator("form .card h2 a").allTextContents();
}

/** An owner answers their organization's invitation on the alliance's page with one commitment. */
async function acceptInvitation(allianceId: string, ownerId: string, commitment: { kind: string; quantity: string; description: string }) {
  const { page, problems } = await browserAs(ownerId);
  await page.goto(suite.url(`/alianzas/${allianceId}`));
  await waitForHydration(page);
  const answer = page.getByRole("region", { name: "Responder la invitación" });
  // The form offers several commitment rows: the first is enough.
  const row = answer.getByRole("group").first();
  await row.getByLabel("Tipo de aporte").selectOption({ label: commitment.kind });
  await row.getByLabel("Cantidad", { exact: true }).fill(commitment.quantity);
  await row.getByLabel("Descripción del aporte").fill(commitment.description);
  await row.getByLabel("Publicar la cantidad").check();
  await answer.getByRole("button", { name: "Aceptar y comprometer" }).click();
  await answer.waitFor({ state: "detached" });
  expect(problems).toEqual([]);
  return page;
}

describe("alliances in a real browser", () => {
  it(
    "an entrepreneur invites the suggested university and company, both owners accept, and the active alliance is public",
    async () => {
      const { page, problems } = await browserAs(entrepreneurId);
      // The idea's page: no alliance yet, and the way to find partners.
      await page.goto(suite.url(`/ideas/${ideaId}`));
      await waitForHydration(page);
      const section = page.getByRole("region", { name: "Alianzas" });
      await section.getByText("Aún no hay alianzas alrededor de esta idea.").waitFor();
      await section.getByRole("link", { name: "Abrir una alianza" }).waitFor();
      await section.getByRole("link", { name: "Buscar aliados" }).click();
      await page.waitForURL((u) => u.pathname === `/ideas/${ideaId}/aliados`);
      await page.getByRole("heading", { level: 1, name: "Aliados sugeridos" }).waitFor();

      // The two that fit lead the ranking, each with its reasons; the unrelated ones come after, if at all.
      const names = await suggestedNames(page);
      expect(names.slice(0, 2).sort()).toEqual([COMPANY.name, UNIVERSITY.name].sort());
      for (const seed of [UNIVERSITY, COMPANY]) {
        const card = page.locator("form .card").filter({ has: page.getByRole("link", { name: seed.name }) });
        expect(await card.getByRole("link", { name: seed.name }).getAttribute("href")).toBe(`/organizaciones/${seed.slug}`);
        await card.locator(".tag.verified").getByText("Verificada").waitFor();
        expect(await card.getByRole("listitem").count()).toBeGreaterThan(0);
      }
      expect(await page.getByLabel("Nombre de la alianza").inputValue()).toBe(`Alianza para ${ideaTitle}`);
      expect(await page.getByRole("radio", { name: "Una alianza nueva" }).isChecked()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);

      // Nobody ticked and a purpose too short: both errors, and what was typed stays.
      await page.getByLabel("Propósito").fill("Muy corto");
      await page.getByLabel("Resultado esperado").fill("Sensores instalados en la refinería");
      await page.getByRole("button", { name: "Invitar a las seleccionadas" }).click();
      const summary = page.locator(".error-summary");
      await summary.waitFor();
      await summary.getByRole("link", { name: /^Organizaciones a invitar: / }).waitFor();
      await summary.getByRole("link", { name: /^Propósito: / }).waitFor();
      expect(await page.getByLabel("Propósito").inputValue()).toBe("Muy corto");
      expect(await page.getByLabel("Resultado esperado").inputValue()).toBe("Sensores instalados en la refinería");
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel(`Invitar a ${UNIVERSITY.name}`).check();
      await page.getByLabel(`Invitar a ${COMPANY.name}`).check();
      await page.getByLabel("Propósito").fill("Probar sensores de corrosión en tuberías reales con el laboratorio de la universidad y el banco de pruebas de la empresa.");
      await page.screenshot({ path: path.join(SCREENSHOTS, "aliados-sugeridos.png"), fullPage: true });
      await page.getByRole("button", { name: "Invitar a las seleccionadas" }).click();
      await page.waitForURL((u) => /^\/alianzas\/[0-9a-f-]{36}$/.test(u.pathname) && u.searchParams.get("hecho") === "invitadas");
      const allianceId = new URL(page.url()).pathname.split("/")[2]!;
      const alliance = await suite.database.db.alliance.findUniqueOrThrow({ where: { id: allianceId }, include: { parties: true } });
      expect(alliance).toMatchObject({ title: `Alianza para ${ideaTitle}`, ideaId, status: "FORMING" });
      expect(alliance.parties.map((p) => p.status).sort()).toEqual(["ACCEPTED", "INVITED", "INVITED"]);
      // The refused form was answered with a 400, which Chromium logs; nothing else went wrong.
      expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);

      // Invited already: the suggestions say so instead of offering the checkbox again.
      await page.goto(suite.url(`/ideas/${ideaId}/aliados`));
      const invited = page.getByLabel(`Invitar a ${UNIVERSITY.name}`);
      expect(await invited.isDisabled()).toBe(true);
      await page.getByText(`Ya está en la alianza «Alianza para ${ideaTitle}»`).first().waitFor();
      await page.getByRole("radio", { name: new RegExp(`«Alianza para ${ideaTitle}»`) }).waitFor();

      await acceptInvitation(allianceId, owners.get(UNIVERSITY.slug)!, { kind: "Horas de laboratorio", quantity: "40", description: "Ensayos de corrosión en el laboratorio de materiales." });
      const last = await acceptInvitation(allianceId, owners.get(COMPANY.slug)!, { kind: "Equipos", quantity: "2", description: "Dos tramos de tubería del banco de pruebas." });
      await last.getByText("Activa").first().waitFor();
      expect((await suite.database.db.alliance.findUniqueOrThrow({ where: { id: allianceId } })).status).toBe("ACTIVE");

      // Public now: its page, the list, and the idea's alliances section.
      const visitor = await browserAs(null);
      await visitor.page.goto(suite.url(`/alianzas/${allianceId}`));
      await visitor.page.getByRole("heading", { level: 1, name: `Alianza para ${ideaTitle}` }).waitFor();
      await visitor.page.getByText(UNIVERSITY.name).first().waitFor();
      await visitor.page.goto(suite.url("/alianzas"));
      await visitor.page.getByRole("link", { name: `Alianza para ${ideaTitle}` }).waitFor();
      await visitor.page.goto(suite.url(`/ideas/${ideaId}`));
      const listed = visitor.page.getByRole("region", { name: "Alianzas" });
      await listed.getByRole("link", { name: `Alianza para ${ideaTitle}` }).waitFor();
      await listed.getByText("Estado: Activa").waitFor();
      await listed.getByText(`${UNIVERSITY.name} (Academia)`).waitFor();
      expect(await listed.getByRole("link", { name: "Buscar aliados" }).count()).toBe(0);
      expect(await axeViolations(visitor.page)).toEqual([]);
      expect(visitor.problems).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "someone who is not an author of the public idea is refused its suggestions (403), as the procedure refuses them",
    async () => {
      const stranger = await createUser(suite.database.db, "COMPANY");
      const { page } = await browserAs(stranger.id);
      const response = await page.goto(suite.url(`/ideas/${ideaId}/aliados`));
      expect(response?.status()).toBe(403);
      expect(await page.getByText(UNIVERSITY.name).count()).toBe(0);
    },
    TEST_MS,
  );

  it(
    "without JavaScript, the owner of the organization that proposed a call finds partners for it and opens an alliance in its name",
    async () => {
      const { db } = suite.database;
      const companyOwner = owners.get(COMPANY.slug)!;
      const call = await createApprovedCall(db, {
        ...callTimeline(),
        title: "Reto: tuberías sin corrosión en la refinería",
        summary: "Buscamos sensores y ensayos de laboratorio que detecten a tiempo la corrosión de las tuberías petroleras.",
        sectors: ["ENERGY_OIL"],
        proposedById: companyOwner,
        proposingOrganizationId: organizationIds.get(COMPANY.slug)!,
      });
      const { page, problems } = await browserAs(companyOwner, { javaScriptEnabled: false });
      await page.goto(suite.url(`/convocatorias/${call.slug}`));
      const section = page.getByRole("region", { name: "Alianzas" });
      await section.getByText("Aún no hay alianzas para esta convocatoria.").waitFor();
      await section.getByRole("link", { name: "Buscar aliados" }).click();
      await page.waitForURL((u) => u.pathname === `/convocatorias/${call.slug}/aliados`);
      // The proposing organization is not suggested to itself; the university that fits comes first.
      const names = await suggestedNames(page);
      expect(names[0]).toBe(UNIVERSITY.name);
      expect(names).not.toContain(COMPANY.name);
      // Sent with nobody ticked: the page comes back with the error and what was typed.
      await page.getByLabel("Resultado esperado").fill("Un protocolo de ensayo de sensores de corrosión.");
      await page.getByRole("button", { name: "Invitar a las seleccionadas" }).click();
      await page.locator(".error-summary").getByRole("link", { name: /^Organizaciones a invitar: / }).waitFor();
      expect(await page.getByLabel("Resultado esperado").inputValue()).toBe("Un protocolo de ensayo de sensores de corrosión.");
      await page.getByLabel(`Invitar a ${UNIVERSITY.name}`).check();
      await page.getByLabel("Propósito").fill("Ensayar en el laboratorio de la universidad los sensores que pide el reto de la refinería.");
      await page.getByRole("button", { name: "Invitar a las seleccionadas" }).click();
      await page.waitForURL((u) => /^\/alianzas\/[0-9a-f-]{36}$/.test(u.pathname));
      const allianceId = new URL(page.url()).pathname.split("/")[2]!;
      const alliance = await db.alliance.findUniqueOrThrow({ where: { id: allianceId }, include: { parties: true } });
      expect(alliance).toMatchObject({ title: `Alianza para ${call.title}`, callId: call.id, ideaId: null });
      expect(alliance.parties.find((p) => p.isProposer)?.organizationId).toBe(organizationIds.get(COMPANY.slug));
      expect(alliance.parties.find((p) => !p.isProposer)).toMatchObject({ organizationId: organizationIds.get(UNIVERSITY.slug), status: "INVITED" });
      // The refused form's answer is a 400 page, which Chromium logs; nothing else went wrong.
      expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
    },
    TEST_MS,
  );
});
