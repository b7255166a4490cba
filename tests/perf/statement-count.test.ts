/**
 * SQL statements per request must not grow with page size: one statement per list, whatever
 * its length, and a fixed number for a page, an idea and the session lookup.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE, createSession } from "../../server/auth/session";
import { createDb, type Db } from "../../server/db/client";
import { createTestServices, callerFor, createUser } from "../support/callers";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startInProcessApp, type InProcessApp } from "../support/http-app";
import type { Services } from "../../server/trpc/context";

let database: TestDatabase;
let counted: Db;
let services: Services;
let app: InProcessApp;
let statements: string[] = [];
let cookie: string;
let ideaId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  counted = createDb(database.url, { maxConnections: 4, onQuery: (sql) => statements.push(sql) });
  services = await createTestServices(counted);
  const author = await createUser(database.db, "ENTREPRENEUR");
  for (let i = 0; i < 60; i++) {
    const idea = await database.db.idea.create({
      data: {
        title: `Idea número ${i} para contar consultas`,
        summary: "Un resumen suficientemente largo para la tarjeta.",
        problem: "Un problema suficientemente largo.",
        solution: "Una solución suficientemente larga.",
        sector: i % 2 ? "ICT" : "TOURISM",
        status: "PUBLISHED",
        publishedAt: new Date(Date.now() - i * 1000),
        authorId: author.id,
        attachments: {
          create: Array.from({ length: i % 3 }, (_, k) => ({
            store: "LOCAL" as const,
            storageKey: `conteo/${i}-${k}`,
            name: `anexo-${k}.pdf`,
            contentType: "application/pdf",
            size: 100,
            sha256: "0".repeat(64),
            uploadedById: author.id,
          })),
        },
      },
    });
    ideaId = idea.id;
  }
  const { token } = await createSession(database.db, author.id, {});
  cookie = `${SESSION_COOKIE}=${token}`;
  app = await startInProcessApp(services);
});
afterAll(async () => {
  await app?.close();
  await counted?.$disconnect();
  await database?.drop();
});

/** Statements `work` sends, once the connection pool is warm. */
async function countStatements(work: () => Promise<unknown>): Promise<number> {
  await work();
  statements = [];
  await work();
  return statements.filter((sql) => !/^(BEGIN|COMMIT|ROLLBACK|SET|SHOW)\b/i.test(sql.trim())).length;
}

describe("SQL statements per request", () => {
  it("looks up a session, with its user and memberships, in one statement", async () => {
    const count = await countStatements(async () => (await callerFor(services, { cookie })).caller.auth.me());
    expect(count).toBe(1);
  });

  it("lists ideas in one statement, for 5 or 50 rows, filtered or searched", async () => {
    const { caller } = await callerFor(services);
    for (const input of [{ limit: 5 }, { limit: 50 }, { limit: 50, sector: "ICT" as const }, { limit: 50, q: "número" }]) {
      expect(await countStatements(() => caller.idea.list(input)), JSON.stringify(input)).toBe(1);
    }
  });

  it("loads an idea page's data in a fixed number of statements", async () => {
    const { caller } = await callerFor(services);
    expect(await countStatements(() => caller.idea.byId({ id: ideaId }))).toBeLessThanOrEqual(2);
  });

  it("loads a thread of comments in one statement, however many comments and replies", async () => {
    const { caller } = await callerFor(services, { cookie });
    const before = await countStatements(() => caller.comment.list({ ideaId }));
    const writer = await createUser(database.db, "COMPANY");
    for (let i = 0; i < 5; i++) {
      const top = await database.db.comment.create({ data: { ideaId, authorId: writer.id, body: `Comentario ${i}` } });
      await database.db.comment.create({ data: { ideaId, authorId: writer.id, parentId: top.id, body: `Respuesta ${i}` } });
    }
    // The idea's visibility, then the page of the thread.
    expect(await countStatements(() => caller.comment.list({ ideaId }))).toBe(before);
    expect(before).toBeLessThanOrEqual(2);
  });

  it("serves GET /ideas with the same statements for any number of cards", async () => {
    const page = (query: string) => async () => {
      const response = await fetch(`${app.base}/ideas${query}`, { headers: { cookie } });
      expect(response.status).toBe(200);
      await response.text();
    };
    const first = await countStatements(page(""));
    const filtered = await countStatements(page("?sector=ICT"));
    // The session, the header's unread count (signed-in visitors only), then the list.
    expect(first).toBeLessThanOrEqual(3);
    expect(filtered).toBe(first);
  });
});
