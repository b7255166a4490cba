import { AppError } from "../trpc/errors";

/**
 * Keyset cursors: the sort values of the last row a caller already received, base64url-encoded.
 * A cursor says nothing about rows the caller may not see (unlike a row id, which answered
 * differently for a draft than for an id that never existed), and it keeps every page a range
 * read on the sort index, however deep.
 */
export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.createdAt.toISOString()}|${position.id}`, "utf8").toString("base64url");
}

/** Any malformed cursor is the same 400, whatever it contains. */
export function decodeCursor(cursor: string): KeysetPosition {
  const [iso, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (rest.length > 0 || !id || !UUID.test(id) || Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== iso) {
    throw new AppError("BAD_REQUEST", "validation.cursor", {}, { cursor: { key: "validation.cursor" } });
  }
  return { createdAt, id };
}
