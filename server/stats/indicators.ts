/**
 * The public impact indicators (issue 14), each defined once — key, family, unit, name and written
 * definition (server/i18n/stats-messages.ts) and its SQL (the family's module under server/stats/) —
 * and read through computeIndicators by every page, chart, API answer, export and live update.
 * One SQL statement per family, so a call costs five statements whatever the data.
 */
import type { DbClient } from "../db/client";
import type { Locale } from "../i18n/locale";
import { translate, type MessageKey } from "../i18n/messages";
import { alliancesFamily } from "./alliances";
import { callsFamily } from "./calls";
import { ideasFamily } from "./ideas";
import { participationFamily } from "./participation";
import { statsRange } from "./range";
import { spacesFamily } from "./spaces";
import type { IndicatorDefinition, IndicatorFamily, IndicatorValue, StatsFilters } from "./types";

export type {
  IndicatorBreakdownItem,
  IndicatorDefinition,
  IndicatorFamily,
  IndicatorSeriesPoint,
  IndicatorUnit,
  IndicatorValue,
  StatsFilters,
} from "./types";

/** The families in the order pages show them. */
const FAMILIES = [ideasFamily, callsFamily, alliancesFamily, spacesFamily, participationFamily] as const;

export const INDICATOR_FAMILIES: readonly IndicatorFamily[] = FAMILIES.map((f) => f.family);
export const INDICATOR_DEFINITIONS: readonly IndicatorDefinition[] = FAMILIES.flatMap((f) => f.definitions);
export const INDICATOR_KEYS: readonly string[] = INDICATOR_DEFINITIONS.map((d) => d.key);

export interface IndicatorDescription extends IndicatorDefinition {
  name: string;
  definition: string;
}

export function indicatorName(key: string, locale: Locale): string {
  return translate(locale, `stats.${key}.name` as MessageKey);
}

export function indicatorDefinition(key: string, locale: Locale): string {
  return translate(locale, `stats.${key}.definition` as MessageKey);
}

/** Every indicator's key, family, unit, name and written definition, in the caller's language. */
export function describeIndicators(locale: Locale): IndicatorDescription[] {
  return INDICATOR_DEFINITIONS.map((d) => ({ ...d, name: indicatorName(d.key, locale), definition: indicatorDefinition(d.key, locale) }));
}

/** Every indicator for the filters, in INDICATOR_KEYS order: one statement per family, run together. */
export async function computeIndicators(db: DbClient, filters: StatsFilters, locale: Locale): Promise<IndicatorValue[]> {
  const range = statsRange(filters);
  const results = await Promise.all(FAMILIES.map((family) => family.compute(db, range, locale)));
  return FAMILIES.flatMap((family, index) =>
    family.definitions.map((d) => {
      const result = results[index]![d.key] ?? { value: null };
      return {
        key: d.key,
        family: d.family,
        unit: d.unit,
        name: indicatorName(d.key, locale),
        definition: indicatorDefinition(d.key, locale),
        ...result,
      };
    }),
  );
}
