/**
 * One figure, one definition: on the demo data, every indicator reads the same on the page, in the
 * tRPC API, in the REST API, in the first message of the live stream and, month by month, in the
 * indicator-series export ("<5" where the export suppresses small counts of people).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translatorFor } from "../../app/i18n";
import "../../app/i18n/messages.server";
import { formatIndicator } from "../../app/lib/indicator-format";
import { seedDemoData } from "../../server/seed/demo";
import type { IndicatorValue } from "../../server/stats/types";
import { callerFor, useTestServices } from "../support/callers";
import { startInProcessApp, type InProcessApp } from "../support/http-app";
import { openSse } from "../live/sse-client";

const suite = useTestServices();
let app: InProcessApp;
let api: { filters: { from: string; to: string }; indicators: IndicatorValue[] };

beforeAll(async () => {
  await seedDemoData(suite.db);
  app = await startInProcessApp(suite.services);
  const { caller } = await callerFor(suite.services);
  api = await caller.stats.indicators({ period: "year" });
});
afterAll(() => app?.close());

const get = async (path: string) => {
  const response = await fetch(`${app.base}${path}`, { headers: { "accept-language": "es" } });
  expect(response.status, path).toBe(200);
  return response;
};

describe("every indicator agrees everywhere", () => {
  it("the page shows each API value, formatted", async () => {
    const html = await (await get("/indicadores?periodo=anio")).text();
    const { t } = translatorFor("es", ["indicadores"]);
    expect(api.indicators.some((i) => (i.value ?? 0) > 0)).toBe(true);
    for (const indicator of api.indicators) {
      const shown = new RegExp(`data-indicator="${indicator.key.replace(".", "\\.")}"[^>]*>([^<]*)<`).exec(html)?.[1];
      expect(shown, indicator.key).toBe(formatIndicator(indicator.value, indicator.unit, "es", t as never));
    }
  });

  it("the REST API and the live stream's first message carry the same values", async () => {
    const rest = (await (await get("/api/v1/indicators?period=year")).json()) as { indicators: IndicatorValue[] };
    const values = (list: IndicatorValue[]) => Object.fromEntries(list.map((i) => [i.key, i.value]));
    expect(values(rest.indicators)).toEqual(values(api.indicators));
    const stream = await openSse(`${app.base}/indicadores/en-vivo?from=${api.filters.from}&to=${api.filters.to}`);
    try {
      const first = await stream.next((m) => m.event === "indicators");
      const sent = JSON.parse(first.data) as { indicators: { key: string; value: number | null }[] };
      expect(Object.fromEntries(sent.indicators.map((i) => [i.key, i.value]))).toEqual(values(api.indicators));
    } finally {
      stream.close();
    }
  });

  it("the indicator-series export has each month of the API's series", async () => {
    const rows = (await (await get("/datos/indicator-series.json")).json()) as { period: string; indicator: string; value: number | string }[];
    const exported = new Map(rows.map((r) => [`${r.indicator} ${r.period}`, r.value]));
    let compared = 0;
    for (const indicator of api.indicators) {
      for (const point of indicator.series ?? []) {
        const value = exported.get(`${indicator.key} ${point.period}`);
        const suppressed = value === "<5";
        expect(suppressed ? point.value >= 1 && point.value <= 4 : value === point.value, `${indicator.key} ${point.period}: ${value} vs ${point.value}`).toBe(true);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });
});
