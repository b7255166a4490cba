import { chmod } from "node:fs/promises";
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

/**
 * The PostgreSQL wire protocol over one PGlite, for any number of `pg` connections.
 *
 * PGlite is a single backend session, so every connection shares its state: the unnamed
 * prepared statement and portal, the "skip until Sync" state after an error, the open
 * transaction. One connection therefore owns the session from the first message of a group
 * until the group is over: an extended-protocol group (Parse/Bind/Describe/Execute) ends with
 * its Sync, a simple query with itself, and while a transaction is open the group lasts until
 * COMMIT or ROLLBACK. Other connections wait their turn (docs/decisions/005-embedded-postgres-concurrency.md).
 */

const PROTOCOL_3_0 = 196608;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const FUNCTION_CALL = 0x46; // 'F'
const TERMINATE = 0x58; // 'X'
/** Messages after which the backend is ready for the next group (it sends ReadyForQuery). */
const ENDS_GROUP = new Set([SYNC, QUERY, FUNCTION_CALL]);

const SYNC_MESSAGE = Uint8Array.from([SYNC, 0, 0, 0, 4]);
const ROLLBACK_MESSAGE = simpleQuery("ROLLBACK");

function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`);
  const message = Buffer.alloc(5 + text.length);
  message[0] = QUERY;
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

/** FIFO mutex whose holder is a connection, so a group's later messages pass straight through. */
class SessionLock {
  #owner: Connection | null = null;
  #waiting: { owner: Connection; grant: () => void }[] = [];

  isHeldBy(owner: Connection): boolean {
    return this.#owner === owner;
  }

  acquire(owner: Connection): Promise<void> {
    if (this.#owner === owner) return Promise.resolve();
    if (this.#owner === null) {
      this.#owner = owner;
      return Promise.resolve();
    }
    return new Promise((grant) => this.#waiting.push({ owner, grant }));
  }

  release(owner: Connection): void {
    if (this.#owner !== owner) return;
    const next = this.#waiting.shift();
    this.#owner = next?.owner ?? null;
    next?.grant();
  }
}

class Connection {
  #buffer = Buffer.alloc(0);
  #started = false;
  #ended = false;
  /** Everything this connection does, in arrival order: data, then cleanup after close. */
  #work: Promise<void> = Promise.resolve();
  readonly finished: Promise<void>;

  constructor(
    readonly socket: net.Socket,
    private readonly db: PGlite,
    private readonly lock: SessionLock,
  ) {
    socket.on("data", (chunk) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#enqueue(() => this.#drain());
    });
    socket.on("error", () => socket.destroy());
    this.finished = new Promise((resolve) =>
      socket.once("close", () => {
        this.#ended = true;
        this.#enqueue(() => this.#abandon());
        this.#work.then(() => resolve());
      }),
    );
  }

  #enqueue(step: () => Promise<void>) {
    this.#work = this.#work.then(step).catch(() => {
      this.socket.destroy();
    });
  }

  async #drain() {
    while (!this.#ended) {
      const message = this.#nextMessage();
      if (!message) return;
      if (this.#started) await this.#handle(message);
      else await this.#handleStartup(message);
    }
  }

  /** One complete message, or null while more bytes are needed. The startup message has no type byte. */
  #nextMessage(): Buffer | null {
    const typeBytes = this.#started ? 1 : 0;
    if (this.#buffer.length < typeBytes + 4) return null;
    const length = this.#buffer.readInt32BE(typeBytes);
    if (length < 4) {
      this.socket.destroy();
      return null;
    }
    if (this.#buffer.length < typeBytes + length) return null;
    const message = this.#buffer.subarray(0, typeBytes + length);
    this.#buffer = this.#buffer.subarray(typeBytes + length);
    return message;
  }

  async #handleStartup(message: Buffer) {
    const code = message.length >= 8 ? message.readInt32BE(4) : 0;
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
      this.socket.write("N"); // no encryption on a local socket; the client goes on in plain text
      return;
    }
    if (code !== PROTOCOL_3_0) {
      // CANCEL_REQUEST included: a statement running inside WebAssembly cannot be interrupted.
      this.#ended = true;
      this.socket.end();
      return;
    }
    await this.lock.acquire(this);
    try {
      if (!this.#ended) await this.#execute(message, this.#toClient);
      this.#started = true;
    } finally {
      this.lock.release(this);
    }
  }

  async #handle(message: Buffer) {
    const type = message[0]!;
    if (type === TERMINATE) {
      this.#ended = true;
      this.socket.end(); // the close handler rolls back whatever this connection left open
      return;
    }
    await this.lock.acquire(this);
    if (this.#ended) return; // closed while waiting: #abandon, queued after this, cleans up
    await this.#execute(message, this.#toClient);
    if (ENDS_GROUP.has(type) && !this.db.isInTransaction()) this.lock.release(this);
  }

  /**
   * Gone in the middle of a group or a transaction: undo its unfinished work as PostgreSQL does
   * for a dropped connection. ROLLBACK ends an explicit or implicit transaction (it is skipped
   * while an error has the session discarding messages until Sync), Sync clears that state,
   * and a second ROLLBACK ends a transaction that the first one could not reach.
   */
  async #abandon() {
    if (!this.lock.isHeldBy(this)) return;
    try {
      await this.#execute(ROLLBACK_MESSAGE, discard);
      await this.#execute(SYNC_MESSAGE, discard);
      if (this.db.isInTransaction()) await this.#execute(ROLLBACK_MESSAGE, discard);
    } finally {
      this.lock.release(this);
    }
  }

  #toClient = (bytes: Uint8Array) => {
    // A copy: `bytes` is a view into PGlite's memory, reused by the next message.
    if (!this.socket.destroyed) this.socket.write(Buffer.from(bytes));
  };

  #execute(message: Uint8Array, onRawData: (bytes: Uint8Array) => void): Promise<void> {
    return this.db.runExclusive(() => this.db.execProtocolRawStream(message, { onRawData }));
  }
}

function discard() {}

export interface PgliteServer {
  /** Closes every connection (rolling back what they left open) and stops listening. */
  close(): Promise<void>;
}

/** Serves `db` on a Unix socket at `socketPath`, readable and writable by this user only. */
export async function servePglite(db: PGlite, socketPath: string): Promise<PgliteServer> {
  const lock = new SessionLock();
  const connections = new Set<Connection>();
  const server = net.createServer((socket) => {
    const connection = new Connection(socket, db, lock);
    connections.add(connection);
    void connection.finished.then(() => connections.delete(connection));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => {
      server.off("error", reject);
      resolve();
    });
  });
  await chmod(socketPath, 0o600);
  return {
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const pending = [...connections];
      for (const connection of pending) connection.socket.destroy();
      await Promise.all(pending.map((connection) => connection.finished));
      await closed;
    },
  };
}
