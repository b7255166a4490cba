import { ConfigError, loadEnv } from "../config";
import { createDb, type Db } from "../db/client";
import { openDatabase, type DatabaseHandle } from "../db/database";

/** CLI scripts reach the same database the app uses (a running embedded one included). */
export async function connectForCli(): Promise<{ database: DatabaseHandle; db: Db }> {
  try {
    const env = loadEnv();
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    return { database, db: createDb(database.url, { maxConnections: 2, embedded: database.embedded }) };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export async function finish(handle: { database: DatabaseHandle; db: Db }, code = 0): Promise<never> {
  await handle.db.$disconnect();
  await handle.database.close();
  process.exit(code);
}
