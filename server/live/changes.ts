/**
 * The one publish/subscribe seam for "something the indicators read has changed" (issue 14).
 *
 * Real PostgreSQL: one dedicated `pg` connection LISTENs on `cocrea_changes`. Triggers
 * (prisma/migrations/*_live_changes) NOTIFY it with the table's name when a transaction commits,
 * so every app process connected to the database hears every change, and nothing uncommitted.
 * Embedded PostgreSQL (PGlite): a NOTIFY never leaves the connection that sent it, so the app
 * announces its own writes to an in-process emitter (after each successful tRPC mutation and
 * after background jobs that changed data); one process serves everything there by construction.
 */
import { EventEmitter } from "node:events";
import pg from "pg";

export const CHANGES_CHANNEL = "cocrea_changes";

export type ChangeListener = (topic: string) => void;

export interface ChangeFeedLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface ChangeFeed {
  /** "postgres": the database announces committed writes itself; "memory": the app must. */
  readonly kind: "postgres" | "memory";
  /** Announces a change to every subscriber (of every app process, with real PostgreSQL). */
  publish(topic: string): Promise<void>;
  /** What the app calls after it wrote: a no-op where the database's triggers announce it already. */
  afterWrite(topic: string): void;
  /** Called with each change's topic (a table name, or a procedure path); returns unsubscribe. */
  subscribe(listener: ChangeListener, onClose?: () => void): () => void;
  /** Resolves once changes are being heard (the LISTEN connection is up); immediate in memory. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface ChangeFeedOptions {
  /** The app's database; omitted or `embedded` → the in-process emitter. */
  databaseUrl?: string;
  embedded?: boolean;
  log?: ChangeFeedLog;
  /** First reconnection delay; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
}

const consoleLog: ChangeFeedLog = {
  info: (message) => console.log(`[live] ${message}`),
  warn: (message) => console.warn(`[live] ${message}`),
};

export function createChangeFeed(options: ChangeFeedOptions = {}): ChangeFeed {
  return options.databaseUrl && !options.embedded
    ? postgresFeed(options.databaseUrl, options)
    : memoryFeed();
}

/** Subscribers and their close callbacks, shared by both kinds. */
function subscribers() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const closers = new Set<() => void>();
  return {
    emit: (topic: string) => emitter.emit("change", topic),
    count: () => emitter.listenerCount("change"),
    add(listener: ChangeListener, onClose?: () => void) {
      // One throwing subscriber must not keep the others from hearing the change.
      const safe = (topic: string) => {
        try {
          listener(topic);
        } catch (error) {
          console.error("[live] a change listener failed", error);
        }
      };
      emitter.on("change", safe);
      if (onClose) closers.add(onClose);
      return () => {
        emitter.off("change", safe);
        if (onClose) closers.delete(onClose);
      };
    },
    closeAll() {
      emitter.removeAllListeners();
      for (const onClose of [...closers]) onClose();
      closers.clear();
    },
  };
}

function memoryFeed(): ChangeFeed {
  const listeners = subscribers();
  return {
    kind: "memory",
    async publish(topic) {
      listeners.emit(topic);
    },
    afterWrite(topic) {
      listeners.emit(topic);
    },
    subscribe: listeners.add,
    ready: async () => {},
    async close() {
      listeners.closeAll();
    },
  };
}

function postgresFeed(databaseUrl: string, options: ChangeFeedOptions): ChangeFeed {
  const log = options.log ?? consoleLog;
  const retryMs = options.retryMs ?? 500;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  const listeners = subscribers();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let attempt = 0;
  let closed = false;
  /** Set while the connection is being re-established: what was committed meanwhile went unheard. */
  let reconnecting = false;

  async function open(): Promise<pg.Client> {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: "cocrea-live" });
    next.on("notification", (message) => {
      if (message.channel === CHANGES_CHANNEL) listeners.emit(message.payload ?? "");
    });
    next.on("error", (error) => {
      log.warn(`la conexión de cambios en vivo falló: ${error.message}`);
      lost(next);
    });
    next.on("end", () => lost(next));
    await next.connect();
    await next.query(`LISTEN ${CHANGES_CHANNEL}`);
    return next;
  }

  /** The dedicated connection, opened on first need (tests that never subscribe never open it). */
  function connect(): Promise<pg.Client> {
    if (client) return Promise.resolve(client);
    if (!connecting) {
      connecting = open().then(
        (opened) => {
          connecting = null;
          if (closed) {
            void opened.end().catch(() => {});
            throw new Error("change feed closed");
          }
          if (attempt > 0) log.info(`escuchando cambios otra vez tras ${attempt} intento(s)`);
          attempt = 0;
          client = opened;
          // Changes committed while the connection was down were not heard: tell everyone once.
          if (reconnecting) listeners.emit("reconnected");
          reconnecting = false;
          return opened;
        },
        (error: Error) => {
          connecting = null;
          if (!closed) scheduleRetry(error);
          throw error;
        },
      );
    }
    return connecting;
  }

  function lost(which: pg.Client) {
    if (client !== which) return;
    client = null;
    void which.end().catch(() => {});
    if (closed) return;
    reconnecting = true;
    scheduleRetry(new Error("connection ended"));
  }

  function scheduleRetry(error: Error) {
    if (retryTimer || closed || listeners.count() === 0) return;
    const delay = Math.min(maxRetryMs, retryMs * 2 ** attempt);
    attempt += 1;
    log.warn(`sin conexión para cambios en vivo (${error.message}); reintento en ${delay} ms`);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      reconnecting = true;
      connect().catch(() => {});
    }, delay);
    retryTimer.unref();
  }

  return {
    kind: "postgres",
    async publish(topic) {
      const connection = await connect();
      await connection.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, topic]);
    },
    afterWrite() {},
    subscribe(listener, onClose) {
      const unsubscribe = listeners.add(listener, onClose);
      connect().catch(() => {});
      return unsubscribe;
    },
    async ready() {
      await connect();
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const open = client ?? (await connecting?.catch(() => null));
      client = null;
      listeners.closeAll();
      await open?.end().catch(() => {});
    },
  };
}
