/**
 * A citizen on a phone downloads every public page's JavaScript: it must stay within 110 KB once
 * compressed. The pages come from app/routes (so new pages are weighed too), the scripts from
 * each page's own HTML (module scripts and modulepreload links), weighed as the server sends them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { pageRoutes } from "../e2e/page-routes";
import { createUser, useTestServices } from "../support/callers";
import { seedSampleCall } from "../support/e2e-calls";
import { seedOrganizations } from "../support/organizations";
import { startInProcessApp, type InProcessApp } from "../support/http-app";

const LIMIT_BYTES = 110 * 1024;
/**
 * The page's UI copy (routes/copia.$name.ts) is weighed on its own: cached files per language,
 * not code, and it was inline HTML when the 110 KB budget was set. It is split by area (ADR 010,
 * app/i18n/areas.ts): a public page links the base and whatever areas it declares, all weighed.
 */
const COPY_LIMIT_BYTES = 16 * 1024;
const suite = useTestServices();
let app: InProcessApp;
let ideaId: string;

beforeAll(async () => {
  const author = await createUser(suite.db, "ENTREPRENEUR");
  const idea = await suite.db.idea.create({
    data: {
      title: "Idea para pesar la página",
      summary: "Un resumen suficientemente largo.",
      problem: "Un problema suficientemente largo.",
      solution: "Una solución suficientemente larga.",
      sector: "ICT",
      status: "PUBLISHED",
      publishedAt: new Date(),
      authorId: author.id,
    },
  });
  ideaId = idea.id;
  // So that /organizaciones/:slug (page-routes' sample slug) weighs the real page, not the 404 page.
  await seedOrganizations(suite.db);
  // And /convocatorias/:slug, the sample call under the same slug.
  await seedSampleCall(suite.db);
  app = await startInProcessApp(suite.services);
});
afterAll(() => app?.close());

function scriptUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) urls.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g)) urls.add(match[1]!);
  // Remix's entry imports its route modules from an inline module script.
  for (const match of html.matchAll(/import\s*(?:[^"']*from\s*)?["'](\/build\/[^"']+\.js)["']/g)) urls.add(match[1]!);
  return [...urls];
}

describe("page weight", () => {
  it("keeps each public page's JavaScript within 110 KB compressed", async () => {
    const pages = pageRoutes({ id: ideaId }).map((route) => route.path);
    expect(pages.length).toBeGreaterThan(5);
    const report: string[] = [];
    for (const page of pages) {
      const response = await fetch(`${app.base}${page}`);
      const all = scriptUrls(await response.text());
      const copy = all.filter((url) => url.startsWith("/copia/"));
      const urls = all.filter((url) => !url.startsWith("/copia/"));
      expect(urls.length, `${page} loads no script: the weighing would be empty`).toBeGreaterThan(0);
      expect(copy.length, `${page} links no copy script`).toBeGreaterThan(0);
      const weigh = async (url: string) => {
        const asset = await fetch(`${app.base}${url}`);
        expect(asset.status, url).toBe(200);
        return gzipSync(Buffer.from(await asset.arrayBuffer())).length;
      };
      let total = 0;
      for (const url of urls) total += await weigh(url);
      let copyBytes = 0;
      for (const url of copy) copyBytes += await weigh(url);
      report.push(`${page}: ${(total / 1024).toFixed(1)} KB + copy ${(copyBytes / 1024).toFixed(1)} KB`);
      expect(total, `${page} ships ${(total / 1024).toFixed(1)} KB of gzipped JavaScript`).toBeLessThanOrEqual(LIMIT_BYTES);
      expect(copyBytes, `${page}'s copy is ${(copyBytes / 1024).toFixed(1)} KB gzipped`).toBeLessThanOrEqual(COPY_LIMIT_BYTES);
    }
    console.log(`[page weight] ${report.join(", ")}`);
  });
});
