/**
 * GET /indicadores/en-vivo?from=YYYY-MM-DD&to=YYYY-MM-DD&sector=…  (Server-Sent Events), mounted in
 * server/http/app.ts before the Remix catch-all. The open /indicadores page listens here
 * (app/components/live-indicators.tsx): the current indicators on connect, then `event: indicators`
 * after each change, computed once for every viewer of the same filters (./stats-stream.ts).
 */
import express, { type Request, type Response } from "express";
import { Sector } from "../db/generated/enums";
import { resolveLocale } from "../i18n/locale";
import { nodeHeaders } from "../http/node-headers";
import { dateField } from "../booking/schemas";
import { computeIndicators } from "../stats/indicators";
import { MAX_RANGE_YEARS } from "../stats/schemas";
import type { StatsFilters } from "../stats/types";
import type { Services } from "../trpc/context";
import { z } from "../validation";
import { createStatsStream, type StatsStreamOptions } from "./stats-stream";

export const LIVE_INDICATORS_PATH = "/indicadores/en-vivo";

/** The days the page resolved (its data-stats-* attributes), bounded as the stats API bounds a custom range. */
const liveQuery = z
  .object({ from: dateField, to: dateField, sector: z.enum(Sector).optional() })
  .refine((q) => q.from <= q.to && q.to < `${Number(q.from.slice(0, 4)) + MAX_RANGE_YEARS}${q.from.slice(4)}`);

export function liveFilters(query: unknown): StatsFilters | null {
  const parsed = liveQuery.safeParse(query);
  return parsed.success ? parsed.data : null;
}

export function liveIndicatorRoutes(services: Services, options: Partial<StatsStreamOptions> = {}) {
  const stream = createStatsStream({
    changes: services.changes,
    compute: (filters, locale) => computeIndicators(services.db, filters, locale),
    ...options,
  });
  const routes = express.Router();
  routes.get(LIVE_INDICATORS_PATH, (req: Request, res: Response) => {
    const filters = liveFilters(req.query);
    if (!filters) return void res.status(400).set("Cache-Control", "no-store").type("text/plain").send("Filtros no válidos.");
    if (stream.isFull()) return void tooMany(res);
    res.status(200);
    res.set({
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: the compression middleware leaves the stream alone instead of buffering it.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
      Connection: "keep-alive",
    });
    res.flushHeaders();
    // A reconnecting EventSource waits this long; the first message arrives with the snapshot.
    res.write("retry: 3000\n\n");
    const leave = stream.join(filters, resolveLocale(nodeHeaders(req)), {
      write: (chunk) => void res.write(chunk),
      end: () => res.end(),
    });
    if (!leave) return void res.end();
    req.socket.setNoDelay(true);
    res.on("close", leave);
  });
  return { routes, stream };
}

function tooMany(res: Response) {
  res.status(503).set({ "Retry-After": "30", "Cache-Control": "no-store" }).type("text/plain").send("Demasiadas pantallas en vivo; intenta más tarde.");
}
