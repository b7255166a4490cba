/** How indicator numbers read (browser-light: Intl only). */
import type { StatsPeriod } from "../../server/stats/schemas";
import type { IndicatorUnit } from "../../server/stats/types";

/** The URL's words for each period (Spanish, like every other filter in the app's addresses); the page's form lists them too. */
export const PERIOD_PARAMS = { mes: "month", trimestre: "quarter", anio: "year", rango: "custom" } as const satisfies Record<string, StatsPeriod>;
export type PeriodParam = keyof typeof PERIOD_PARAMS;

type Translate = (key: never, params?: Record<string, string>) => string;

/** The number as people read it: Spanish (Colombia) grouping and decimals, the unit in words, "—" when not computable. */
export function formatIndicator(value: number | null, unit: IndicatorUnit, language: string, t: Translate): string {
  if (value === null) return "—";
  const number = new Intl.NumberFormat(language === "en" ? "en-US" : "es-CO", { maximumFractionDigits: 1 }).format(value);
  if (unit === "count") return number;
  return t(`indicators.unit.${unit}` as never, { value: number });
}

export function monthLabel(period: string, language: string): string {
  const [year, month] = period.split("-").map(Number);
  return new Intl.DateTimeFormat(language === "en" ? "en-US" : "es-CO", { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year!, month! - 1, 15)));
}
