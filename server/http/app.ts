import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import express, { type NextFunction, type Request, type Response } from "express";
import { MAX_UPLOAD_REQUEST_BYTES } from "../files/rules";
import { createUploadthingHandler } from "../files/uploadthing-route";
import { createCaller, appRouter } from "../router";
import { createContext, type Context, type RequestInfo, type Services } from "../trpc/context";
import { describeError } from "../trpc/error-shape";
import { clientIp, limitRequestBodies, rejectCrossSiteMutations, securityHeaders, sendHttpError } from "./security";
import { sendFetchResponse, toFetchHeaders, toFetchRequest } from "./fetch-bridge";
import { checkHealth } from "./health";


export const MAX_TRPC_BATCH_SIZE = 10;

/** What Remix loaders and actions receive as `context`: the request's tRPC caller and helpers. */
export interface RemixLoadContext {
  ctx: Context;
  caller: ReturnType<typeof createCaller>;
  describeError: (error: unknown) => ReturnType<typeof describeError>;
  cspNonce: string;
}

function requestInfo(req: Request, res: Response): RequestInfo {
  return {
    headers: toFetchHeaders(req),
    ip: clientIp(req),
    setCookie: (cookie) => res.append("Set-Cookie", cookie),
  };
}

export async function createRemixLoadContext(services: Services, req: Request, res: Response): Promise<RemixLoadContext> {
  const ctx = await createContext(services, requestInfo(req, res));
  return {
    ctx,
    caller: createCaller(ctx),
    describeError: (error) => {
      const description = describeError(error, ctx.locale);
      if (description.code === "INTERNAL_SERVER_ERROR") console.error("[remix action]", error);
      return description;
    },
    cspNonce: String(res.locals.cspNonce ?? ""),
  };
}

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
}

export function createHttpApp(services: Services, options: HttpAppOptions = {}) {
  const app = express();
  app.disable("x-powered-by");
  if (services.env.TRUST_PROXY) app.set("trust proxy", 1);

  app.use(securityHeaders(services.env));

  app.get("/healthz", async (_req, res) => {
    const health = await checkHealth(services);
    res.status(health.status === "ok" ? 200 : 503).set("Cache-Control", "no-store").json(health);
  });

  app.use(rejectCrossSiteMutations(services.env));

  app.use(limitRequestBodies(MAX_UPLOAD_REQUEST_BYTES));

  app.all(
    "/api/trpc/*",
    handleAsync(async (req, res) => {
      const response = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req: toFetchRequest(req, res),
        router: appRouter,
        // One HTTP request must not fan out into unbounded work (each call may hash a password).
        maxBatchSize: MAX_TRPC_BATCH_SIZE,
        createContext: ({ resHeaders }) =>
          createContext(services, {
            headers: toFetchHeaders(req),
            ip: clientIp(req),
            setCookie: (cookie) => resHeaders.append("Set-Cookie", cookie),
          }),
        onError: ({ error, path }) => {
          if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
        },
      });
      await sendFetchResponse(res, response);
    }),
  );

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

  if (options.remixBuild) {
    const publicDir = options.publicDir ?? "public";
    app.use("/build", express.static(`${publicDir}/build`, { immutable: true, maxAge: "1y" }));
    app.use(express.static(publicDir, { maxAge: "1h" }));
    app.all(
      "*",
      createRequestHandler({
        build: options.remixBuild,
        mode: services.env.NODE_ENV === "production" ? "production" : "development",
        getLoadContext: (req, res) => createRemixLoadContext(services, req, res) as never,
      }),
    );
  }

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    console.error("[http]", error);
    if (!res.headersSent) sendHttpError(req, res, 500, "INTERNAL_SERVER_ERROR", "server.internal");
  });

  return app;
}
