import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { SizeResult, TargetVerdict } from "./targets";

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const [head, ...body] = rows;
  return [pad(head!, widths), widths.map((w) => "-".repeat(w)).join("  "), ...body.map((r) => pad(r, widths))].join("\n");
}

const n = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "-");

export function formatSize(size: SizeResult): string {
  const rows = [
    ["scenario", "app p50", "p95", "p99", "req/s", "base p50", "p95", "p99", "req/s", "p50×", "req/s×", "body", "baseline"],
    ...size.scenarios.map((s) => [
      s.name,
      n(s.app.p50),
      n(s.app.p95),
      n(s.app.p99),
      n(s.app.rps, 0),
      n(s.baseline.p50),
      n(s.baseline.p95),
      n(s.baseline.p99),
      n(s.baseline.rps, 0),
      n(s.ratios.p50, 3),
      n(s.ratios.rps, 3),
      s.check.status,
      s.baseline.of,
    ]),
  ];
  const plans = Object.entries(size.plans)
    .map(([name, plan]) => `  ${name.padEnd(14)} ${plan.nodes ? plan.nodes.join(" > ") : (plan.note ?? "unavailable")}`)
    .join("\n");
  return [
    `\n== ${size.ideas.toLocaleString("en")} ideas (${size.counts.published} published, ${size.counts.with_files} with attachments, ` +
      `${size.counts.users} users; loaded in ${size.seedSeconds.toFixed(1)} s)`,
    `idle RSS after warm-up: app ${size.idleRssMiB.app ?? "?"} MiB (${size.commands.app}), ` +
      `raw server ${size.idleRssMiB.raw ?? "?"} MiB (${size.commands.raw})`,
    `load average ${size.loadAverage.before} → ${size.loadAverage.after} on ${os.cpus().length} CPUs` +
      (Math.max(size.loadAverage.before, size.loadAverage.after) > os.cpus().length
        ? ": the machine was busy, these numbers are noisy"
        : ""),
    "latency in ms; ratios are app ÷ baseline",
    table(rows),
    ...size.scenarios.filter((s) => s.check.detail).map((s) => `  ${s.name}: ${s.check.detail}`),
    "query plans (app's list query, EXPLAIN):",
    plans,
  ].join("\n");
}

export function formatTargets(verdicts: TargetVerdict[]): string {
  if (verdicts.length === 0) return "\n(no targets evaluated)";
  const rows = [["", "target", "scenario", "value", "limit"], ...verdicts.map((v) => [v.pass ? "PASS" : "FAIL", v.target, v.scenario, v.value, v.limit])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  const failed = verdicts.filter((v) => !v.pass).length;
  return [`\n== Targets: ${verdicts.length - failed} passed, ${failed} missed`, line(rows[0]!), ...rows.slice(1).map(line)].join("\n");
}

export async function writeResults(root: string, report: unknown, startedAt: Date): Promise<string> {
  const dir = path.join(root, "bench-results");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
