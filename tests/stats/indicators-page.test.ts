/**
 * /indicadores as a visitor without JavaScript gets it: every indicator's number with its definition
 * next to it, server-drawn charts with a table alternative, and a GET filter form.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDICATOR_KEYS } from "../../server/stats/indicators";
import { createUser, useTestServices } from "../support/callers";
import { testClock } from "../support/clock";
import { startInProcessApp, type InProcessApp } from "../support/http-app";

const suite = useTestServices();
let app: InProcessApp;

beforeAll(async () => {
  await testClock(suite.db).set(new Date("2026-03-20T15:00:00Z"));
  const author = await createUser(suite.db, "ENTREPRENEUR");
  // Two ICT ideas posted in March (one published 4 days later) and one tourism idea posted in February.
  for (const [sector, submitted, published] of [["ICT", "2026-03-02", "2026-03-06"], ["ICT", "2026-03-03", null], ["TOURISM", "2026-02-10", null]] as const) {
    const idea = await suite.db.idea.create({
      data: { title: "Idea", summary: "Resumen.", problem: "Problema.", solution: "Solución.", sector, status: published ? "PUBLISHED" : "SUBMITTED", authorId: author.id, publishedAt: published ? new Date(`${published}T15:00:00Z`) : null },
    });
    await suite.db.ideaEvent.create({ data: { ideaId: idea.id, kind: "TRANSITION", fromStatus: "DRAFT", toStatus: "SUBMITTED", actorId: author.id, createdAt: new Date(`${submitted}T15:00:00Z`) } });
    if (published) await suite.db.ideaEvent.create({ data: { ideaId: idea.id, kind: "TRANSITION", fromStatus: "SUBMITTED", toStatus: "PUBLISHED", createdAt: new Date(`${published}T15:00:00Z`) } });
  }
  app = await startInProcessApp(suite.services);
});
afterAll(() => app?.close());

const page = async (query = "") => (await fetch(`${app.base}/indicadores${query}`, { headers: { "accept-language": "es" } })).text();
const valueOf = (html: string, key: string) => new RegExp(`data-indicator="${key.replace(".", "\\.")}"[^>]*>([^<]*)<`).exec(html)?.[1];

describe("/indicadores", () => {
  it("shows every indicator's number with its written definition, for the current month by default", async () => {
    const html = await page();
    for (const key of INDICATOR_KEYS) expect(html).toContain(`data-indicator="${key}"`);
    expect(html).toContain('data-stats-from="2026-03-01"');
    expect(html).toContain('data-stats-to="2026-03-20"');
    expect(valueOf(html, "ideas.posted")).toBe("2");
    expect(valueOf(html, "ideas.reachedCallOrAlliance")).toBe("0 por ciento");
    expect(valueOf(html, "ideas.daysToDecision")).toBe("4 días");
    // Nothing was booked: the no-show rate cannot be computed.
    expect(valueOf(html, "spaces.noShowRate")).toBe("—");
    expect(html).toContain("Ideas enviadas a revisión por primera vez dentro del periodo");
    expect(html).not.toContain("Próximamente");
  });

  it("draws charts as accessible SVG with a table alternative", async () => {
    const html = await page("?periodo=trimestre");
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="indicador-ideas-bySector-breakdown-title"/);
    // No inline style attribute: the page's Content-Security-Policy would refuse it (and say so in the console).
    expect(html).not.toMatch(/<[^>]+\sstyle="/);
    expect(html).toMatch(/<title id="indicador-ideas-bySector-breakdown-title">Ideas postuladas por sector<\/title>/);
    expect(html).toMatch(/<caption>Ideas postuladas, por mes<\/caption>/);
    expect(html).toMatch(/<th scope="row">Tic[^<]*<\/th><td>2<\/td>|<th scope="row">[^<]*TIC[^<]*<\/th><td>2<\/td>/i);
    expect(valueOf(html, "ideas.posted")).toBe("3");
  });

  it("filters by sector and custom range through a plain GET form, and explains bad ranges", async () => {
    const html = await page("?periodo=rango&desde=2026-02-01&hasta=2026-02-28&sector=TOURISM");
    expect(html).toMatch(/<form[^>]*method="get"/);
    expect(html).toContain('data-stats-sector="TOURISM"');
    expect(valueOf(html, "ideas.posted")).toBe("1");
    expect(html).toContain("El filtro de sector no aplica a esta sección.");
    const inverted = await page("?periodo=rango&desde=2026-03-01&hasta=2026-02-01");
    expect(inverted).toContain("La fecha de inicio debe ser igual o anterior a la de fin.");
    expect(inverted).toContain('data-stats-from="2026-03-01"');
  });
});
