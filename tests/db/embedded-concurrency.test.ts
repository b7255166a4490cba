import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE, generateSessionToken, sessionIdFromToken } from "../../server/auth/session";
import { createDb, type Db } from "../../server/db/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../server/db/embedded";
import { applyMigrations } from "../../server/db/migrations";
import { createHttpApp } from "../../server/http/app";
import { createTestServices, createUser } from "../support/callers";
import { PNG_BYTES, fileOf } from "../files/fixtures";

/**
 * Always the embedded database, whatever DATABASE_URL says: several pool connections sending
 * differently shaped statements at once used to interleave their protocol messages, so writes
 * were acknowledged and lost, valid sessions were cleared and requests failed with 500.
 */
const CLIENTS = 8;
const ROUNDS = 6;
const DAY_MS = 24 * 60 * 60 * 1000;

let embedded: EmbeddedPostgres;
let db: Db;
let server: Server;
let base: string;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
  await applyMigrations(embedded.url);
  // The client `npm start` gives the app over the embedded database.
  db = createDb(embedded.url, { maxConnections: 8, embedded: true });
  const services = await createTestServices(db);
  server = createHttpApp(services).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db?.$disconnect();
  await embedded?.stop();
});

/** A session that expires in 3 days, so the next request renews it (a write). */
async function sessionDueForRenewal(userId: string): Promise<string> {
  const token = generateSessionToken();
  await db.session.create({
    data: { id: sessionIdFromToken(token), userId, expiresAt: new Date(Date.now() + 3 * DAY_MS) },
  });
  return `${SESSION_COOKIE}=${token}`;
}

interface Tally {
  requests: number;
  /** 5xx answers and requests that never got one (first few kept for the failure message). */
  serverErrors: number;
  examples: string[];
  /** auth.me with a valid session that did not answer that session's user. */
  sessionsLost: number;
  /** Set-Cookie headers that cleared a session cookie. */
  cookiesCleared: number;
  uploadedIds: string[];
  /** Acknowledged ideas and the uploads each was created with. */
  ideas: { id: string; attachmentIds: string[] }[];
}

interface Client {
  index: number;
  userId: string;
  cookie: string;
  /** One per round: a session is renewed (written) only once. */
  renewableCookies: string[];
}

/** Set up one at a time, before the load: only the requests run concurrently. */
async function prepareClient(index: number): Promise<Client> {
  const user = await createUser(db, "ENTREPRENEUR");
  const renewableCookies: string[] = [];
  for (let round = 0; round < ROUNDS; round++) renewableCookies.push(await sessionDueForRenewal(user.id));
  return { index, userId: user.id, cookie: await sessionDueForRenewal(user.id), renewableCookies };
}

type Answer = { status: number; data: unknown };

async function request(tally: Tally, what: string, path: string, init: RequestInit = {}): Promise<Answer> {
  tally.requests += 1;
  try {
    const response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    if (response.status >= 500) {
      tally.serverErrors += 1;
      if (tally.examples.length < 5) tally.examples.push(`${what} ${response.status}: ${text.slice(0, 160)}`);
    }
    if (response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=;`))) tally.cookiesCleared += 1;
    const body = JSON.parse(text) as { result?: { data?: unknown } };
    return { status: response.status, data: body.result?.data };
  } catch (error) {
    tally.serverErrors += 1;
    if (tally.examples.length < 5) tally.examples.push(`${what}: ${String(error)}`);
    return { status: 0, data: undefined };
  }
}

async function runClient({ index, userId, cookie, renewableCookies }: Client, tally: Tally) {
  for (let round = 0; round < ROUNDS; round++) {
    const form = new FormData();
    form.append("files", fileOf(PNG_BYTES, `logo-${index}-${round}.png`, "image/png"));
    const upload = await request(tally, "file.upload", "/api/trpc/file.upload", { method: "POST", headers: { cookie }, body: form });
    const uploadedIds = upload.status === 200 ? (upload.data as { id: string }[]).map((f) => f.id) : [];
    tally.uploadedIds.push(...uploadedIds);

    const [me, created] = await Promise.all([
      request(tally, "auth.me", "/api/trpc/auth.me", { headers: { cookie: renewableCookies[round]! } }),
      request(tally, "idea.create", "/api/trpc/idea.create", {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({
          title: `Idea ${index}-${round} del río`,
          summary: "Un resumen suficientemente largo para la validación.",
          problem: "El problema descrito con más de veinte caracteres.",
          solution: "La solución descrita con más de veinte caracteres.",
          sector: "RIVER_LOGISTICS",
          attachmentIds: uploadedIds,
        }),
      }),
      request(tally, "idea.list", `/api/trpc/idea.list?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`),
    ]);
    if ((me.data as { id?: string } | null | undefined)?.id !== userId) tally.sessionsLost += 1;
    if (created.status === 200) tally.ideas.push({ id: (created.data as { id: string }).id, attachmentIds: uploadedIds });
  }
}

describe("embedded PostgreSQL under concurrent requests", () => {
  it("keeps every acknowledged write and every valid session, without 5xx", { timeout: 60_000 }, async () => {
    const tally: Tally = { requests: 0, serverErrors: 0, examples: [], sessionsLost: 0, cookiesCleared: 0, uploadedIds: [], ideas: [] };
    const clients: Client[] = [];
    for (let index = 0; index < CLIENTS; index++) clients.push(await prepareClient(index));
    await Promise.all(clients.map((client) => runClient(client, tally)));

    const storedFiles = await db.storedFile.findMany({
      where: { id: { in: tally.uploadedIds } },
      select: { id: true, ideaId: true },
    });
    const storedIdeas = await db.idea.count({ where: { id: { in: tally.ideas.map((idea) => idea.id) } } });
    const ideaOfFile = new Map(storedFiles.map((f) => [f.id, f.ideaId]));
    expect({
      requests: tally.requests,
      serverErrors: tally.serverErrors,
      examples: tally.examples,
      sessionsLost: tally.sessionsLost,
      cookiesCleared: tally.cookiesCleared,
      uploadsAcknowledged: tally.uploadedIds.length,
      uploadsMissing: tally.uploadedIds.length - storedFiles.length,
      ideasAcknowledged: tally.ideas.length,
      ideasMissing: tally.ideas.length - storedIdeas,
      ideasMissingAnAttachment: tally.ideas.filter((idea) => idea.attachmentIds.some((id) => ideaOfFile.get(id) !== idea.id)).length,
    }).toEqual({
      requests: CLIENTS * ROUNDS * 4,
      serverErrors: 0,
      examples: [],
      sessionsLost: 0,
      cookiesCleared: 0,
      uploadsAcknowledged: CLIENTS * ROUNDS,
      uploadsMissing: 0,
      ideasAcknowledged: CLIENTS * ROUNDS,
      ideasMissing: 0,
      ideasMissingAnAttachment: 0,
    });
  });
});
