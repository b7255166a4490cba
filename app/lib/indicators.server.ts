/**
 * /indicadores: the public indicators for the filters in the URL (?periodo=&desde=&hasta=&sector=),
 * through stats.indicators, so the page shows exactly what the API answers. Filters the API refuses
 * (an incomplete or inverted custom range) are shown with its message, over the current month.
 */
import type { AppLoadContext } from "@remix-run/node";
import { Sector } from "../../server/db/generated/enums";
import type { IndicatorValue } from "../../server/stats/types";
import type { IndicatorChartData } from "../components/indicator-card";
import { translatorFor } from "../i18n";
import { chartSvg } from "./indicator-chart.server";
import { formatIndicator, monthLabel, PERIOD_PARAMS, type PeriodParam } from "./indicator-format";


function periodParam(value: string | null): PeriodParam {
  return value && Object.hasOwn(PERIOD_PARAMS, value) ? (value as PeriodParam) : "mes";
}

export async function indicatorsPage(context: AppLoadContext, request: Request) {
  const params = new URL(request.url).searchParams;
  const periodo = periodParam(params.get("periodo"));
  const sector = Object.values(Sector).find((s) => s === params.get("sector"));
  const desde = params.get("desde")?.trim().slice(0, 10) ?? "";
  const hasta = params.get("hasta")?.trim().slice(0, 10) ?? "";
  const input = { period: PERIOD_PARAMS[periodo], sector, ...(periodo === "rango" ? { from: desde, to: hasta } : {}) };
  let error: string | null = null;
  let answer;
  try {
    answer = await context.caller.stats.indicators(input);
  } catch (failure) {
    const described = context.describeError(failure);
    if (described.httpStatus !== 400) throw failure;
    error = Object.values(described.fieldErrors)[0] ?? described.message;
    answer = await context.caller.stats.indicators({ period: "month", sector });
  }
  const language = context.ctx.locale;
  const charts = Object.fromEntries(answer.indicators.map((indicator) => [indicator.key, chartsOf(indicator, language)]));
  return { form: { periodo, desde, hasta, sector: sector ?? "" }, error, ...answer, charts };
}

/** An indicator's breakdown and monthly series as server-drawn bar charts, each with the rows of its table. */
function chartsOf(indicator: IndicatorValue, language: "es" | "en"): IndicatorChartData[] {
  const t = translatorFor(language, ["indicadores"]).t;
  const show = (value: number) => formatIndicator(value, indicator.unit, language, t as never);
  const id = `indicador-${indicator.key.replace(/\./g, "-")}`;
  const charts: IndicatorChartData[] = [];
  const add = (suffix: string, title: string, labelHeader: string, rows: { key: string; label: string; value: number }[]) => {
    const shown = rows.map((r) => ({ ...r, shown: show(r.value) }));
    charts.push({ id: `${id}-${suffix}`, title, labelHeader, rows: shown.map(({ key, label, shown }) => ({ key, label, shown })), svg: chartSvg(`${id}-${suffix}-title`, title, shown) });
  };
  if (indicator.breakdown && indicator.breakdown.length > 0) add("breakdown", indicator.name, t("indicators.category"), indicator.breakdown);
  if (indicator.series && indicator.series.length > 1) {
    add("series", t("indicators.byMonth", { name: indicator.name }), t("indicators.month"), indicator.series.map((s) => ({ key: s.period, label: monthLabel(s.period, language), value: s.value })));
  }
  return charts;
}
