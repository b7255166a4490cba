/**
 * The organizations' public pages in a real Chromium against the real server: a visitor finds the
 * seeded university in /organizaciones by its kind, sees it is verified, opens its profile and
 * reads its offers and the ideas posted on its behalf; a signed-in person asks to join it without
 * JavaScript, and asking twice is answered with the reason.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { BrowserContextOptions } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createIdeaIn } from "../support/ideas";
import { SAMPLE_ORGANIZATION, seedOrganizations } from "../support/organizations";
import { axeViolations, useBrowserSuite, waitForHydration, signedIn as signedInAs } from "./browser-suite";

const SCREENSHOTS = path.resolve(import.meta.dirname, "..", "..", "test-results", "e2e");
const TEST_MS = 90_000;
const IDEA_TITLE = "Monitoreo ciudadano del agua de la ciénaga San Silvestre";

const suite = useBrowserSuite();

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  const { db } = suite.database;
  const owners = await seedOrganizations(db);
  const university = await db.organization.findUniqueOrThrow({ where: { slug: SAMPLE_ORGANIZATION.slug } });
  const idea = await createIdeaIn(db, owners.get(SAMPLE_ORGANIZATION.owner)!, "PUBLISHED", { title: IDEA_TITLE, sector: "ENVIRONMENT" });
  await db.idea.update({ where: { id: idea.id }, data: { organizationId: university.id } });
}, 60_000);

const signedIn = (options: BrowserContextOptions = {}) => signedInAs(suite, "ENTREPRENEUR", options);

describe("organizations' public pages in a real browser", () => {
  it(
    "a visitor filters the directory by University, finds the verified university and reads its offers",
    async () => {
      const { page, problems } = await suite.openPage();
      await page.goto(suite.url("/"));
      await waitForHydration(page);
      await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Organizaciones" }).click();
      await page.getByRole("heading", { level: 1, name: "Organizaciones" }).waitFor();
      // Only people who may create organizations are offered to register one.
      expect(await page.getByRole("link", { name: "Registrar una organización" }).count()).toBe(0);

      await page.getByLabel("Tipo").selectOption({ label: "Universidad" });
      await page.getByRole("button", { name: "Buscar", exact: true }).click();
      await page.waitForURL((u) => u.pathname === "/organizaciones" && u.searchParams.get("tipo") === "UNIVERSITY");
      const cards = page.locator(".org-card");
      await expect.poll(() => cards.count()).toBe(1);
      const card = cards.first();
      expect(await card.getByText("Verificada").isVisible()).toBe(true);
      expect(await card.getByText("Universidad", { exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole("link", { name: "Pesca Viva Tech" }).count()).toBe(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, "organizations-list.png"), fullPage: true });

      await card.getByRole("link", { name: SAMPLE_ORGANIZATION.name }).click();
      await page.waitForURL((u) => u.pathname === `/organizaciones/${SAMPLE_ORGANIZATION.slug}`);
      await page.getByRole("heading", { level: 1, name: SAMPLE_ORGANIZATION.name }).waitFor();
      expect(await page.title()).toBe(`${SAMPLE_ORGANIZATION.name} · Cocrea`);
      expect(await page.locator(".org-head").getByText("Verificada").isVisible()).toBe(true);
      const offers = page.getByRole("region", { name: "Lo que ofrece" });
      for (const offer of SAMPLE_ORGANIZATION.offers) {
        expect(await offers.getByRole("heading", { level: 3, name: offer.title }).isVisible()).toBe(true);
      }
      expect(await offers.getByText("Laboratorio", { exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole("link", { name: IDEA_TITLE }).isVisible()).toBe(true);
      expect(await page.getByRole("link", { name: SAMPLE_ORGANIZATION.contactEmail }).getAttribute("href")).toBe(
        `mailto:${SAMPLE_ORGANIZATION.contactEmail}`,
      );
      // A visitor is asked to sign in, not shown the join form.
      expect(await page.getByRole("button", { name: "Solicitar unirme" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "Ingresa para pedir unirte a esta organización" }).isVisible()).toBe(true);
      await page.screenshot({ path: path.join(SCREENSHOTS, "organization-page.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "without JavaScript, a signed-in person asks to join; coming back, the page says the request is pending",
    async () => {
      const { page } = await signedIn({ javaScriptEnabled: false });
      await page.goto(suite.url("/organizaciones?tipo=UNIVERSITY&verificadas=1"));
      await expect.poll(() => page.locator(".org-card").count()).toBe(1);
      const profile = suite.url(`/organizaciones/${SAMPLE_ORGANIZATION.slug}`);
      await page.goto(profile);
      await page.getByLabel("Mensaje para los propietarios").fill("Soy egresada y quiero apoyar el laboratorio.");
      await page.getByRole("button", { name: "Solicitar unirme" }).click();
      await page.waitForURL((u) => u.searchParams.get("aviso") === "solicitud");
      expect(await page.getByRole("status").textContent()).toContain("Enviamos tu solicitud");

      // Coming back later, the page remembers the request instead of offering the form again.
      await page.goto(profile);
      expect(await page.getByRole("status").textContent()).toContain("Enviamos tu solicitud");
      expect(await page.getByRole("button", { name: "Solicitar unirme" }).count()).toBe(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, "organization-join-pending.png"), fullPage: true });
    },
    TEST_MS,
  );
});
