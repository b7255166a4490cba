import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATASETS } from "../../server/data/datasets";
import { csvCell } from "../../server/data/export";
import { PEOPLE_SERIES, SERIES_MONTHS } from "../../server/data/indicator-series";
import { computeIndicators } from "../../server/stats/indicators";
import { callerAs, useTestServices } from "../support/callers";
import { startInProcessApp, type InProcessApp } from "../support/http-app";
import { parseCsv } from "./csv";
import { ORG_CONTACT_EMAIL, SECRET_EMAIL, seedOpenDataWorld } from "./fixtures";

const suite = useTestServices();
let app: InProcessApp;
let world: Awaited<ReturnType<typeof seedOpenDataWorld>>;
const EMAIL = /[^\s@,;"]+@[^\s@,;"]+\.[a-z]{2,}/i;

beforeAll(async () => {
  world = await seedOpenDataWorld(suite.db);
  app = await startInProcessApp(suite.services, { remix: false });
});
afterAll(() => app?.close());

async function download(path: string) {
  const res = await fetch(`${app.base}${path}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

async function both(key: string) {
  const csv = await download(`/datos/${key}.csv`);
  const json = await download(`/datos/${key}.json`);
  return { csv, json, records: parseCsv(csv.text.replace(/^\uFEFF/, "")), rows: JSON.parse(json.text) as Record<string, unknown>[] };
}

describe("open data downloads", () => {
  it("serves every dataset as CSV with a BOM and as JSON, with the same rows and values", async () => {
    const { caller } = await callerAs(suite.services, null);
    const catalogue = await caller.data.datasets();
    for (const dataset of DATASETS) {
      const { csv, json, records, rows } = await both(dataset.key);
      expect(csv.res.status).toBe(200);
      expect(csv.res.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
      expect(csv.res.headers.get("content-disposition")).toBe(`attachment; filename="cocrea-${dataset.key}.csv"`);
      expect(csv.res.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
      expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(json.res.headers.get("content-type")).toMatch(/^application\/json/);
      const [header, ...body] = records;
      expect(header).toEqual(dataset.columns.map((c) => c.name));
      expect(body.length, dataset.key).toBe(rows.length);
      expect(body, dataset.key).toEqual(rows.map((row) => dataset.columns.map((c) => csvCell((row[c.name] ?? null) as never))));
      expect(rows.length, `${dataset.key} should not be empty in this world`).toBeGreaterThan(0);
      // The page's row count says how many rows the download has.
      expect(catalogue.find((d) => d.key === dataset.key)?.rowCount, dataset.key).toBe(rows.length);
    }
  });

  it("keeps accents, quotes and line breaks intact through the CSV", async () => {
    const { records, rows } = await both("ideas");
    const problem = records[0]!.indexOf("problem");
    expect(records[1]![problem]).toBe(rows[0]!.problem);
    expect(records[1]![problem]).toContain('"dobles", comas y\nun salto');
    const raw = (await download("/datos/ideas.csv")).text;
    expect(raw).toContain('"Problema descrito con detalle; incluye comillas ""dobles"", comas y\nun salto de línea."');
    // Free text never carries an address: the organization wrote its rector's into its description.
    const { rows: orgRows } = await both("organizations");
    expect(orgRows.find((r) => r.slug === "universidad-abierta")?.description).toBe("Escríbanos a [correo omitido]");
    const { records: orgs } = await both("organizations");
    expect(orgs.map((r) => r[2])).toContain("Empresa Ñandú");
  });

  it("publishes only public items", async () => {
    const ideas = (await both("ideas")).rows.map((r) => r.title);
    expect(ideas).toEqual(["Idea publicada", "Idea apoyada", "Idea archivada"]);
    const calls = (await both("calls")).rows.map((r) => r.slug);
    expect(calls).toEqual(["reto-publico"]);
    // The draft was marked a winner, but it is not public: only the published idea is a listed result.
    const results = (await both("call-results")).rows;
    expect(results.map((r) => r.idea_id)).toEqual([world.published.id]);
    const alliances = (await both("alliances")).rows;
    expect(alliances.map((r) => r.title)).toEqual(["Alianza activa"]);
    expect(alliances[0]).toMatchObject({ organizations: "universidad-abierta", sectors: "ACADEMIA;ENTREPRENEUR", people: "<5" });
    const commitments = (await both("alliance-commitments")).rows;
    expect(commitments.map((r) => r.alliance_id)).toEqual([world.activeAlliance.id, world.activeAlliance.id]);
    expect(commitments.find((r) => r.kind === "MENTORING_HOURS")?.quantity).toBe(40);
    // The person's contribution keeps its amount private (publishAmount was false).
    expect(commitments.find((r) => r.kind === "FUNDING_COP")).toMatchObject({ quantity: null, party_organization_slug: null });
  });

  it("contains no email address, tax id or unpublished title anywhere", async () => {
    for (const dataset of DATASETS) {
      for (const format of ["csv", "json"]) {
        const { text } = await download(`/datos/${dataset.key}.${format}`);
        expect(text, `${dataset.key}.${format}`).not.toMatch(EMAIL);
        for (const secret of [SECRET_EMAIL, ORG_CONTACT_EMAIL, "900123456", "Borrador secreto", "Idea oculta", "Idea rechazada", "reto-propuesto", "Alianza en formación", "987654321"]) {
          expect(text, `${dataset.key}.${format}`).not.toContain(secret);
        }
      }
    }
  });

  it("shows counts of people from 1 to 4 as <5", async () => {
    const occupancy = (await both("space-occupancy")).rows;
    const quiet = occupancy.find((r) => r.space_id === world.quietSpace.id);
    const busy = occupancy.find((r) => r.space_id === world.busySpace.id);
    expect(quiet).toMatchObject({ month: "2026-05", bookings: "<5", people: "<5", attendees: 9, booked_hours: 4.5 });
    expect(busy).toMatchObject({ month: "2026-05", bookings: 7, people: 7, attendees: 21, booked_hours: 10.5 });
    const ideas = (await both("ideas")).rows;
    expect(ideas.map((r) => r.support_count)).toEqual(["<5", 12, 0]);
    expect((await both("calls")).rows[0]).toMatchObject({ submissions: "<5", sectors: "ICT;ENERGY_OIL", prize_amount_cop: 5000000 });
  });

  it("publishes the indicators' monthly series with /indicadores' numbers, people counts suppressed", async () => {
    const rows = (await both("indicator-series")).rows as { period: string; indicator: string; value: number | string }[];
    const periods = [...new Set(rows.map((r) => r.period))];
    expect(periods).toHaveLength(SERIES_MONTHS);
    expect(periods).toEqual([...periods].sort());
    const first = periods[0]!;
    const last = periods.at(-1)!;
    const indicators = await computeIndicators(suite.db, { from: `${first}-01`, to: `${last}-28` }, "es");
    let suppressed = 0;
    for (const indicator of indicators.filter((i) => i.series)) {
      for (const point of indicator.series!) {
        const row = rows.find((r) => r.indicator === indicator.key && r.period === point.period);
        const people = PEOPLE_SERIES.includes(indicator.key) && point.value > 0 && point.value < 5;
        if (people) suppressed += 1;
        expect(row?.value, `${indicator.key} ${point.period}`).toBe(people ? "<5" : point.value);
      }
    }
    // The world has three bookings of a quiet space and seven of a busy one in May 2026, one author active.
    expect(rows.find((r) => r.indicator === "spaces.bookings" && r.period === "2026-05")?.value).toBe(10);
    expect(suppressed).toBeGreaterThan(0);
  });

  it("describes each dataset's columns in a Table Schema and in a Data Package", async () => {
    for (const dataset of DATASETS) {
      const { res, text } = await download(`/datos/${dataset.key}.schema.json`);
      expect(res.status).toBe(200);
      const schema = JSON.parse(text);
      expect(schema.path).toBe(`/datos/${dataset.key}.csv`);
      expect(schema.schema.missingValues).toEqual(["", "<5"]);
      expect(schema.schema.fields.map((f: { name: string }) => f.name)).toEqual(dataset.columns.map((c) => c.name));
      const suppressed = schema.schema.fields.filter((f: Record<string, unknown>) => f["x-suppressed"]).map((f: { name: string }) => f.name);
      expect(suppressed).toEqual(dataset.columns.filter((c) => c.suppressed).map((c) => c.name));
    }
    const pkg = JSON.parse((await download("/datos/datapackage.json")).text);
    expect(pkg.resources.map((r: { name: string }) => r.name)).toEqual(DATASETS.map((d) => d.key));
    expect((await fetch(`${app.base}/datos/no-existe.csv`)).status).toBe(404);
  });

  it("pages data.rows with keyset cursors to the same rows as the download", async () => {
    const { caller: anonymous } = await callerAs(suite.services, null);
    for (const dataset of DATASETS) {
      const whole = (await both(dataset.key)).rows;
      const paged: unknown[] = [];
      let cursor: string | undefined;
      do {
        const page = await anonymous.data.rows({ dataset: dataset.key, cursor, limit: 1 });
        paged.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(paged, dataset.key).toEqual(whole);
    }
    await expect(anonymous.data.rows({ dataset: "ideas", cursor: "no-es-un-cursor", limit: 5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(anonymous.data.rows({ dataset: "no-existe", limit: 5 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
