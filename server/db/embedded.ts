import { lstat, mkdir, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { servePglite } from "./pglite-server";

export interface EmbeddedPostgres {
  url: string;
  /** The Unix socket it listens on (`<dir>/.s.PGSQL.5432`, the name `pg` looks for). */
  socketPath: string;
  stop(): Promise<void>;
}

const SOCKET_NAME = ".s.PGSQL.5432";
/** sun_path is 108 bytes on Linux and 104 on macOS, the final NUL included. */
const MAX_SOCKET_PATH_BYTES = 103;

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served over the wire protocol on a Unix socket
 * so the app keeps one data path (`pg` + Prisma) with or without a real server, and only this
 * user can reach it (docs/decisions/005-embedded-postgres-concurrency.md).
 * `dataDir` undefined keeps the database in memory (tests, throwaway diffs). `socketDir` must be
 * a directory only this user can enter; without it, or when the path would be too long for a
 * socket, the socket goes to a new private temporary directory.
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; socketDir?: string } = {}): Promise<EmbeddedPostgres> {
  const fits = (dir: string) => Buffer.byteLength(path.join(dir, SOCKET_NAME)) <= MAX_SOCKET_PATH_BYTES;
  const ownDir = options.socketDir && fits(options.socketDir) ? null : await mkdtemp(path.join(os.tmpdir(), "cocrea-pg-"));
  const socketDir = ownDir ?? options.socketDir!;
  const socketPath = path.join(socketDir, SOCKET_NAME);
  const removeSocket = () => (ownDir ? rm(ownDir, { recursive: true, force: true }) : rm(socketPath, { force: true }));

  if (!ownDir) await removeStaleSocket(socketPath);
  let db: PGlite | undefined;
  try {
    if (options.dataDir) await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    db = await PGlite.create({
      dataDir: options.dataDir,
      extensions: { btree_gist, citext, pg_trgm, unaccent },
    });
    const server = await servePglite(db, socketPath);
    const openDb = db;
    return {
      // `pg` takes the `host` parameter (a directory: a Unix socket) over the URL's host, which is
      // there only so that the URL parses where a full URL is expected (DATABASE_URL of a child app).
      url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`,
      socketPath,
      async stop() {
        await server.close();
        await openDb.close();
        await removeSocket();
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    // Only a directory of our own: a socket file in `socketDir` we did not bind is not ours to remove.
    if (ownDir) await rm(ownDir, { recursive: true, force: true });
    throw error;
  }
}

/** A socket file left by a process that died; one that still answers belongs to a live server. */
async function removeStaleSocket(socketPath: string) {
  const existing = await lstat(socketPath).catch(() => null);
  if (!existing) return;
  if (!existing.isSocket()) throw new Error(`${socketPath} exists and is not a socket`);
  if (await socketAnswers(socketPath)) {
    throw new Error(`Another process already serves the embedded database at ${socketPath}`);
  }
  await rm(socketPath, { force: true });
}

export function socketAnswers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ path: socketPath });
    socket.setTimeout(1000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
  });
}
