/**
 * The targets of issue 7 ("Performance with proof"), evaluated on one run's results. Ratios are
 * judged at the largest size measured (100,000 ideas in a full run).
 */
import type { LoadSummary } from "./load";
import type { ScenarioKind } from "./scenarios";

export interface ScenarioResult {
  name: string;
  kind: ScenarioKind;
  description: string;
  check: { status: "identical" | "same-shape" | "differs" | "not-checked"; detail?: string };
  app: LoadSummary;
  /** The raw server's numbers, or the app scenario this one is compared with. */
  baseline: LoadSummary & { of: string };
  ratios: { p50: number; p95: number; rps: number };
}

export interface PlanCheck {
  query: string;
  /** Plan node types, outermost first; null when the query could not be obtained. */
  nodes: string[] | null;
  seqScanOnIdea: boolean | null;
  note?: string;
}

export interface SizeResult {
  ideas: number;
  seedSeconds: number;
  counts: Record<string, number>;
  idleRssMiB: { app: number | null; raw: number | null };
  /** How each server was started (the app runs through tsx until a compiled server exists). */
  commands: { app: string; raw: string };
  /** 1-minute load average before and after measuring: above the CPU count, numbers are noisy. */
  loadAverage: { before: number; after: number };
  scenarios: ScenarioResult[];
  plans: Record<string, PlanCheck>;
}

export interface TargetVerdict {
  target: string;
  scenario: string;
  value: string;
  limit: string;
  pass: boolean;
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : String(n));

export function evaluateTargets(sizes: SizeResult[]): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  const largest = sizes.at(-1);
  const smallest = sizes[0];
  if (!largest) return verdicts;
  const at = `at ${largest.ideas.toLocaleString("en")} ideas`;

  for (const size of sizes) {
    for (const s of size.scenarios) {
      if (s.check.status === "differs") {
        verdicts.push({ target: "same JSON as the raw baseline", scenario: `${s.name} (${size.ideas})`, value: "differs", limit: "identical", pass: false });
      }
      const failures = s.app.non2xx + s.app.errors + (s.baseline.of === "raw" ? s.baseline.non2xx + s.baseline.errors : 0);
      if (failures > 0) {
        verdicts.push({ target: "every response 2xx (or a status the scenario expects)", scenario: `${s.name} (${size.ideas})`, value: `${failures} failed`, limit: "0", pass: false });
      }
    }
  }

  for (const s of largest.scenarios) {
    if (s.kind === "list") {
      verdicts.push({ target: `p50 ≤ 1.5× raw ${at}`, scenario: s.name, value: `${fmt(s.ratios.p50)}×`, limit: "1.500×", pass: s.ratios.p50 <= 1.5 });
      verdicts.push({ target: `throughput ≥ 0.6 of raw ${at}`, scenario: s.name, value: fmt(s.ratios.rps), limit: "0.600", pass: s.ratios.rps >= 0.6 });
      const small = smallest !== largest ? smallest?.scenarios.find((x) => x.name === s.name) : undefined;
      if (small) {
        const growth = s.app.p95 / small.app.p95;
        verdicts.push({
          target: `p95 at ${largest.ideas} ≤ 1.3× p95 at ${smallest!.ideas}`,
          scenario: s.name,
          value: `${fmt(growth)}× (${s.app.p95} / ${small.app.p95} ms)`,
          limit: "1.300×",
          pass: growth <= 1.3,
        });
      }
    }
    if (s.kind === "write") {
      verdicts.push({ target: `throughput ≥ 0.5 of a raw insert ${at}`, scenario: s.name, value: fmt(s.ratios.rps), limit: "0.500", pass: s.ratios.rps >= 0.5 });
    }
    if (s.kind === "html") {
      verdicts.push({ target: `throughput ≥ 0.5 of the API (${s.baseline.of}) ${at}`, scenario: s.name, value: fmt(s.ratios.rps), limit: "0.500", pass: s.ratios.rps >= 0.5 });
    }
  }

  const plan = largest.plans["search-none"];
  verdicts.push({
    target: `search with no match uses an index ${at}`,
    scenario: "search-none",
    value: plan?.seqScanOnIdea === null || !plan ? (plan?.note ?? "plan unavailable") : plan.seqScanOnIdea ? "Seq Scan on Idea" : "no Seq Scan",
    limit: "no Seq Scan on Idea",
    pass: plan?.seqScanOnIdea === false,
  });
  return verdicts;
}
