import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { MAX_UPLOAD_REQUEST_BYTES } from "../files/rules";
import { createUploadthingHandler } from "../files/uploadthing-route";
import { createCaller, type Caller } from "../router";
import { createContext, type Context, type RequestInfo, type Services } from "../trpc/context";
import { describeError } from "../trpc/error-shape";
import { clientIp, limitRequestBodies, rejectCrossSiteMutations, securityHeaders, sendHttpError } from "./security";
import { sendFetchResponse, toFetchRequest } from "./fetch-bridge";
import { nodeHeaders } from "./node-headers";
import { createBranchRequestHandler } from "./remix-branches";
import { bookingCalendarRoutes } from "./booking-calendar";
import { openDataRoutes } from "./open-data";
import { liveIndicatorRoutes } from "../live/stats-route";
import { checkHealth } from "./health";
import { createLogger, logFailure, requestLogger, type Logger } from "./logging";
import { createTrpcHandler, isTrpcRequest } from "./trpc-handler";
import { retryAfterOn503, withUnavailableAsResponse } from "./unavailable";
import { discardUnreadBodies } from "./unread-body";

export { MAX_TRPC_BATCH_SIZE } from "./trpc-handler";

/** What Remix loaders and actions receive as `context`: the request's tRPC caller and helpers. */
export interface RemixLoadContext {
  ctx: Context;
  /** Throws a 503 Response, not a TRPCError, while the database is unavailable (see ./unavailable.ts). */
  caller: Caller;
  describeError: (error: unknown) => ReturnType<typeof describeError>;
  cspNonce: string;
}

function requestInfo(req: Request, res: Response): RequestInfo {
  return {
    headers: nodeHeaders(req),
    ip: clientIp(req),
    setCookie: (cookie) => res.append("Set-Cookie", cookie),
  };
}

export async function createRemixLoadContext(services: Services, req: Request, res: Response): Promise<RemixLoadContext> {
  const ctx = await createContext(services, requestInfo(req, res));
  return {
    ctx,
    caller: withUnavailableAsResponse(createCaller(ctx), (error) => describeError(error, ctx.locale)),
    describeError: (error) => {
      const description = describeError(error, ctx.locale);
      // A thrown Response (the caller's 503) is an answer, not a failure to log.
      if (!(error instanceof Response)) logFailure(req.log, description, error, "remix");
      return description;
    },
    cspNonce: String(res.locals.cspNonce ?? ""),
  };
}

const FILE_NAME = /\.[a-z0-9]+$/i;

/** Express 4 ignores rejected promises; this hands them to the error handler below. */
function handleAsync(handler: (req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response, next: NextFunction) => {
    handler(req, res).catch(next);
  };
}

export interface HttpAppOptions {
  /** The Remix server build; omitted in API-only tests. */
  remixBuild?: ServerBuild;
  /** Folder of the browser build (public/). */
  publicDir?: string;
  /** Where logs go; by default JSON lines on stdout at LOG_LEVEL. */
  logger?: Logger;
}

/** Downloads keep their Content-Length (progress, resuming); their types are compressed already. */
function shouldCompress(req: Request, res: Response): boolean {
  return !req.path.startsWith("/archivos/") && compression.filter(req, res);
}

/** A node:http request listener; `listen` starts a server on it, as Express's app.listen does. */
export interface HttpApp {
  (req: IncomingMessage, res: ServerResponse): void;
  listen(port: number, host: string, onListening?: () => void): http.Server;
}

/**
 * /api/trpc goes to its own lean handler (./trpc-handler.ts), everything else through Express:
 * API calls are the hot path and need none of Express's routing, static files or Remix.
 */
export function createHttpApp(services: Services, options: HttpAppOptions = {}): HttpApp {
  const logger = options.logger ?? createLogger(services.env);
  const trpc = createTrpcHandler(services, { logger });
  const pages = createExpressApp(services, logger, options);
  const handler = ((req: IncomingMessage, res: ServerResponse) => {
    if (isTrpcRequest(req.url)) trpc(req, res);
    else pages(req, res);
  }) as HttpApp;
  handler.listen = (port, host, onListening) => http.createServer(handler).listen(port, host, onListening);
  return handler;
}

function createExpressApp(services: Services, logger: Logger, options: HttpAppOptions) {
  const app = express();
  app.disable("x-powered-by");
  if (services.env.TRUST_PROXY) app.set("trust proxy", 1);

  app.use(requestLogger(logger));
  app.use(securityHeaders(services.env));
  app.use(retryAfterOn503());
  app.use(compression({ filter: shouldCompress }));

  app.get("/healthz", async (_req, res) => {
    const health = await checkHealth(services);
    res.status(health.status === "ok" ? 200 : 503).set("Cache-Control", "no-store").json(health);
  });

  app.use(rejectCrossSiteMutations(services.env));

  app.use(limitRequestBodies(MAX_UPLOAD_REQUEST_BYTES));
  app.use(discardUnreadBodies());

  const uploadthing = createUploadthingHandler(services, {
    // The same session check as every other request: the tRPC context's.
    authenticate: async (request) =>
      (await createContext(services, { headers: request.headers, ip: "", setCookie: () => {} })).user,
  });
  app.all(
    "/api/uploadthing",
    handleAsync(async (req, res) => {
      await sendFetchResponse(res, await uploadthing(toFetchRequest(req, res)));
    }),
  );

  app.use(bookingCalendarRoutes(services));
  app.use(openDataRoutes(services));
  // Server-Sent Events for open /indicadores pages (server/live/): one computation per change, not per viewer.
  app.use(liveIndicatorRoutes(services).routes);

  if (options.remixBuild) {
    const publicDir = options.publicDir ?? "public";
    app.use("/build", express.static(`${publicDir}/build`, { immutable: true, maxAge: "1y" }));
    // Only a name with an extension can be a file of public/: pages skip the disk lookup.
    const publicFiles = express.static(publicDir, { maxAge: "1h" });
    app.use((req, res, next) => (FILE_NAME.test(req.path) ? publicFiles(req, res, next) : next()));
    const remix = createBranchRequestHandler(options.remixBuild, services.env.NODE_ENV === "production" ? "production" : "development");
    app.all(
      "*",
      handleAsync(async (req, res) => {
        const loadContext = await createRemixLoadContext(services, req, res);
        // Cast: AppLoadContext is augmented in app/load-context.ts for routes, not for this module.
        await sendFetchResponse(res, await remix(toFetchRequest(req, res), loadContext as never));
      }),
    );
  }

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // Creating the request context reads the session: a database that is down fails here first.
    const description = describeError(error, "es");
    logFailure(req.log, description, error, "http");
    if (res.headersSent) return;
    if (description.code === "SERVICE_UNAVAILABLE") sendHttpError(req, res, 503, "SERVICE_UNAVAILABLE", "server.unavailable");
    else sendHttpError(req, res, 500, "INTERNAL_SERVER_ERROR", "server.internal");
  });

  return app;
}
