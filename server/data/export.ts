/**
 * Whole datasets as CSV or JSON, streamed: rows come from PostgreSQL one keyset page at a time and
 * leave as they are written, with backpressure, so memory stays flat whatever the row count.
 */
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type { DbClient } from "../db/client";
import type { Dataset, Row } from "./types";

/** Rows per statement: large enough that round trips do not dominate, small enough to stay light. */
export const EXPORT_BATCH_ROWS = 1000;

export async function* datasetRows(db: DbClient, dataset: Dataset, batch = EXPORT_BATCH_ROWS): AsyncGenerator<Row> {
  let after = null;
  do {
    const page = await dataset.page(db, after, batch);
    yield* page.rows;
    after = page.last;
  } while (after);
}

/** The CSV cell of a value: what both the CSV writer and the tests compare JSON values with. */
export function csvCell(value: Row[string]): string {
  if (value === null) return "";
  return String(value);
}

/** csv-stringify quotes a field with a CRLF but not one with a lone LF or CR, which spreadsheets read as a new row. */
const LINE_BREAK = /[\r\n]/;

/** RFC 4180 (CRLF, quotes doubled), UTF-8 with a BOM so spreadsheets read accents right, a header row. */
export async function writeCsv(db: DbClient, dataset: Dataset, out: Writable): Promise<void> {
  const names = dataset.columns.map((column) => column.name);
  const cells = async function* () {
    for await (const row of datasetRows(db, dataset)) yield names.map((name) => csvCell(row[name] ?? null));
  };
  await pipeline(Readable.from(cells()), stringify({ bom: true, header: true, columns: names, record_delimiter: "\r\n", quoted_match: LINE_BREAK }), out);
}

/** A JSON array of row objects, written one row at a time. */
export async function writeJson(db: DbClient, dataset: Dataset, out: Writable): Promise<void> {
  const chunks = async function* () {
    let first = true;
    yield "[";
    for await (const row of datasetRows(db, dataset)) {
      yield `${first ? "\n" : ",\n"}${JSON.stringify(row)}`;
      first = false;
    }
    yield "\n]\n";
  };
  await pipeline(Readable.from(chunks()), out);
}
