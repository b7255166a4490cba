/** One indicator: its number (units in words, "—" when not computable) with its written definition next to it, and its charts. */
import { useTranslation } from "~/i18n/react";
import { formatIndicator } from "~/lib/indicator-format";
import type { IndicatorValue } from "../../server/stats/types";

export { formatIndicator };

export interface IndicatorChartData {
  id: string;
  title: string;
  labelHeader: string;
  rows: { key: string; label: string; shown: string }[];
  /** SVG markup drawn on the server (app/lib/indicator-chart.server.tsx). */
  svg: string;
}

export function IndicatorCard({ indicator, charts }: { indicator: IndicatorValue; charts: IndicatorChartData[] }) {
  const { t, i18n } = useTranslation();
  const id = `indicador-${indicator.key.replace(/\./g, "-")}`;
  return (
    <article className="indicator card" aria-labelledby={`${id}-name`}>
      <dl>
        <dt id={`${id}-name`}>{indicator.name}</dt>
        <dd className="indicator-value" data-indicator={indicator.key} title={indicator.value === null ? t("indicators.notComputable") : undefined}>
          {formatIndicator(indicator.value, indicator.unit, i18n.language, t as never)}
        </dd>
        <dd className="indicator-definition">
          <span className="visually-hidden">{t("indicators.definition")}: </span>
          {indicator.definition}
        </dd>
      </dl>
      {charts.map((chart) => (
        <figure key={chart.id} className="indicator-chart">
          <div dangerouslySetInnerHTML={{ __html: chart.svg }} />
          <details>
            <summary>{t("indicators.table")}</summary>
            <table>
              <caption>{chart.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{chart.labelHeader}</th>
                  <th scope="col">{t("indicators.value")}</th>
                </tr>
              </thead>
              <tbody>
                {chart.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td>{r.shown}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </figure>
      ))}
    </article>
  );
}
