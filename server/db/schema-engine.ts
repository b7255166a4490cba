import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as EngineModule from "@prisma/schema-engine-wasm/schema_engine_bg";

/**
 * Prisma's schema engine compiled to WebAssembly, driven through @prisma/adapter-pg.
 * The native engine cannot be downloaded offline (docs/decisions/002-offline-migrations.md),
 * and the package is bundler-style ESM, so it is instantiated by hand here.
 */
type SchemaEngine = EngineModule.SchemaEngine;

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * Postgres catalogs use the internal one-byte "char" type, which @prisma/adapter-pg refuses to
 * map. Reporting those columns as text lets the engine describe a live database (values are
 * already strings in node-postgres).
 */
class CatalogFriendlyClient extends pg.Client {
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, res: pg.QueryResult) => last(err, textifyCharFields(res));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(textifyCharFields) : result) as never;
  }
}

function textifyCharFields(res: pg.QueryResult | undefined) {
  for (const field of res?.fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return res;
}

/**
 * adapter-pg runs a migration script by splitting it on ";", which breaks function bodies and
 * DO blocks. One simple-protocol query runs the whole script, and PostgreSQL runs a
 * multi-statement query as one implicit transaction, so a failing migration leaves nothing behind.
 */
function wholeScriptAdapter(factory: PrismaPg, pool: pg.Pool): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
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
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScriptAdapter(new PrismaPg(pool), pool));
  const logs: string[] = [];
  const engine = await glue.SchemaEngine.new(
    { datamodels: [["schema.prisma", datamodel]] },
    (line: string) => logs.push(line),
    adapter,
  );
  try {
    return await work(engine);
  } catch (error) {
    if (lastPanic) throw new Error(`Prisma schema engine panicked: ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    engine.free();
    await pool.end();
  }
}
