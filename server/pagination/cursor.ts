import { AppError } from "../trpc/errors";

/**
 * Keyset cursors: the sort values of the last row a caller already received, base64url-encoded.
 * A cursor says nothing about rows the caller may not see (unlike a row id, which answered
 * differently for a draft than for an id that never existed), and it keeps every page a range
 * read on the sort index, however deep.
 */
export interface KeysetPosition {
  /** The row's time in the list's order (publication for public lists, creation elsewhere). */
  at: Date;
  id: string;
  /** Search relevance, when the list is sorted by it. */
  rank?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Rows keyed by a bigserial (the audit log) rather than a uuid. */
const SERIAL = /^[1-9][0-9]{0,18}$/;

export function encodeCursor(position: KeysetPosition): string {
  const parts = [position.at.toISOString(), position.id, ...(position.rank === undefined ? [] : [String(position.rank)])];
  return Buffer.from(parts.join("|"), "utf8").toString("base64url");
}

function invalidCursor(): never {
  throw new AppError("BAD_REQUEST", "validation.cursor", {}, { cursor: { key: "validation.cursor" } });
}

/** Any malformed cursor is the same 400, whatever it contains. */
export function decodeCursor(cursor: string, options: { ranked?: boolean; id?: "uuid" | "serial" } = {}): KeysetPosition {
  const [iso, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (!id || !(options.id === "serial" ? SERIAL : UUID).test(id) || Number.isNaN(at.getTime()) || at.toISOString() !== iso) invalidCursor();
  if (!options.ranked) return rest.length === 0 ? { at, id } : invalidCursor();
  const rank = rest.length === 1 ? Number(rest[0]) : Number.NaN;
  if (!Number.isFinite(rank) || rank < 0) invalidCursor();
  return { at, id, rank };
}
