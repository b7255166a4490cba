import { runLoad, summarize, type LoadRequest, type LoadSample, type LoadSummary, type RequestSource } from "./load";
import type { ServerProcess } from "./processes";
import { shapeOf, type Scenario, type ScenarioContext } from "./scenarios";
import type { ScenarioResult } from "./targets";

export interface MeasureOptions {
  connections: number;
  durationS: number;
  rounds: number;
  warmupS: number;
}

async function fetchBody(server: ServerProcess, request: LoadRequest): Promise<{ status: number; body: string }> {
  const response = await fetch(`${server.baseUrl}${request.path}`, {
    method: request.method,
    headers: { ...(request.body === undefined ? {} : { "content-type": "application/json" }), ...request.headers },
    body: request.body,
  });
  return { status: response.status, body: await response.text() };
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const excerpt = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 30), i + 50));
  return `bodies differ at byte ${i} (app ${a.length} B, raw ${b.length} B): app …${excerpt(a)}… raw …${excerpt(b)}…`;
}

/** The app's and the raw server's answers to one request, compared before any load. */
export async function checkBodies(
  scenario: Scenario,
  ctx: ScenarioContext,
  app: ServerProcess,
  raw: ServerProcess,
): Promise<ScenarioResult["check"]> {
  const source = scenario.request(ctx);
  const request = typeof source === "function" ? source() : source;
  const [forApp, forRaw] = scenario.checkRequest ? [scenario.checkRequest(ctx, "app"), scenario.checkRequest(ctx, "raw")] : [request, request];
  if (scenario.check === "none" || scenario.baseline !== "raw") {
    const answer = await fetchBody(app, forApp);
    if (answer.status !== 200) return { status: "differs", detail: `app answered ${answer.status}: ${answer.body.slice(0, 200)}` };
    // Bodies that cannot match are still both answers: a failing baseline would be a fast one.
    const baseline = scenario.baseline === "raw" ? await fetchBody(raw, forRaw) : null;
    return !baseline || baseline.status === 200
      ? { status: "not-checked" }
      : { status: "differs", detail: `raw answered ${baseline.status}: ${baseline.body.slice(0, 200)}` };
  }
  const [fromApp, fromRaw] = [await fetchBody(app, forApp), await fetchBody(raw, forRaw)];
  if (fromApp.status !== 200 || fromRaw.status !== 200) {
    return { status: "differs", detail: `status app ${fromApp.status}, raw ${fromRaw.status}: ${fromApp.body.slice(0, 200)}` };
  }
  if (scenario.check === "identical") {
    return fromApp.body === fromRaw.body ? { status: "identical" } : { status: "differs", detail: firstDifference(fromApp.body, fromRaw.body) };
  }
  const [a, b] = [shapeOf(fromApp.body), shapeOf(fromRaw.body)];
  return a === b ? { status: "same-shape" } : { status: "differs", detail: firstDifference(a, b) };
}

async function load(server: ServerProcess, scenario: Scenario, source: RequestSource, options: MeasureOptions, durationS: number) {
  return runLoad({ baseUrl: server.baseUrl, source, connections: options.connections, durationS, accepts: scenario.accepts });
}

const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

/**
 * Alternates the two servers in ABBA order (app, raw, raw, app, ...) after a warm-up of each,
 * so drift in the machine's load weighs on both alike.
 */
export async function measureScenario(
  scenario: Scenario,
  ctx: ScenarioContext,
  servers: { app: ServerProcess; raw: ServerProcess },
  options: MeasureOptions,
  check: ScenarioResult["check"],
  earlier: ScenarioResult[],
): Promise<ScenarioResult> {
  const { app, raw } = servers;
  const source = scenario.request(ctx);
  const vsRaw = scenario.baseline === "raw";
  if (options.warmupS > 0) {
    await load(app, scenario, source, options, options.warmupS);
    if (vsRaw) await load(raw, scenario, source, options, options.warmupS);
  }
  const appSamples: LoadSample[] = [];
  const rawSamples: LoadSample[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? ([app, raw] as const) : ([raw, app] as const);
    for (const server of order) {
      if (server === raw && !vsRaw) continue;
      (server === app ? appSamples : rawSamples).push(await load(server, scenario, source, options, options.durationS));
    }
  }
  const appSummary = summarize(appSamples);
  let baseline: LoadSummary & { of: string };
  if (typeof scenario.baseline === "object") {
    const of = scenario.baseline.appScenario;
    const other = earlier.find((r) => r.name === of);
    baseline = other ? { ...other.app, of: `app ${of}` } : { ...summarize([]), of: `app ${of} (not measured)` };
  } else {
    baseline = { ...summarize(rawSamples), of: "raw" };
  }
  return {
    name: scenario.name,
    kind: scenario.kind,
    description: scenario.description,
    check,
    app: appSummary,
    baseline,
    ratios: {
      p50: ratio(appSummary.p50, baseline.p50),
      p95: ratio(appSummary.p95, baseline.p95),
      rps: ratio(appSummary.rps, baseline.rps),
    },
  };
}
