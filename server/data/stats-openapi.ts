/**
 * The stats procedures (server/stats/router.ts) on the REST surface: their OpenAPI metadata and
 * the output schemas trpc-to-openapi documents them with. Loose objects: a field the indicators
 * module adds later passes through (documented once it is added here), never fails an answer.
 */
import type { OpenApiMeta } from "trpc-to-openapi";
import type { IndicatorDescription } from "../stats/indicators";
import type { IndicatorsAnswer } from "../stats/service";
import { z } from "../validation";

const breakdownItem = z.looseObject({ key: z.string(), label: z.string(), value: z.number() });
const seriesPoint = z.looseObject({ period: z.string().describe("YYYY-MM (Bogotá)"), value: z.number() });

const indicatorValue = z.looseObject({
  key: z.string(),
  family: z.string(),
  unit: z.string().describe("count, percent, days, hours or cop"),
  name: z.string(),
  definition: z.string(),
  value: z.number().nullable().describe("null: not computable for the period"),
  breakdown: z.array(breakdownItem).optional(),
  series: z.array(seriesPoint).optional(),
});

/*
 * Typed as the answers the stats module declares, so callers keep its precise types (families and
 * units as unions); the schemas check and document the shape, and pass every field through.
 */
export const statsIndicatorsOutput = z.looseObject({
  filters: z.looseObject({ period: z.string(), from: z.string(), to: z.string(), sector: z.string().optional() }),
  generatedAt: z.string(),
  indicators: z.array(indicatorValue),
}) as unknown as z.ZodType<IndicatorsAnswer>;

export const statsDefinitionsOutput = z.array(
  z.looseObject({ key: z.string(), family: z.string(), unit: z.string(), bySector: z.boolean(), name: z.string(), definition: z.string() }),
) as unknown as z.ZodType<IndicatorDescription[]>;

const get = (path: `/${string}`, summary: string): OpenApiMeta => ({ openapi: { method: "GET", path, summary, tags: ["indicadores"], protect: false } });

export const statsOpenApi = {
  indicators: get("/v1/indicators", "Every public indicator for a period (month, quarter, year or a custom range) and an optional sector"),
  definitions: get("/v1/indicators/definitions", "Every indicator's key, family, unit, name and written definition"),
};
