import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as EngineModule from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

/**
 * Prisma's schema engine compiled to WebAssembly, driven through @prisma/adapter-pg.
 * The native engine cannot be downloaded offline (docs/decisions/002-offline-migrations-and-embedded-postgres.md),
 * and the package is bundler-style ESM, so it is instantiated by hand here.
 */
type SchemaEngine = EngineModule.SchemaEngine;

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** Result rows → indexes of their columns that PostgreSQL typed as the internal "char". */
const charColumnsOf = new WeakMap<unknown[], number[]>();

/**
 * Postgres catalogs use the one-byte "char" type (OID 18), which @prisma/adapter-pg refuses to
 * map, so the engine cannot describe a live database through it. This client lets the adapter
 * see such columns as text and remembers where they were; `engineAdapter` then reports them as
 * the Character type the engine reads them as.
 */
class CatalogFriendlyClient extends pg.Client {
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, res: pg.QueryResult) => last(err, markCharColumns(res));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(markCharColumns) : result) as never;
  }
}

function markCharColumns(res: pg.QueryResult | undefined) {
  const indexes: number[] = [];
  res?.fields?.forEach((field, index) => {
    if (field.dataTypeID !== PG_CHAR_OID) return;
    field.dataTypeID = PG_TEXT_OID;
    indexes.push(index);
  });
  if (res && indexes.length > 0) charColumnsOf.set(res.rows, indexes);
  return res;
}

type Queryable = Pick<Awaited<ReturnType<PrismaPg["connect"]>>, "queryRaw">;

function restoreCharColumns(queryable: Queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsOf.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
}

/**
 * The adapter the engine gets: "char" columns restored (above), and whole-script execution.
 * adapter-pg runs a migration script by splitting it on ";", which breaks function bodies and
 * DO blocks. One simple-protocol query runs the whole script, and PostgreSQL runs a
 * multi-statement query as one implicit transaction, so a failing migration leaves nothing behind.
 */
function engineAdapter(factory: PrismaPg, pool: pg.Pool): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    restoreCharColumns(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => {
      const tx = await startTransaction(...args);
      restoreCharColumns(tx);
      return tx;
    };
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  };
  return factory;
}

let bindings: Promise<typeof EngineModule> | undefined;
let lastPanic: string | undefined;

function loadBindings(): Promise<typeof EngineModule> {
  bindings ??= (async () => {
    // The engine reports Rust panics through this global; without it a panic hides its message.
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => (lastPanic = message),
    };
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(pathToFileURL(gluePath).href)) as typeof EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as never });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

export async function withSchemaEngine<T>(
  connectionString: string,
  datamodel: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const glue = await loadBindings();
  const pool = new pg.Pool({ connectionString, max: 2, idleTimeoutMillis: 500, Client: CatalogFriendlyClient });
  const adapter = bindMigrationAwareSqlAdapterFactory(engineAdapter(new PrismaPg(pool), pool));
  const engine = await glue.SchemaEngine.new({ datamodels: [["schema.prisma", datamodel]] }, () => {}, adapter);
  try {
    return await work(engine);
  } catch (error) {
    if (lastPanic) throw new Error(`Prisma schema engine panicked: ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    lastPanic = undefined;
    engine.free();
    await pool.end();
  }
}
