/**
 * /api/trpc on node:http directly, without Express: the path every API call takes, so it
 * carries only what such a call needs (docs/decisions/009-performance.md). It keeps the same
 * rules as the rest of the server (security headers, cross-site and body-size refusals,
 * Retry-After on 503, one log line, compression) from the same functions, and answers a JSON
 * response in one write with its Content-Length instead of streaming it in chunks.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { resolveResponse } from "@trpc/server/http";
import { RETRY_AFTER_SECONDS } from "../db/availability";
import { MAX_UPLOAD_REQUEST_BYTES } from "../files/rules";
import { appRouter } from "../router";
import { createContext, type Services } from "../trpc/context";
import { describeError } from "../trpc/error-shape";
import { logFailure, logRequest, type Logger } from "./logging";
import { toFetchHeaders } from "./fetch-bridge";
import { nodeHeaders } from "./node-headers";
import {
  REFUSALS,
  bodyRefusal,
  contentSecurityPolicy,
  fixedSecurityHeaders,
  httpErrorJson,
  httpErrorMessage,
  isCrossSiteMutation,
  isSafeMethod,
  requestIp,
  requestProtocol,
} from "./security";
import { answerQuery, singleQuery } from "./trpc-query";
import { discardUnreadBody } from "./unread-body";

export const TRPC_ENDPOINT = "/api/trpc";
export const MAX_TRPC_BATCH_SIZE = 10;

/** Below this, compressing costs more than it saves (the compression middleware's default). */
const COMPRESSION_THRESHOLD = 1024;
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
/** The compression middleware's brotli level: fast enough for responses made per request. */
const BROTLI_OPTIONS = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };

export function isTrpcRequest(url: string | undefined): boolean {
  return url !== undefined && url.startsWith(`${TRPC_ENDPOINT}/`);
}

/** br over gzip, as the compression middleware prefers; null when the client takes neither. */
function chooseEncoding(accept: string | undefined): "br" | "gzip" | null {
  if (!accept) return null;
  const offered = new Map<string, number>();
  for (const part of accept.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    offered.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const quality = (name: string) => offered.get(name) ?? offered.get("*") ?? 0;
  const br = quality("br");
  const gz = quality("gzip");
  if (br > 0 && br >= gz) return "br";
  return gz > 0 ? "gzip" : null;
}

/** The body as text, read when tRPC asks for it (after the procedure's checks, or never). */
function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

/**
 * For a request without a body or with a JSON one, what tRPC's resolveResponse reads of a fetch
 * Request (method, url, headers, signal and, for JSON, text()), without building one: an undici
 * Request and its web stream cost more than the rest of the transport. Multipart and binary
 * bodies (file uploads) get a real Request, whose body streams (null here).
 */
function lightRequest(req: IncomingMessage, url: string, headers: ReturnType<typeof nodeHeaders>, signal: AbortSignal): Request | null {
  const base = { method: req.method, url, headers, signal };
  if (isSafeMethod(req.method)) return base as unknown as Request;
  const type = headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  if (type !== "application/json") return null;
  return { ...base, text: () => readText(req) } as unknown as Request;
}

interface TrpcHandlerOptions {
  logger: Logger;
}

export function createTrpcHandler(services: Services, options: TrpcHandlerOptions) {
  const { env } = services;
  const { logger } = options;
  const trustProxy = Boolean(env.TRUST_PROXY);
  // JSON never runs scripts: no inline script needs a nonce here.
  const securityHeaders: [string, string][] = [["Content-Security-Policy", contentSecurityPolicy(null)], ...fixedSecurityHeaders(env)];

  function writeHead(res: ServerResponse, status: number, headers: [string, string][]) {
    for (const [name, value] of securityHeaders) res.setHeader(name, value);
    for (const [name, value] of headers) res.appendHeader(name, value);
    if (status === 503 && !res.hasHeader("retry-after")) res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    res.writeHead(status);
  }

  /** A complete body in one write, compressed when the client accepts it and it is worth it. */
  async function sendBody(req: IncomingMessage, res: ServerResponse, status: number, headers: [string, string][], text: string) {
    let body: Buffer | string = text;
    const encoding = text.length >= COMPRESSION_THRESHOLD ? chooseEncoding(req.headers["accept-encoding"]) : null;
    if (encoding) {
      body = encoding === "br" ? await brotli(text, BROTLI_OPTIONS) : await gzip(text);
      headers.push(["Content-Encoding", encoding]);
    }
    headers.push(["Content-Length", String(Buffer.byteLength(body))]);
    writeHead(res, status, headers);
    res.end(body);
  }

  function refuse(req: IncomingMessage, res: ServerResponse, status: keyof typeof REFUSALS) {
    const { code, key } = REFUSALS[status];
    const headers: [string, string][] = [["Content-Type", "application/json; charset=utf-8"]];
    // The unread body may be huge; the client must not keep sending it on this connection.
    if (status !== 403) headers.push(["Connection", "close"]);
    void sendBody(req, res, status, headers, httpErrorJson(code, httpErrorMessage(req, key)));
  }

  async function handle(req: IncomingMessage, res: ServerResponse, requestLog: () => Logger) {
    const protocol = requestProtocol(req, trustProxy);
    if (isCrossSiteMutation(env, req, protocol)) return refuse(req, res, 403);
    const refusal = bodyRefusal(req, MAX_UPLOAD_REQUEST_BYTES);
    if (refusal) return refuse(req, res, refusal);
    discardUnreadBody(req, res);

    const url = `${protocol}://${req.headers.host ?? "localhost"}${req.url}`;
    const [pathPart = "", search = ""] = req.url!.slice(TRPC_ENDPOINT.length + 1).split("?", 2);
    const path = pathPart.replace(/\/$/, "");
    const headers = nodeHeaders(req);
    const cookies: string[] = [];
    const context = () => createContext(services, { headers, ip: requestIp(req, trustProxy), setCookie: (cookie) => cookies.push(cookie) });

    const query = singleQuery(req.method, path, search);
    if (query) {
      const answer = await answerQuery(query, context);
      if (answer.error) logFailure(requestLog(), describeError(answer.error, "es"), answer.error.cause ?? answer.error, `trpc ${path}`);
      const out: [string, string][] = [
        ["Content-Type", "application/json"],
        ["Vary", "trpc-accept, accept, Accept-Encoding"],
      ];
      for (const cookie of cookies) out.push(["Set-Cookie", cookie]);
      await sendBody(req, res, answer.status, out, answer.json);
      return;
    }
    const controller = new AbortController();
    // On the response, which lives as long as this request (a socket listener would pile up on keep-alive connections).
    res.once("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const request = lightRequest(req, url, headers, controller.signal) ?? new Request(url, {
      method: req.method,
      headers: toFetchHeaders(req),
      signal: controller.signal,
      body: Readable.toWeb(req) as ReadableStream,
      duplex: "half",
    } as RequestInit);

    const response = await resolveResponse({
      router: appRouter,
      req: request,
      path,
      // One HTTP request must not fan out into unbounded work (each call may hash a password).
      maxBatchSize: MAX_TRPC_BATCH_SIZE,
      error: null,
      createContext: context,
      onError: ({ error, path: procedure }) => {
        logFailure(requestLog(), describeError(error, "es"), error.cause ?? error, `trpc ${procedure ?? "?"}`);
      },
    });

    const out: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (name === "set-cookie") return;
      out.push([name, name === "vary" ? `${value}, Accept-Encoding` : value]);
    });
    for (const cookie of cookies) out.push(["Set-Cookie", cookie]);
    const type = response.headers.get("content-type") ?? "";
    if (type.startsWith("application/json") || !response.body) {
      await sendBody(req, res, response.status, out, response.body ? await response.text() : "");
      return;
    }
    // Streamed responses (httpBatchStreamLink's JSON lines, subscriptions) go out as they come.
    writeHead(res, response.status, out);
    const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream);
    body.on("error", () => res.destroy());
    body.pipe(res);
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const requestId = randomUUID();
    let child: Logger | null = null;
    const requestLog = () => (child ??= logger.child({ requestId }));
    res.once("close", () => logRequest(logger, requestId, req, res, Date.now() - started));
    handle(req, res, requestLog).catch((error: unknown) => {
      // tRPC answers its own errors; this is a failure of the transport itself.
      const description = describeError(error, "es");
      logFailure(requestLog(), description, error, "http");
      if (res.headersSent) return void res.destroy();
      const status = description.code === "SERVICE_UNAVAILABLE" ? 503 : 500;
      const key = status === 503 ? "server.unavailable" : "server.internal";
      void sendBody(req, res, status, [["Content-Type", "application/json; charset=utf-8"]], httpErrorJson(description.code, httpErrorMessage(req, key)));
    });
  };
}
