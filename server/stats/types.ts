/**
 * The shapes of public impact indicators (issue 14). Every page, chart, API answer, export and live
 * update reads indicators through server/stats/indicators.ts, so each number is defined once.
 */
import type { Sector } from "../db/generated/enums";

export type IndicatorFamily = "ideas" | "calls" | "alliances" | "spaces" | "participation";
export type IndicatorUnit = "count" | "percent" | "days" | "hours" | "cop";

/** Bogotá calendar days, both inclusive. `sector` narrows ideas (Idea.sector) and calls (Call.sectors); other families ignore it. */
export interface StatsFilters {
  from: string;
  to: string;
  sector?: Sector;
}

export interface IndicatorBreakdownItem {
  key: string;
  label: string;
  value: number;
}

export interface IndicatorSeriesPoint {
  /** "YYYY-MM", every month of the range, zero-filled. */
  period: string;
  value: number;
}

export interface IndicatorValue {
  key: string;
  family: IndicatorFamily;
  unit: IndicatorUnit;
  /** In the caller's language. */
  name: string;
  definition: string;
  /** null: not computable (e.g. the median of nothing, a share of zero). */
  value: number | null;
  /** By state, sector, kind, space… */
  breakdown?: IndicatorBreakdownItem[];
  series?: IndicatorSeriesPoint[];
}

/** What a family module declares once per indicator; its SQL lives next to it in the same module. */
export interface IndicatorDefinition {
  key: string;
  family: IndicatorFamily;
  unit: IndicatorUnit;
  /** Whether the sector filter narrows it (false: the page says the filter does not apply). */
  bySector: boolean;
}

/** An indicator's computed number before its name and definition are put in the caller's language. */
export interface IndicatorResult {
  value: number | null;
  breakdown?: IndicatorBreakdownItem[];
  series?: IndicatorSeriesPoint[];
}

/** The filters as instants: [start, end) in UTC, plus every "YYYY-MM" month the range touches. */
export interface StatsRange {
  filters: StatsFilters;
  start: Date;
  end: Date;
  months: string[];
}

/** One family's module: its indicators' definitions and the one statement that computes them all. */
export interface IndicatorFamilyModule {
  family: IndicatorFamily;
  definitions: readonly IndicatorDefinition[];
  compute(db: import("../db/client").DbClient, range: StatsRange, locale: import("../i18n/locale").Locale): Promise<Record<string, IndicatorResult>>;
}
