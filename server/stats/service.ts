/** The stats API's use cases: a period resolved against the database clock, then the indicators. */
import { localParts } from "../booking/time";
import { queryRows, Prisma, type DbClient } from "../db/client";
import type { Locale } from "../i18n/locale";
import { computeIndicators, describeIndicators } from "./indicators";
import type { StatsPeriod } from "./schemas";
import type { IndicatorValue, StatsFilters } from "./types";

export interface ResolvedFilters extends StatsFilters {
  period: StatsPeriod;
}

export interface IndicatorsAnswer {
  filters: ResolvedFilters;
  /** The database clock when computed (ISO 8601, UTC). */
  generatedAt: string;
  indicators: IndicatorValue[];
}

/** The current month, quarter or year in Bogotá, from its first day up to `today`; custom ranges as given. */
export function periodRange(period: StatsPeriod, today: string, custom: { from?: string; to?: string }): { from: string; to: string } {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  if (period === "custom") return { from: custom.from!, to: custom.to! };
  if (period === "year") return { from: `${year}-01-01`, to: today };
  if (period === "quarter") return { from: `${year}-${String(month - ((month - 1) % 3)).padStart(2, "0")}-01`, to: today };
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

async function databaseNow(db: DbClient): Promise<Date> {
  const [row] = await queryRows<{ now: Date }>(db, Prisma.sql`SELECT cocrea_now() AS "now"`);
  return row!.now;
}

export async function resolveFilters(
  db: DbClient,
  input: { period: StatsPeriod; from?: string; to?: string; sector?: StatsFilters["sector"] },
): Promise<{ filters: ResolvedFilters; now: Date }> {
  const now = await databaseNow(db);
  const range = periodRange(input.period, localParts(now).date, input);
  return { filters: { period: input.period, ...range, ...(input.sector ? { sector: input.sector } : {}) }, now };
}

export async function indicatorsFor(
  db: DbClient,
  locale: Locale,
  input: { period: StatsPeriod; from?: string; to?: string; sector?: StatsFilters["sector"] },
): Promise<IndicatorsAnswer> {
  const { filters, now } = await resolveFilters(db, input);
  const { period: _period, ...statsFilters } = filters;
  return { filters, generatedAt: now.toISOString(), indicators: await computeIndicators(db, statsFilters, locale) };
}

export { describeIndicators };
