import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, readlink, stat } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensurePrivateDir, openDatabase } from "../../server/db/database";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../server/db/embedded";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Inodes of the TCP sockets this process listens on (Linux: /proc). */
async function tcpListeningInodes(): Promise<Set<string>> {
  const listening = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const text = await readFile(table, "utf8").catch(() => "");
    for (const line of text.split("\n").slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns[3] === "0A") listening.add(columns[9]!); // state LISTEN, inode
    }
  }
  const mine = new Set<string>();
  for (const fd of await readdir("/proc/self/fd")) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => "");
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode && listening.has(inode)) mine.add(inode);
  }
  return mine;
}

/** The socket directory of a `postgresql://user@/db?host=<dir>` URL. */
const socketDirOf = (url: string) => new URLSearchParams(url.slice(url.indexOf("?"))).get("host");

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe("the embedded database is private to this user", () => {
  it("lives in a 0700 DATA_DIR and listens only on a Unix socket inside it, which CLI scripts reach", { timeout: 60_000 }, async () => {
    const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), "cocrea-private-")), "data");
    const tcpBefore = await tcpListeningInodes();
    const database = await openDatabase({ dataDir });
    try {
      expect(await modeOf(dataDir)).toBe(0o700);
      expect(await tcpListeningInodes()).toEqual(tcpBefore);
      expect(socketDirOf(database.url)).toBe(dataDir);
      const socket = await stat(path.join(dataDir, ".s.PGSQL.5432"));
      expect(socket.isSocket()).toBe(true);
      expect(socket.mode & 0o777).toBe(0o600);
      expect(await modeOf(path.join(dataDir, "postgres.json"))).toBe(0o600);

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query("CREATE TABLE handoff (note text); INSERT INTO handoff VALUES ('desde la app')");
      await client.end();

      // A CLI script finds the running server through postgres.json instead of opening the folder.
      const script = `
        const { openDatabase } = await import("./server/db/database.ts");
        const pg = (await import("pg")).default;
        const handle = await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });
        const client = new pg.Client({ connectionString: handle.url });
        await client.connect();
        const { rows } = await client.query("SELECT note FROM handoff");
        await client.end();
        await handle.close();
        console.log(JSON.stringify({ url: handle.url, rows }));`;
      const { stdout } = await promisify(execFile)(path.join(ROOT, "node_modules/.bin/tsx"), ["--input-type=module", "-e", script], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: "" },
      });
      expect(JSON.parse(stdout.trim().split("\n").at(-1)!)).toEqual({ url: database.url, rows: [{ note: "desde la app" }] });
    } finally {
      await database.close();
    }
    await expect(stat(path.join(dataDir, ".s.PGSQL.5432"))).rejects.toThrow();
    await expect(stat(path.join(dataDir, "postgres.json"))).rejects.toThrow();
  });

  it("tightens an existing DATA_DIR that other accounts could open", async () => {
    const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), "cocrea-private-")), "data");
    await mkdir(dataDir, { mode: 0o755 });
    await ensurePrivateDir(dataDir);
    expect(await modeOf(dataDir)).toBe(0o700);
  });
});

// Raw protocol messages, for clients that vanish halfway through what `pg` would always finish.
const message = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
};
const cstring = (text: string) => Buffer.from(`${text}\0`);
const int16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const parseMsg = (sql: string) => message("P", cstring(""), cstring(sql), int16(0));
const bindMsg = () => message("B", cstring(""), cstring(""), int16(0), int16(0), int16(0));
const executeMsg = () => message("E", cstring(""), int32(0));

/** A raw connection that has finished its startup; `until(type)` waits for a backend message type. */
async function rawConnection(socketPath: string) {
  const socket = net.connect({ path: socketPath });
  let received = Buffer.alloc(0);
  let wake = () => {};
  socket.on("data", (chunk) => {
    received = Buffer.concat([received, chunk]);
    wake();
  });
  const types = () => {
    const seen: string[] = [];
    for (let at = 0; at + 5 <= received.length; at += 1 + received.readInt32BE(at + 1)) seen.push(String.fromCharCode(received[at]!));
    return seen;
  };
  const until = async (type: string) => {
    while (!types().includes(type)) await new Promise<void>((resolve) => (wake = resolve));
    received = Buffer.alloc(0);
  };
  const params = Buffer.concat([cstring("user"), cstring("postgres"), cstring("database"), cstring("postgres"), cstring("")]);
  socket.write(Buffer.concat([int32(8 + params.length), int32(196608), params]));
  await until("Z");
  return { socket, until };
}

describe("embedded server protocol handling", () => {
  let embedded: EmbeddedPostgres;
  let client: pg.Client;
  const longDir = path.join(os.tmpdir(), "cocrea-long-".padEnd(120, "x"));

  beforeAll(async () => {
    await mkdir(longDir, { recursive: true, mode: 0o700 });
    embedded = await startEmbeddedPostgres({ socketDir: longDir });
    client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    await client.query("CREATE TABLE notes (body text NOT NULL)");
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    await embedded?.stop();
  });

  it("puts the socket in a private temporary folder when DATA_DIR is too long for one", async () => {
    const socketDir = socketDirOf(embedded.url)!;
    expect(socketDir.startsWith(longDir)).toBe(false);
    expect(Buffer.byteLength(embedded.socketPath)).toBeLessThan(104);
    expect(await modeOf(socketDir)).toBe(0o700);
  });

  it("rolls back the transaction of a client that disconnects inside it, and serves the others", async () => {
    const leaving = new pg.Client({ connectionString: embedded.url });
    await leaving.connect();
    leaving.on("error", () => {});
    await leaving.query("BEGIN");
    await leaving.query("INSERT INTO notes VALUES ($1)", ["transacción abandonada"]);
    const waiting = client.query("SELECT count(*)::int AS n FROM notes WHERE body = $1", ["transacción abandonada"]);
    (leaving as unknown as { connection: { stream: net.Socket } }).connection.stream.destroy();
    expect((await waiting).rows).toEqual([{ n: 0 }]);
  });

  it("discards a half-sent extended-protocol group, even one that failed, without disturbing the next client", async () => {
    const halfway = await rawConnection(embedded.socketPath);
    halfway.socket.write(Buffer.concat([parseMsg("INSERT INTO notes VALUES ('sin Sync')"), bindMsg(), executeMsg()]));
    await halfway.until("C");
    halfway.socket.destroy();

    const failing = await rawConnection(embedded.socketPath);
    failing.socket.write(Buffer.concat([parseMsg("SELECT * FROM no_such_table"), bindMsg(), executeMsg()]));
    await failing.until("E");
    failing.socket.destroy();

    const { rows } = await client.query("SELECT count(*)::int AS n FROM notes WHERE body = $1", ["sin Sync"]);
    expect(rows).toEqual([{ n: 0 }]);
    await client.query("INSERT INTO notes VALUES ($1)", ["después"]);
    expect((await client.query("SELECT body FROM notes WHERE body = $1", ["después"])).rows).toEqual([{ body: "después" }]);
  });
});
