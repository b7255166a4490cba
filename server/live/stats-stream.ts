/**
 * Live indicators for every open /indicadores page (issue 14). Viewers are grouped by what they
 * look at (filters and language); when the change feed reports a write, changes arriving within
 * `coalesceMs` are folded into one, each group's indicators are computed ONCE and the same
 * message goes to all of its viewers. A page's cost to the database is thus one computation per
 * change and distinct view, never one per viewer, and no viewer polls.
 */
import type { Locale } from "../i18n/locale";
import type { IndicatorValue, StatsFilters } from "../stats/types";
import type { ChangeFeed } from "./changes";

/** What a viewer's connection must do: write SSE text, and end. */
export interface LiveViewer {
  write(chunk: string): void;
  end(): void;
}

export interface LiveIndicator {
  key: string;
  unit: IndicatorValue["unit"];
  /** The page formats it as it formats the first render (app/components/indicator-card.tsx). */
  value: number | null;
  breakdown?: IndicatorValue["breakdown"];
  series?: IndicatorValue["series"];
}

export interface StatsStreamOptions {
  changes: ChangeFeed;
  compute(filters: StatsFilters, locale: Locale): Promise<IndicatorValue[]>;
  coalesceMs?: number;
  heartbeatMs?: number;
  maxViewers?: number;
  onError?(error: unknown): void;
}

export interface StatsStream {
  /** Adds a viewer and sends it the current indicators; null when the stream is full. */
  join(filters: StatsFilters, locale: Locale, viewer: LiveViewer): (() => void) | null;
  viewerCount(): number;
  /** True when a new viewer would be refused (answer 503 before starting the stream). */
  isFull(): boolean;
  /** Ends every viewer's stream (server shutdown). */
  close(): void;
}

interface Snapshot {
  version: number;
  message: string;
}

interface Group {
  filters: StatsFilters;
  locale: Locale;
  viewers: Map<LiveViewer, { sentVersion: number }>;
  latest: Snapshot | null;
  computing: { version: number; promise: Promise<Snapshot> } | null;
}

export const DEFAULT_MAX_VIEWERS = 1_000;

export function createStatsStream(options: StatsStreamOptions): StatsStream {
  const coalesceMs = options.coalesceMs ?? 200;
  const heartbeatMs = options.heartbeatMs ?? 20_000;
  const maxViewers = options.maxViewers ?? DEFAULT_MAX_VIEWERS;
  const onError = options.onError ?? ((error: unknown) => console.error("[live] indicators failed", error));
  const groups = new Map<string, Group>();
  let viewers = 0;
  /** Bumped by every change heard: a snapshot of an older version is stale. */
  let version = 0;
  let flushTimer: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;

  function snapshotOf(group: Group): Promise<Snapshot> {
    if (group.latest?.version === version) return Promise.resolve(group.latest);
    if (group.computing?.version === version) return group.computing.promise;
    const at = version;
    const promise = options.compute(group.filters, group.locale).then((values) => {
      const snapshot = { version: at, message: sseMessage(values) };
      if (!group.latest || group.latest.version < at) group.latest = snapshot;
      return snapshot;
    });
    group.computing = { version: at, promise };
    void promise.finally(() => {
      if (group.computing?.promise === promise) group.computing = null;
    }).catch(() => {});
    return promise;
  }

  /** Sends the group's latest snapshot to those of its viewers that have not had it. */
  function deliver(group: Group, snapshot: Snapshot, only?: LiveViewer) {
    for (const [viewer, state] of group.viewers) {
      if ((only && viewer !== only) || state.sentVersion >= snapshot.version) continue;
      state.sentVersion = snapshot.version;
      viewer.write(snapshot.message);
    }
  }

  function refresh(group: Group, only?: LiveViewer) {
    snapshotOf(group).then((snapshot) => deliver(group, snapshot, only), onError);
  }

  function changed() {
    version += 1;
    flushTimer ??= setTimeout(() => {
      flushTimer = null;
      for (const group of groups.values()) refresh(group);
    }, coalesceMs);
  }

  function start() {
    unsubscribe = options.changes.subscribe(changed, close);
    heartbeat = setInterval(() => {
      for (const group of groups.values()) for (const viewer of group.viewers.keys()) viewer.write(": sigue en vivo\n\n");
    }, heartbeatMs);
    heartbeat.unref();
  }

  function stop() {
    unsubscribe?.();
    unsubscribe = null;
    if (heartbeat) clearInterval(heartbeat);
    if (flushTimer) clearTimeout(flushTimer);
    heartbeat = flushTimer = null;
  }

  function close() {
    const all = [...groups.values()].flatMap((group) => [...group.viewers.keys()]);
    groups.clear();
    viewers = 0;
    stop();
    for (const viewer of all) viewer.end();
  }

  return {
    join(filters, locale, viewer) {
      if (viewers >= maxViewers) return null;
      const key = JSON.stringify([filters.from, filters.to, filters.sector ?? null, locale]);
      let group = groups.get(key);
      if (!group) {
        group = { filters, locale, viewers: new Map(), latest: null, computing: null };
        groups.set(key, group);
      }
      if (viewers === 0) start();
      viewers += 1;
      group.viewers.set(viewer, { sentVersion: -1 });
      refresh(group, viewer);
      const joined = group;
      let left = false;
      return () => {
        if (left || !joined.viewers.delete(viewer)) return;
        left = true;
        viewers -= 1;
        if (joined.viewers.size === 0 && groups.get(key) === joined) groups.delete(key);
        if (viewers === 0) stop();
      };
    },
    viewerCount: () => viewers,
    isFull: () => viewers >= maxViewers,
    close,
  };
}

function sseMessage(values: IndicatorValue[]): string {
  const indicators: LiveIndicator[] = values.map((indicator) => ({
    key: indicator.key,
    unit: indicator.unit,
    value: indicator.value,
    ...(indicator.breakdown ? { breakdown: indicator.breakdown } : {}),
    ...(indicator.series ? { series: indicator.series } : {}),
  }));
  return `event: indicators\ndata: ${JSON.stringify({ indicators, at: new Date().toISOString() })}\n\n`;
}
