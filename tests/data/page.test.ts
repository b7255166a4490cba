/** /datos lists every dataset with its downloads and its schema, and says what is never published. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATASETS } from "../../server/data/datasets";
import { useTestServices } from "../support/callers";
import { startInProcessApp, type InProcessApp } from "../support/http-app";
import { seedOpenDataWorld } from "./fixtures";

const suite = useTestServices();
let app: InProcessApp;

beforeAll(async () => {
  await seedOpenDataWorld(suite.db);
  app = await startInProcessApp(suite.services);
});
afterAll(() => app?.close());

const decode = (html: string) =>
  html.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

async function page(language: "es" | "en") {
  const res = await fetch(`${app.base}/datos`, { headers: { "accept-language": language } });
  expect(res.status).toBe(200);
  return decode(await res.text());
}

/** The text of the section of one dataset (up to the next dataset's heading). */
function sectionOf(html: string, key: string): string {
  const start = html.indexOf(`id="dataset-${key}"`);
  expect(start, key).toBeGreaterThan(-1);
  const next = html.indexOf('id="dataset-', start + 1);
  return html.slice(start, next === -1 ? undefined : next);
}

describe("/datos", () => {
  it.each(["es", "en"] as const)("lists every dataset with its row count, downloads and columns (%s)", async (language) => {
    const html = await page(language);
    expect(html).toContain(language === "es" ? "<title>Datos abiertos · Cocrea</title>" : "<title>Open data · Cocrea</title>");
    for (const dataset of DATASETS) {
      const section = sectionOf(html, dataset.key);
      expect(section).toContain(dataset.title[language]);
      expect(section).toContain(dataset.description[language]);
      for (const format of ["csv", "json", "schema.json"]) expect(section).toContain(`href="/datos/${dataset.key}.${format}"`);
      for (const column of dataset.columns) {
        expect(section).toContain(`<code>${column.name}</code>`);
        expect(section).toContain(column.meaning[language]);
      }
      const suppressedNote = language === "es" ? "«<5» cuando es de 1 a 4." : "“<5” when 1 to 4.";
      expect(section.split(suppressedNote).length - 1, dataset.key).toBe(dataset.columns.filter((c) => c.suppressed).length);
    }
    expect(sectionOf(html, "ideas")).toContain(language === "es" ? "3 filas" : "3 rows");
  });

  it("states the licence, what is never published, and where the API is described", async () => {
    const html = await page("es");
    expect(html).toContain('href="https://creativecommons.org/licenses/by/4.0/"');
    expect(html).toContain("Nunca publicamos datos personales");
    expect(html).toContain("«<5»");
    expect(html).toContain('href="/api/openapi.json"');
    expect(html).toContain('href="/datos/datapackage.json"');
    expect(html).toMatch(/<footer[^]*<a [^>]*href="\/datos"[^>]*>Datos abiertos<\/a>[^]*<\/footer>/);
  });
});
