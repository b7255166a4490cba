import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { socketAnswers, startEmbeddedPostgres } from "./embedded";

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** Stops the embedded server when this process started it; a no-op otherwise. */
  close(): Promise<void>;
}

interface EmbeddedServerInfo {
  pid: number;
  url: string;
  socketPath: string;
}

/**
 * `DATABASE_URL` when set; otherwise the embedded PostgreSQL kept in `<dataDir>/pglite`.
 * PGlite cannot share its folder between processes, so the process that opens it publishes its
 * address in `<dataDir>/postgres.json`, and later processes (CLI scripts while the app runs)
 * connect to that server instead of opening the folder a second time. The server listens on a
 * Unix socket inside `dataDir`, which is kept private (0700): no other account can reach it.
 */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, close: async () => {} };
  }
  await ensurePrivateDir(options.dataDir);
  const infoPath = path.join(options.dataDir, "postgres.json");
  const running = await readRunningServer(infoPath);
  if (running) return { url: running.url, embedded: true, close: async () => {} };

  const embedded = await startEmbeddedPostgres({ dataDir: path.join(options.dataDir, "pglite"), socketDir: options.dataDir });
  const info: EmbeddedServerInfo = { pid: process.pid, url: embedded.url, socketPath: embedded.socketPath };
  await writeFile(infoPath, JSON.stringify(info), { mode: 0o600 });
  return {
    url: embedded.url,
    embedded: true,
    async close() {
      await rm(infoPath, { force: true });
      await embedded.stop();
    },
  };
}

async function readRunningServer(infoPath: string): Promise<EmbeddedServerInfo | null> {
  const raw = await readFile(infoPath, "utf8").catch(() => null);
  if (!raw) return null;
  try {
    const info = JSON.parse(raw) as EmbeddedServerInfo;
    if (info.pid === process.pid || !isAlive(info.pid) || typeof info.socketPath !== "string") return null;
    return (await socketAnswers(info.socketPath)) ? info : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates `dir` readable by this user only, and tightens an existing one: it holds the database
 * files, the socket that serves them without a password, and uploads not yet published.
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { mode } = await stat(dir);
  if ((mode & 0o077) === 0) return;
  await chmod(dir, 0o700);
  console.warn(`DATA_DIR (${dir}) era accesible para otras cuentas del equipo; ahora solo tu usuario puede abrirla (700).`);
}
