/**
 * Open data over HTTP, mounted in server/http/app.ts before the Remix catch-all:
 *   GET /datos/<dataset>.csv | .json | .schema.json   whole datasets, streamed (server/data/export.ts)
 *   GET /datos/datapackage.json                        every dataset's Table Schema (Data Package)
 *   GET /api/openapi.json                              the REST surface's OpenAPI document
 *   GET /api/v1/...                                    the procedures with OpenAPI metadata (data.*, stats.*)
 * /api/trpc never reaches Express (server/http/trpc-handler.ts answers it first).
 */
import express, { type NextFunction, type Request, type Response } from "express";
import { createOpenApiExpressMiddleware, generateOpenApiDocument, type OpenAPIObject, type OpenApiRouter } from "trpc-to-openapi";
import { DATASETS, findDataset } from "../data/datasets";
import { writeCsv, writeJson } from "../data/export";
import { dataPackage, DATA_LICENSE, tableSchemaResource } from "../data/schema";
import { resolveLocale } from "../i18n/locale";
import { publicBaseUrl } from "../notification/delivery";
import { appRouter } from "../router";
import { createContext, type Services } from "../trpc/context";
import { clientIp } from "./security";
import { nodeHeaders, type HeaderReader } from "./node-headers";

/** Downloads may be a few minutes old: caches and CDNs share them instead of re-reading the database. */
const DOWNLOAD_CACHE = "public, max-age=300, stale-while-revalidate=60";
const DATASET_FILE = /^([a-z0-9-]+)\.(csv|json|schema\.json)$/;
const REST_PREFIX = "/v1/";
/**
 * The root router's meta type is tRPC's default `object` (server/trpc/init.ts); the procedures
 * that join the REST surface type theirs as OpenApiMeta where they declare it.
 */
const restRouter = appRouter as unknown as OpenApiRouter;

export function openApiDocument(services: Services): OpenAPIObject {
  return generateOpenApiDocument(restRouter, {
    title: "Cocrea — datos abiertos",
    description: "API de solo lectura de los datos abiertos de Cocrea (Barrancabermeja). Ver /datos.",
    version: "1.0.0",
    baseUrl: `${publicBaseUrl(services.env)}/api`,
    docsUrl: `${publicBaseUrl(services.env)}/datos`,
    tags: ["datos", "indicadores"],
  });
}

function sendDatasetFile(services: Services, req: Request, res: Response, next: NextFunction) {
  const match = DATASET_FILE.exec(req.params.file ?? "");
  const dataset = match ? findDataset(match[1] ?? "") : undefined;
  if (!match || !dataset) return next();
  const format = match[2];
  res.set("Cache-Control", DOWNLOAD_CACHE).set("Access-Control-Allow-Origin", "*");
  if (format === "schema.json") {
    res.vary("Accept-Language").json(tableSchemaResource(dataset, resolveLocale(nodeHeaders(req))));
    return;
  }
  res
    .status(200)
    .set("Content-Type", format === "csv" ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8")
    .set("Content-Disposition", `attachment; filename="cocrea-${dataset.key}.${format}"`)
    .set("Link", `<${DATA_LICENSE.path}>; rel="license"`);
  // A HEAD asks for the headers only: reading every row to discard it would be wasted work.
  if (req.method === "HEAD") return void res.end();
  const write = format === "csv" ? writeCsv : writeJson;
  write(services.db, dataset, res).catch((error: unknown) => {
    // Once rows have left, the status is sent: cutting the connection tells the client the file is incomplete.
    if (res.headersSent) {
      req.log?.error({ err: error }, "open data export failed");
      res.destroy(error instanceof Error ? error : undefined);
    } else next(error);
  });
}

function withoutCookies(headers: HeaderReader): HeaderReader {
  return { get: (name) => (name.toLowerCase() === "cookie" ? null : headers.get(name)) };
}

export function openDataRoutes(services: Services) {
  const routes = express.Router();
  routes.get("/datos/datapackage.json", (req, res) => {
    res
      .set("Cache-Control", DOWNLOAD_CACHE)
      .set("Access-Control-Allow-Origin", "*")
      .vary("Accept-Language")
      .json(dataPackage(DATASETS, resolveLocale(nodeHeaders(req))));
  });
  routes.get("/datos/:file", (req, res, next) => sendDatasetFile(services, req, res, next));

  let document: OpenAPIObject | null = null;
  routes.get("/api/openapi.json", (_req, res) => {
    document ??= openApiDocument(services);
    res.set("Cache-Control", "public, max-age=3600").set("Access-Control-Allow-Origin", "*").json(document);
  });

  const rest = createOpenApiExpressMiddleware({
    router: restRouter,
    // Anonymous whatever cookies come along: the answers are public and shared by caches.
    createContext: ({ req }) => createContext(services, { headers: withoutCookies(nodeHeaders(req)), ip: clientIp(req), setCookie: () => {} }),
    responseMeta: ({ errors }) => ({
      status: errors.length ? undefined : 200,
      // Titles and messages follow Accept-Language; cookies are ignored (see createContext above).
      headers: { "cache-control": errors.length ? "no-store" : "public, max-age=60", "access-control-allow-origin": "*", vary: "Accept-Language" },
    }),
  });
  routes.use("/api", (req, res, next) => {
    if (!req.path.startsWith(REST_PREFIX)) return next();
    rest(req, res).catch(next);
  });
  return routes;
}
