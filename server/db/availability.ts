import { dbErrorInfo } from "./errors";

/** What a client should wait before trying again when the database is down or restarting. */
export const RETRY_AFTER_SECONDS = 5;

/** `pg` socket failures, before or instead of any Prisma wrapping. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EAI_AGAIN"]);
/** @prisma/adapter-pg's names for the same failures (`meta.driverAdapterError.cause.kind`). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Can't reach, timed out, server closed the connection, no free connection in the pool. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
/** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
const SQL_STATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** `pg` reports a dropped or never-established connection only in words. */
const PG_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * Whether an error means "the database cannot be reached right now" (down, restarting, refusing
 * connections), however deep Prisma, tRPC or Remix wrapped it. Such failures are the server's,
 * but temporary: they are answered with 503 and Retry-After instead of a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 6; depth++) {
    if (describesUnavailable(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function describesUnavailable(error: object): boolean {
  const { code, message, meta } = error as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  if (typeof code === "string" && (SOCKET_CODES.has(code) || PRISMA_CODES.has(code))) return true;
  const kind = meta?.driverAdapterError?.cause?.kind;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  const sqlState = dbErrorInfo(error)?.sqlState;
  if (sqlState && (sqlState.startsWith("08") || SQL_STATES.has(sqlState))) return true;
  return typeof message === "string" && PG_MESSAGES.test(message);
}
