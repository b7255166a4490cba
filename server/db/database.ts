import { readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded";

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** Stops the embedded server when this process started it; a no-op otherwise. */
  close(): Promise<void>;
}

interface EmbeddedServerInfo {
  pid: number;
  url: string;
}

/**
 * `DATABASE_URL` when set; otherwise the embedded PostgreSQL kept in `<dataDir>/pglite`.
 * PGlite cannot share its folder between processes, so the process that opens it publishes its
 * address in `<dataDir>/postgres.json`, and later processes (CLI scripts while the app runs)
 * connect to that server instead of opening the folder a second time.
 */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, close: async () => {} };
  }
  const infoPath = path.join(options.dataDir, "postgres.json");
  const running = await readRunningServer(infoPath);
  if (running) return { url: running.url, embedded: true, close: async () => {} };

  const embedded = await startEmbeddedPostgres({ dataDir: path.join(options.dataDir, "pglite") });
  const info: EmbeddedServerInfo = { pid: process.pid, url: embedded.url };
  await writeFile(infoPath, JSON.stringify(info));
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
    if (info.pid === process.pid || !isAlive(info.pid)) return null;
    const { hostname, port } = new URL(info.url);
    return (await canConnect(hostname, Number(port))) ? info : null;
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

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
  });
}
