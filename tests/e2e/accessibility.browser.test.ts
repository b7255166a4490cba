/**
 * Accessibility of every page in a real Chromium: axe-core finds nothing, signed out and signed
 * in as each role, in both languages; the focus ring is visible on the green header (WCAG 1.4.11); and on a 390×844 phone the
 * header leaves room for the content and every control is a target of at least 24×24 px (2.5.8).
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations, registerEntrepreneur, seedIdeas, useBrowserSuite, waitForHydration, type OpenedPage } from "./browser-suite";
import { pageRoutes } from "./page-routes";
import { SESSION_COOKIE, createSession } from "../../server/auth/session";
import { LOCALE_COOKIE } from "../../server/i18n/locale";
import { ROLES, createUser } from "../support/callers";
import { createApprovedCall } from "../support/calls";
import { SAMPLE_ORGANIZATION, seedOrganizations } from "../support/organizations";

const TEST_MS = 60_000;
/** About 20 pages through axe: ~15 s alone, several times that on a busy 2-core machine. */
const AUDIT_MS = 180_000;
const PHONE = { width: 390, height: 844 };
/** A header this tall still shows the page's heading and first lines on a phone. */
const MAX_PHONE_HEADER_PX = 120;
const MIN_TARGET_PX = 24;
const DAY = 24 * 60 * 60 * 1000;

const suite = useBrowserSuite();
let signedIn: OpenedPage;
let ideaIds: string[];

beforeAll(async () => {
  signedIn = await suite.openPage();
  const user = await registerEntrepreneur(suite, signedIn.page);
  // More than one page of ideas, so that the list shows its cards and the "more ideas" link.
  ideaIds = await seedIdeas(suite, user.email, 13);
  // A thread on the sample idea: a comment with a reply, an official reply, a removed comment.
  const { db } = suite.database;
  const [neighbour, secretariat] = await Promise.all([createUser(db, "COMPANY"), createUser(db, "SECRETARIAT")]);
  const comment = await db.comment.create({ data: { ideaId: ideaIds[0]!, authorId: neighbour.id, body: "¿Dónde queda?\nVer https://example.co" } });
  await db.comment.create({ data: { ideaId: ideaIds[0]!, authorId: neighbour.id, parentId: comment.id, body: "Cerca del colegio." } });
  await db.comment.create({ data: { ideaId: ideaIds[0]!, authorId: secretariat.id, official: true, body: "La Secretaría acompaña el piloto." } });
  await db.comment.create({ data: { ideaId: ideaIds[0]!, authorId: neighbour.id, body: "Retirado", deletedAt: new Date() } });
  // The demo organizations, so that /organizaciones/:slug (page-routes' sample slug) is a real page.
  await seedOrganizations(suite.database.db);
  // A call in evaluation under the same sample slug (calls and organizations have separate
  // addresses), with a rubric and a submission, so that /convocatorias/:slug and its
  // Secretariat pages are real pages too.
  const now = Date.now();
  const call = await createApprovedCall(db, {
    slug: SAMPLE_ORGANIZATION.slug,
    opensAt: new Date(now - 20 * DAY),
    closesAt: new Date(now - DAY),
    evaluationEndsAt: new Date(now + 13 * DAY),
    resultsAt: new Date(now + 20 * DAY),
    proposedById: secretariat.id,
    criteria: [
      { name: "Impacto", description: "A cuántas personas llega.", weight: 60, maxScore: 10 },
      { name: "Viabilidad", weight: 40, maxScore: 5 },
    ],
  });
  const idea = await db.idea.findUniqueOrThrow({ where: { id: ideaIds[1]! } });
  await db.callSubmission.create({ data: { callId: call.id, ideaId: idea.id, submitterId: idea.authorId, submittedAt: new Date(now - 2 * DAY) } });
}, 60_000);

/**
 * Visits each path and returns axe's findings, page by page, and how many pages answered 403 (the
 * Secretariat's pages, to everyone else); redirects to an already seen page are skipped.
 */
async function auditPages(page: Page, paths: string[]): Promise<{ findings: string[]; forbidden: number }> {
  const seen = new Set<string>();
  const findings: string[] = [];
  let forbidden = 0;
  for (const path of paths) {
    const response = await page.goto(suite.url(path));
    if (response?.status() === 403) forbidden += 1;
    const landed = new URL(page.url());
    const key = landed.pathname + landed.search;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const violation of await axeViolations(page)) findings.push(`${path} → ${key}: ${violation}`);
  }
  return { findings, forbidden };
}

function relativeLuminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const channel = (value = 0) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Controls a person can tap that are rendered now, with their size in CSS px. */
function visibleTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("a[href], button, input:not([type=hidden]), select, textarea, summary")]
      .filter((el) => el.checkVisibility({ visibilityProperty: true }))
      .map((el) => {
        const box = el.getBoundingClientRect();
        const name = (el.textContent?.trim() || el.getAttribute("aria-label") || el.id || el.tagName).slice(0, 40);
        return { name: `${el.tagName.toLowerCase()} «${name}»`, width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10 };
      }),
  );
}

describe("accessibility in a real browser", () => {
  // One test per language, so each stays well within its time as pages are added.
  it.each(["es", "en"] as const)(
    "axe finds no violation on any page, signed out and signed in as each role (language: %s)",
    async (locale) => {
      const paths = pageRoutes({ id: ideaIds[0]! }).map((route) => route.path);
      const problems: string[] = [];
      const audits = await Promise.all(
        ([null, ...ROLES] as const).map(async (role) => {
          const opened = await suite.openPage({ locale: locale === "es" ? "es-CO" : "en-US" });
          await opened.context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: suite.url("/") }]);
          if (role) {
            const user = await createUser(suite.database.db, role);
            const { token } = await createSession(suite.database.db, user.id, {});
            await opened.context.addCookies([{ name: SESSION_COOKIE, value: token, url: suite.url("/") }]);
          }
          const label = `${role ?? "anonymous"}/${locale}`;
          const { findings: pageFindings, forbidden } = await auditPages(opened.page, paths);
          // The unknown path's page is meant to answer 404, and each page that answered 403 was
          // meant to; Chromium logs those as failed resources. Any other 403 is a problem.
          let expected403 = forbidden;
          const unexpected = opened.problems.filter((p) => !p.includes("status of 404") && !(p.includes("status of 403") && expected403-- > 0));
          problems.push(...unexpected.map((p) => `${label}: ${p}`));
          return pageFindings.map((finding) => `${label} ${finding}`);
        }),
      );
      expect(audits.flat()).toEqual([]);
      expect(problems).toEqual([]);
    },
    AUDIT_MS * 2,
  );

  it(
    "the keyboard focus ring contrasts at least 3:1 with the green header, on every header control",
    async () => {
      const { page } = await suite.openPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(suite.url("/ideas"));
      await waitForHydration(page);
      const rings: { name: string; ratio: number; style: string; width: number }[] = [];
      for (let press = 0; press < 20; press++) {
        await page.keyboard.press("Tab");
        const ring = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const header = document.querySelector("header");
          if (!el || !header?.contains(el)) return null;
          const style = getComputedStyle(el);
          return {
            name: el.textContent?.trim() || el.tagName,
            outlineColor: style.outlineColor,
            outlineStyle: style.outlineStyle,
            outlineWidth: parseFloat(style.outlineWidth),
            headerColor: getComputedStyle(header).backgroundColor,
          };
        });
        if (!ring) break;
        rings.push({ name: ring.name, ratio: contrastRatio(ring.outlineColor, ring.headerColor), style: ring.outlineStyle, width: ring.outlineWidth });
      }
      // The skip link, the brand, five sections, sign in and up, the language picker and its button.
      expect(rings.length).toBeGreaterThanOrEqual(10);
      const weak = rings.filter((ring) => ring.style === "none" || ring.width < 2 || ring.ratio < 3);
      expect(weak).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "on a 390×844 phone the header is compact, its menu works, and every control is at least 24×24 px",
    async () => {
      const visitor = await suite.openPage({ viewport: PHONE });
      const member = await suite.openPage({ viewport: PHONE, storageState: await signedIn.context.storageState() });
      const pages: [Page, string][] = [
        [visitor.page, "/"],
        [visitor.page, "/ideas"],
        [visitor.page, `/ideas/${ideaIds[0]}`],
        [visitor.page, "/registro"],
        [visitor.page, "/ingresar"],
        [member.page, "/ideas/nueva"],
        [member.page, "/salir"],
      ];
      const tooSmall: string[] = [];
      for (const [page, path] of pages) {
        await page.goto(suite.url(path));
        // The list has a second page: its link (19 px tall once) is measured too.
        if (path === "/ideas") expect(await page.getByRole("link", { name: "Ver más ideas" }).count()).toBe(1);
        const header = await page.locator("header").boundingBox();
        expect(header!.height, `header height on ${path}`).toBeLessThanOrEqual(MAX_PHONE_HEADER_PX);
        // The sections are one tap away, in the menu.
        const menu = page.locator("summary", { hasText: "Menú" });
        await menu.click();
        await page.getByRole("link", { name: "Convocatorias" }).waitFor();
        const targets = await visibleTargets(page);
        expect(targets.length, `controls on ${path}`).toBeGreaterThan(8);
        for (const target of targets) {
          if (target.width < MIN_TARGET_PX || target.height < MIN_TARGET_PX) tooSmall.push(`${path}: ${target.name} ${target.width}×${target.height}`);
        }
        await menu.click();
      }
      expect(tooSmall).toEqual([]);
    },
    TEST_MS,
  );
});
