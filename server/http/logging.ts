import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pino, type DestinationStream, type Logger } from "pino";
import { pinoHttp } from "pino-http";
import type { Env } from "../config";

export type { Logger };

export function logLevel(env: Pick<Env, "LOG_LEVEL" | "NODE_ENV">): string {
  return env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "warn" : "info");
}

/** One JSON object per line on stdout (or `destination`), for whatever collects the server's output. */
export function createLogger(env: Pick<Env, "LOG_LEVEL" | "NODE_ENV">, destination?: DestinationStream): Logger {
  const options = { level: logLevel(env), timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

const MAX_LOGGED_PATH = 200;

/**
 * The path only: query strings carry search terms and, on some links, tokens. Long or odd
 * paths are cut so a probe cannot flood the log.
 */
export function loggedPath(req: IncomingMessage): string {
  const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? "";
  const path = url.split("?")[0] ?? "";
  return path.length > MAX_LOGGED_PATH ? `${path.slice(0, MAX_LOGGED_PATH)}…` : path;
}

function summary(req: IncomingMessage, res: ServerResponse, durationMs: number) {
  return { method: req.method, path: loggedPath(req), status: res.statusCode, durationMs };
}

/**
 * One line per request: method, path, status, duration and a request id (also on every line a
 * handler logs through `req.log`). Deliberately absent: headers (cookies, session tokens),
 * query strings, client IPs and user ids, which are personal data under Colombia's Ley 1581
 * and not needed to operate the service.
 */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: () => randomUUID(),
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: "requestId" },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
    customSuccessMessage: () => "request",
    customErrorMessage: () => "request failed",
    customSuccessObject: (req, res, value: { responseTime: number }) => summary(req, res, value.responseTime),
    customErrorObject: (req, res, error, value: { responseTime: number }) => ({
      ...summary(req, res, value.responseTime),
      // A 5xx without a thrown error (pino-http invents "failed with status code") adds nothing.
      ...(res.statusCode >= 500 && error.message.startsWith("failed with status code") ? {} : { err: error }),
    }),
  });
}

/**
 * The same line requestLogger writes, for requests served outside Express (/api/trpc):
 * bound to the request id, at error level for a 5xx or a response cut short.
 */
export function logRequest(logger: Logger, requestId: string, req: IncomingMessage, res: ServerResponse, durationMs: number) {
  const aborted = !res.writableFinished;
  const failed = aborted || res.statusCode >= 500;
  const level = failed ? "error" : "info";
  if (!logger.isLevelEnabled(level)) return;
  const line = { requestId, ...summary(req, res, durationMs), ...(aborted ? { err: new Error("request aborted") } : {}) };
  logger[level](line, failed ? "request failed" : "request");
}

/** Unexpected errors are logged in full; a database that is down, once per request, briefly. */
export function logFailure(logger: Logger, description: { code: string }, error: unknown, where: string) {
  if (description.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, where }, "unexpected error");
  else if (description.code === "SERVICE_UNAVAILABLE") logger.warn({ where }, "database unavailable");
}
