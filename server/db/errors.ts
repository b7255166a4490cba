import type { MessageKey } from "../i18n/messages";
import { AppError } from "../trpc/errors";

/** What a PostgreSQL error says, however it reached us (Prisma model call, raw query, `pg`). */
export interface DbErrorInfo {
  /** SQLSTATE, e.g. 23505. */
  sqlState: string;
  /** The violated constraint's name, when PostgreSQL gives one. */
  constraint: string | null;
}

interface DriverCause {
  originalCode?: unknown;
  originalMessage?: unknown;
  constraint?: { index?: unknown } | null;
}

/** Reads the SQLSTATE through Prisma's wrapping (`meta.driverAdapterError.cause`) or from `pg` directly. */
export function dbErrorInfo(error: unknown): DbErrorInfo | null {
  if (!error || typeof error !== "object") return null;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } }).meta;
  const cause = meta?.driverAdapterError?.cause ?? (error as { cause?: DriverCause }).cause;
  if (cause && typeof cause.originalCode === "string") {
    const message = typeof cause.originalMessage === "string" ? cause.originalMessage : "";
    const named = typeof cause.constraint?.index === "string" ? cause.constraint.index : null;
    return { sqlState: cause.originalCode, constraint: named ?? constraintIn(message) };
  }
  const pg = error as { code?: unknown; constraint?: unknown; severity?: unknown; message?: unknown };
  if (typeof pg.code === "string" && /^[0-9A-Z]{5}$/.test(pg.code) && typeof pg.severity === "string") {
    return {
      sqlState: pg.code,
      constraint: typeof pg.constraint === "string" ? pg.constraint : constraintIn(String(pg.message ?? "")),
    };
  }
  return null;
}

function constraintIn(message: string): string | null {
  return /constraint "([^"]+)"/.exec(message)?.[1] ?? null;
}

const CONSTRAINT_CLASSES = {
  "23505": "unique",
  "23503": "foreignKey",
  "23514": "check",
  "23P01": "exclusion",
} as const;

/** Per constraint name: the message (and form field) a caller wants people to see. */
export type ConstraintMessages = Record<string, { key: MessageKey; field?: string }>;

/**
 * The one mapping from PostgreSQL constraint errors to AppError: 409 with the caller's message
 * for the constraint (on its field when one is named). A unique violation nobody named still
 * becomes a 409 "already exists", on the column Prisma's naming convention (`Table_column_key`)
 * reveals. Anything else is returned unchanged, to surface as the 500 it is.
 */
export function translateDbError(error: unknown, messages: ConstraintMessages = {}): unknown {
  const info = dbErrorInfo(error);
  if (!info || !(info.sqlState in CONSTRAINT_CLASSES)) return error;
  const chosen = info.constraint ? messages[info.constraint] : undefined;
  const kind = CONSTRAINT_CLASSES[info.sqlState as keyof typeof CONSTRAINT_CLASSES];
  const key: MessageKey = chosen?.key ?? (kind === "unique" ? "validation.duplicate" : "validation.conflict");
  const field = chosen?.field ?? (kind === "unique" ? uniqueField(info.constraint) : undefined);
  return new AppError("CONFLICT", key, {}, field ? { [field]: { key } } : {});
}

function uniqueField(constraint: string | null): string | undefined {
  const columns = constraint?.match(/^[A-Za-z]+_(.+)_key$/)?.[1];
  return columns && !columns.includes("_") ? columns : undefined;
}

/** Runs `operation`, translating constraint errors (see translateDbError). */
export async function withConstraintMessages<T>(operation: () => Promise<T>, messages: ConstraintMessages = {}): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw translateDbError(error, messages);
  }
}

const RETRYABLE = new Set(["40001", "40P01"]);

export function isRetryableConflict(error: unknown): boolean {
  const info = dbErrorInfo(error);
  if (info) return RETRYABLE.has(info.sqlState);
  // Prisma reports a write conflict or deadlock of an interactive transaction as P2034.
  return (error as { code?: unknown } | null)?.code === "P2034";
}

/**
 * Retries a whole unit of work that lost a serialization race or a deadlock, a bounded number of
 * times with a short random pause; other errors, and the last conflict, propagate.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, maxAttempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= maxAttempts || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
