/**
 * What an open dataset is: its documented columns and how to read its rows a page at a time in a
 * stable order. The same rows feed the CSV and JSON downloads, `data.rows` and the REST surface,
 * so every output says the same thing.
 */
import type { DbClient } from "../db/client";

/** Table Schema (frictionlessdata.io) field types, the ones these datasets use. */
export type ColumnType = "string" | "integer" | "number" | "boolean" | "datetime" | "date" | "yearmonth";

export interface Localized {
  es: string;
  en: string;
}

export interface Column {
  name: string;
  type: ColumnType;
  meaning: Localized;
  /** A count of people: 1 to 4 is published as "<5" (SUPPRESSED), so no one can be singled out. */
  suppressed?: boolean;
}

/** A cell as every output writes it: CSV writes null as an empty cell. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** Where a page ends, in the dataset's order: the last row's sort time and its key. */
export interface Position {
  at: Date;
  id: string;
}

export interface Page {
  rows: Row[];
  /** The position of the last row, or null when there are no more rows. */
  last: Position | null;
}

export interface Dataset {
  key: string;
  title: Localized;
  description: Localized;
  columns: Column[];
  /** What the key of a position looks like (a cursor with any other key is refused). */
  keyPattern: RegExp;
  /** Up to `limit` rows after `after` (from the start when null). */
  page(db: DbClient, after: Position | null, limit: number): Promise<Page>;
  count(db: DbClient): Promise<number>;
}

export const SUPPRESSED = "<5";
/** Below this a count of people is suppressed; 0 stays (it singles out nobody). */
export const SUPPRESSION_THRESHOLD = 5;

export function suppressCount(value: number): number | string {
  return value > 0 && value < SUPPRESSION_THRESHOLD ? SUPPRESSED : value;
}

/**
 * Free text people wrote (descriptions, purposes) may hold someone's address; it never leaves in
 * a download. The pattern is deliberately broad: a false positive costs a few characters.
 */
const EMAIL_IN_TEXT = /[^\s@<>()[\],;:"']+@[^\s@<>()[\],;:"']+\.[a-z]{2,}/gi;
export const REDACTED_EMAIL = "[correo omitido]";

export function redactEmails(text: string): string {
  return text.replace(EMAIL_IN_TEXT, REDACTED_EMAIL);
}

/** A value from PostgreSQL as a cell: dates in ISO 8601, bigints as numbers, text without addresses. */
export function toCell(column: Column, value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (column.suppressed) return suppressCount(Number(value));
  if (value instanceof Date) {
    const iso = value.toISOString();
    if (column.type === "date") return iso.slice(0, 10);
    if (column.type === "yearmonth") return iso.slice(0, 7);
    return iso;
  }
  if (column.type === "integer" || column.type === "number") return Number(typeof value === "bigint" ? value : String(value));
  if (Array.isArray(value)) return value.map(String).join(";");
  if (typeof value === "string") return column.type === "string" ? redactEmails(value) : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

export function toRow(columns: readonly Column[], raw: Record<string, unknown>): Row {
  const row: Row = {};
  for (const column of columns) row[column.name] = toCell(column, raw[column.name]);
  return row;
}
