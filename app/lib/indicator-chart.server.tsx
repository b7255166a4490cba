/**
 * Bar charts drawn on the server as SVG markup with @visx, so the browser gets a picture and no
 * chart code (the page's JavaScript budget, tests/perf/page-weight.test.ts). Named by their title
 * for screen readers; the page puts the same numbers in a table next to each.
 */
import { AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { renderToStaticMarkup } from "react-dom/server";

export interface ChartRow {
  key: string;
  label: string;
  value: number;
  /** The value as people read it (units in words). */
  shown: string;
}

const WIDTH = 560;
const ROW = 28;
const LABEL_WIDTH = 200;
const VALUE_WIDTH = 110;

function truncate(label: string): string {
  return label.length > 30 ? `${label.slice(0, 29)}…` : label;
}

export function chartSvg(titleId: string, title: string, rows: readonly ChartRow[]): string {
  const height = rows.length * ROW + 8;
  const y = scaleBand({ domain: rows.map((r) => r.key), range: [4, height - 4], padding: 0.25 });
  const x = scaleLinear({ domain: [0, Math.max(1, ...rows.map((r) => r.value))], range: [0, WIDTH - LABEL_WIDTH - VALUE_WIDTH] });
  const labels = new Map(rows.map((r) => [r.key, r.label]));
  // visx's tick labels carry style="overflow:visible", an inline style the page's CSP refuses: the
  // same presentation attribute says it without one.
  return renderToStaticMarkup(
    <svg role="img" aria-labelledby={titleId} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      <title id={titleId}>{title}</title>
      <Group left={LABEL_WIDTH}>
        <AxisLeft scale={y} tickFormat={(key) => truncate(labels.get(String(key)) ?? String(key))} hideTicks tickLabelProps={{ fontSize: 12, fill: "currentColor", textAnchor: "end" }} stroke="currentColor" />
        {rows.map((r) => (
          <g key={r.key}>
            <Bar x={0} y={y(r.key) ?? 0} width={x(r.value)} height={y.bandwidth()} fill="var(--accent, #1f6f50)" />
            <text x={x(r.value) + 6} y={(y(r.key) ?? 0) + y.bandwidth() / 2} dominantBaseline="middle" fontSize={12} fill="currentColor">
              {r.shown}
            </text>
          </g>
        ))}
      </Group>
    </svg>,
  ).replaceAll(' style="overflow:visible"', ' overflow="visible"');
}
