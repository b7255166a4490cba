/**
 * The monthly series of the public indicators, read through computeIndicators
 * (server/stats/indicators.ts) so every number is the one /indicadores shows: the last
 * SERIES_MONTHS months in Bogotá, the current one so far. Counts of people (or of their bookings)
 * from 1 to 4 read "<5", as in every other dataset.
 */
import type { DbClient } from "../db/client";
import { computeIndicators, indicatorName } from "../stats/indicators";
import { resolveFilters } from "../stats/service";
import { col } from "./sql-dataset";
import { suppressCount, type Dataset, type Page, type Position, type Row } from "./types";

export const SERIES_MONTHS = 36;
/** The series whose values count people, or bookings each made by one person. */
export const PEOPLE_SERIES: readonly string[] = ["participation.activeEntrepreneurs", "spaces.bookings"];

interface SeriesRow {
  at: Date;
  row: Row;
}

/** The first day of the month `months` before the month of `date` ("YYYY-MM-DD"). */
function monthStartBefore(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

async function seriesRows(db: DbClient): Promise<SeriesRow[]> {
  const { filters } = await resolveFilters(db, { period: "month" });
  const from = monthStartBefore(filters.to, SERIES_MONTHS - 1);
  const indicators = await computeIndicators(db, { from, to: filters.to }, "es");
  const rows = indicators.flatMap((indicator) =>
    (indicator.series ?? []).map((point) => ({
      at: new Date(`${point.period}-01T00:00:00Z`),
      row: {
        period: point.period,
        indicator: indicator.key,
        name_es: indicator.name,
        name_en: indicatorName(indicator.key, "en"),
        value: PEOPLE_SERIES.includes(indicator.key) ? suppressCount(point.value) : point.value,
        unit: indicator.unit,
      } satisfies Row,
    })),
  );
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime() || String(a.row.indicator).localeCompare(String(b.row.indicator)));
}

const isAfter = (row: SeriesRow, after: Position) =>
  row.at.getTime() > after.at.getTime() || (row.at.getTime() === after.at.getTime() && String(row.row.indicator).localeCompare(after.id) > 0);

export const indicatorSeries: Dataset = {
  key: "indicator-series",
  title: { es: "Series de indicadores", en: "Indicator time series" },
  description: {
    es: `Valor mensual de cada indicador con serie de /indicadores, en los últimos ${SERIES_MONTHS} meses (hora de Bogotá; el mes en curso, hasta hoy).`,
    en: `Monthly value of each indicator with a series on /indicadores, over the last ${SERIES_MONTHS} months (Bogotá time; the current month, so far).`,
  },
  columns: [
    col("period", "yearmonth", "Mes (AAAA-MM, hora de Bogotá)", "Month (YYYY-MM, Bogotá time)"),
    col("indicator", "string", "Clave del indicador (su definición está en /indicadores)", "Indicator key (defined on /indicadores)"),
    col("name_es", "string", "Nombre del indicador en español", "Indicator name in Spanish"),
    col("name_en", "string", "Nombre del indicador en inglés", "Indicator name in English"),
    col(
      "value",
      "number",
      `Valor del mes en su unidad; «<5» si cuenta personas o sus reservas (${PEOPLE_SERIES.join(", ")}) y es de 1 a 4`,
      `The month's value in its unit; "<5" when it counts people or their bookings (${PEOPLE_SERIES.join(", ")}) and is 1 to 4`,
      true,
    ),
    col("unit", "string", "Unidad: count, percent, days, hours o cop", "Unit: count, percent, days, hours or cop"),
  ],
  keyPattern: /^[a-z]+\.[A-Za-z]+$/,
  async page(db: DbClient, after: Position | null, limit: number): Promise<Page> {
    const all = await seriesRows(db);
    const rest = after ? all.filter((row) => isAfter(row, after)) : all;
    const kept = rest.slice(0, limit);
    const last = kept.at(-1);
    return {
      rows: kept.map((row) => row.row),
      last: rest.length > limit && last ? { at: last.at, id: String(last.row.indicator) } : null,
    };
  },
  async count(db: DbClient): Promise<number> {
    return (await seriesRows(db)).length;
  },
};
