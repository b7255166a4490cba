import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "~/components/filters";
import { IndicatorCard } from "~/components/indicator-card";
import { LiveIndicators } from "~/components/live-indicators";
import { useTranslation } from "~/i18n/react";
import { indicatorsPage } from "~/lib/indicators.server";
import { PERIOD_PARAMS } from "~/lib/indicator-format";
import { titledPage } from "~/lib/meta";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";
import { Sector } from "../../server/db/generated/enums";
import type { IndicatorFamily } from "../../server/stats/types";

export const meta = titledPage("nav.indicators");
export const handle = copyAreas("indicadores");
export const clientLoader = loadCopyAreas("indicadores");

export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(await indicatorsPage(context, request));
}

const FAMILIES: IndicatorFamily[] = ["ideas", "calls", "alliances", "spaces", "participation"];
/** Families the sector filter narrows (Idea.sector, Call.sectors); the others say it does not apply. */
const BY_SECTOR = new Set<IndicatorFamily>(["ideas", "calls"]);

export default function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const { form, error, filters, indicators, charts } = useLoaderData<typeof loader>();
  const day = (date: string) =>
    new Intl.DateTimeFormat(i18n.language === "en" ? "en-US" : "es-CO", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
  return (
    <section className="page indicators" aria-labelledby="indicators-title" data-stats-from={filters.from} data-stats-to={filters.to} data-stats-sector={filters.sector ?? ""}>
      <div className="page-head">
        <div>
          <h1 id="indicators-title">{t("nav.indicators")}</h1>
          <p className="lead">{t("indicators.lead")}</p>
        </div>
      </div>
      <Form method="get" className="filters" role="search" aria-label={t("indicators.filters")}>
        <FilterSelect
          id="periodo"
          name="periodo"
          label={t("indicators.period")}
          value={form.periodo}
          options={Object.keys(PERIOD_PARAMS).map((p) => ({ value: p, label: t(`indicators.period.${p as keyof typeof PERIOD_PARAMS}`) }))}
        />
        <fieldset className="field">
          <legend>{t("indicators.period.rango")}</legend>
          <p className="hint" id="range-hint">
            {t("indicators.rangeHint")}
          </p>
          <label htmlFor="desde">{t("indicators.from")}</label>
          <input id="desde" name="desde" type="date" defaultValue={form.desde} aria-describedby="range-hint" />
          <label htmlFor="hasta">{t("indicators.to")}</label>
          <input id="hasta" name="hasta" type="date" defaultValue={form.hasta} aria-describedby="range-hint" />
        </fieldset>
        <FilterSelect
          id="sector"
          name="sector"
          label={t("indicators.sector")}
          anyLabel={t("indicators.anySector")}
          value={form.sector}
          options={Object.values(Sector).map((s) => ({ value: s, label: t(`sector.${s}`) }))}
        />
        <button type="submit" className="secondary">
          {t("indicators.apply")}
        </button>
      </Form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <p role="status" className="meta">
        {t("indicators.showing", { from: day(filters.from), to: day(filters.to) })}
      </p>
      <LiveIndicators />
      {FAMILIES.map((family) => {
        const members = indicators.filter((i) => i.family === family);
        if (members.length === 0) return null;
        return (
          <section key={family} aria-labelledby={`familia-${family}`} className="indicator-family">
            <h2 id={`familia-${family}`}>{t(`indicators.family.${family}`)}</h2>
            {filters.sector && !BY_SECTOR.has(family) ? <p className="hint">{t("indicators.sectorIgnored")}</p> : null}
            <div className="grid">
              {members.map((indicator) => (
                <IndicatorCard key={indicator.key} indicator={indicator} charts={charts[indicator.key] ?? []} />
              ))}
            </div>
          </section>
        );
      })}
    </section>
  );
}
