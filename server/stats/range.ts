/** Stats filters as instants and months: Bogotá calendar days through server/booking/time (no fixed offsets). */
import { addDays, instantAt } from "../booking/time";
import type { IndicatorBreakdownItem, StatsFilters, StatsRange } from "./types";

/** Every "YYYY-MM" from the month of `from` to the month of `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const label = `${year}-${String(month).padStart(2, "0")}`;
    months.push(label);
    if (label >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

export function statsRange(filters: StatsFilters): StatsRange {
  return {
    filters,
    start: instantAt(filters.from, 0),
    end: instantAt(addDays(filters.to, 1), 0),
    months: monthsBetween(filters.from, filters.to),
  };
}

/** A zero-filled monthly series from the rows SQL returned (months with nothing are absent there). */
export function monthlySeries(range: StatsRange, rows: readonly { period: string; value: number }[] | null | undefined) {
  const byMonth = new Map((rows ?? []).map((row) => [row.period, Number(row.value)]));
  return range.months.map((period) => ({ period, value: byMonth.get(period) ?? 0 }));
}

/** A share as a percentage with one decimal; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

export const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Every option in the enum's order (zeros included, so charts keep their shape from one period to the next). */
export function byEnum(order: readonly string[], rows: { key: string; value: number }[] | null, label: (key: string) => string): IndicatorBreakdownItem[] {
  const counts = new Map((rows ?? []).map((r) => [r.key, Number(r.value)]));
  return order.map((key) => ({ key, label: label(key), value: counts.get(key) ?? 0 }));
}
