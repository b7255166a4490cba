import { AppError } from "../trpc/errors";
import type { Dataset, Position } from "./types";

/**
 * `data.rows` cursors: the last row's sort time and key, base64url-encoded, as the public lists'
 * cursors (server/pagination/cursor.ts) but with the dataset's own key shape (indicator series are
 * keyed by name, not by uuid).
 */
export function encodeDataCursor(position: Position): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`, "utf8").toString("base64url");
}

export function decodeDataCursor(dataset: Dataset, cursor: string): Position {
  const [iso, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (rest.length > 0 || !id || !dataset.keyPattern.test(id) || Number.isNaN(at.getTime()) || at.toISOString() !== iso) {
    throw new AppError("BAD_REQUEST", "validation.cursor", {}, { cursor: { key: "validation.cursor" } });
  }
  return { at, id };
}
