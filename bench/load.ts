/**
 * One load run with autocannon. Every response's latency is kept (autocannon's own summary has
 * no p95), so percentiles are exact and rounds of one scenario can be pooled.
 */
import autocannon from "autocannon";

export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

/** A fixed request, or a generator called before every request (e.g. a different account). */
export type RequestSource = LoadRequest | (() => LoadRequest);

export interface LoadSample {
  latenciesMs: number[];
  /** Completed responses with a 2xx status, or one the scenario accepts. */
  ok: number;
  /** Responses with any other status. */
  non2xx: number;
  errors: number;
  durationS: number;
  /** The non-2xx status codes seen (accepted ones too), for the report. */
  statusCodes: Record<string, number>;
}

export interface LoadOptions {
  baseUrl: string;
  source: RequestSource;
  connections: number;
  durationS: number;
  /** Non-2xx statuses that are a correct answer (a lost race's 409): timed and counted like 2xx. */
  accepts?: readonly number[];
}

function withBodyHeaders(request: LoadRequest): LoadRequest {
  if (request.body === undefined) return request;
  return { ...request, headers: { "content-type": "application/json", ...request.headers } };
}

export async function runLoad(options: LoadOptions): Promise<LoadSample> {
  const { source } = options;
  const base = withBodyHeaders(typeof source === "function" ? source() : source);
  let finish!: (result: autocannon.Result) => void;
  let fail!: (error: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: options.baseUrl,
      connections: options.connections,
      duration: options.durationS,
      // A slow server must show as latency, never as a silently dropped request.
      timeout: 30,
      requests: [
        typeof source === "function"
          ? { ...base, setupRequest: (request: autocannon.Request) => ({ ...request, ...withBodyHeaders(source()) }) }
          : base,
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  const latenciesMs: number[] = [];
  const statusCodes: Record<string, number> = {};
  let accepted = 0;
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    const is2xx = statusCode >= 200 && statusCode < 300;
    if (!is2xx) statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    if (is2xx || options.accepts?.includes(statusCode)) latenciesMs.push(responseTime);
    if (!is2xx && options.accepts?.includes(statusCode)) accepted += 1;
  });
  const result = await finished;
  return {
    latenciesMs,
    ok: latenciesMs.length,
    non2xx: result.non2xx - accepted,
    errors: result.errors + result.timeouts,
    durationS: result.duration,
    statusCodes,
  };
}

export interface LoadSummary {
  p50: number;
  p95: number;
  p99: number;
  /** Answered (2xx or accepted) responses per second over all pooled rounds. */
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarize(samples: LoadSample[]): LoadSummary {
  const latencies = samples.flatMap((s) => s.latenciesMs).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, s) => sum + s.durationS, 0);
  const statusCodes: Record<string, number> = {};
  for (const sample of samples) {
    for (const [code, count] of Object.entries(sample.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    rps: round(seconds > 0 ? latencies.length / seconds : 0),
    requests: latencies.length,
    non2xx: samples.reduce((sum, s) => sum + s.non2xx, 0),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    statusCodes,
  };
}
