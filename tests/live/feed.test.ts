import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../server/db/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../server/db/embedded";
import { applyMigrations } from "../../server/db/migrations";
import { createChangeFeed, type ChangeFeed } from "../../server/live/changes";
import type { Services } from "../../server/trpc/context";
import { callerAs, createTestServices, createUser, useTestServices } from "../support/callers";
import { createIdeaIn } from "../support/ideas";

/** Resolves with the topics heard within `ms` (the feed delivers NOTIFYs asynchronously). */
function collect(feed: ChangeFeed) {
  const topics: string[] = [];
  const unsubscribe = feed.subscribe((topic) => topics.push(topic));
  return {
    topics,
    unsubscribe,
    async waitFor(topic: string, ms = 2_000) {
      const deadline = Date.now() + ms;
      while (!topics.includes(topic) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return topics.includes(topic);
    },
  };
}

const ideaRow = (authorId: string) => [
  "Huerta solar en el barrio Primero de Mayo",
  "Un resumen suficientemente largo de la idea.",
  "Un problema descrito con el detalle suficiente.",
  "Una solución descrita con el detalle suficiente.",
  authorId,
];
const INSERT_IDEA = `INSERT INTO "Idea" (id, title, summary, problem, solution, sector, status, "authorId", "publishedAt", "updatedAt")
  VALUES (gen_random_uuid(), $1, $2, $3, $4, 'ICT', 'PUBLISHED', $5, now(), now())`;

describe.runIf(process.env.DATABASE_URL)("the change feed on real PostgreSQL (LISTEN/NOTIFY)", () => {
  const suite = useTestServices();
  const feeds: ChangeFeed[] = [];
  let writer: pg.Client;

  beforeAll(async () => {
    writer = new pg.Client({ connectionString: suite.database.url });
    await writer.connect();
  });
  afterAll(async () => {
    await writer?.end();
    await Promise.all(feeds.map((feed) => feed.close()));
  });

  async function listeningFeed() {
    const feed = createChangeFeed({ databaseUrl: suite.database.url, embedded: false, log: { info() {}, warn() {} } });
    feeds.push(feed);
    const heard = collect(feed);
    await feed.ready();
    return heard;
  }

  it("hears a committed INSERT into Idea, and never one that was rolled back", async () => {
    const heard = await listeningFeed();
    const author = await createUser(suite.db, "ENTREPRENEUR");

    await writer.query("BEGIN");
    await writer.query(INSERT_IDEA, ideaRow(author.id));
    // Inside the transaction nothing is announced yet: listeners must not read uncommitted data.
    await new Promise((r) => setTimeout(r, 300));
    expect(heard.topics).not.toContain("Idea");
    await writer.query("ROLLBACK");
    expect(await heard.waitFor("Idea", 500)).toBe(false);

    await writer.query("BEGIN");
    await writer.query(INSERT_IDEA, ideaRow(author.id));
    await writer.query("COMMIT");
    expect(await heard.waitFor("Idea")).toBe(true);
  });

  it("reaches every app process: two feeds both hear one change, and publish() reaches them too", async () => {
    const first = await listeningFeed();
    const second = await listeningFeed();
    const author = await createUser(suite.db, "ENTREPRENEUR");
    await createIdeaIn(suite.db, author.id, "PUBLISHED");
    expect(await first.waitFor("Idea")).toBe(true);
    expect(await second.waitFor("Idea")).toBe(true);

    await feeds[0]!.publish("Booking");
    expect(await second.waitFor("Booking")).toBe(true);
    expect(await first.waitFor("Booking")).toBe(true);
  });

  it("reconnects after its connection is killed, and then hears changes again", async () => {
    const heard = await listeningFeed();
    await writer.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'cocrea-live' AND datname = current_database()");
    // It says so once it is back, so viewers can refresh what they may have missed.
    expect(await heard.waitFor("reconnected", 5_000)).toBe(true);
    await createIdeaIn(suite.db, (await createUser(suite.db, "ENTREPRENEUR")).id, "PUBLISHED");
    expect(await heard.waitFor("Idea")).toBe(true);
  });

  it("is told nothing by the app itself: the triggers announce mutations (no double messages)", async () => {
    const heard = await listeningFeed();
    const author = await createUser(suite.db, "ENTREPRENEUR");
    const idea = await createIdeaIn(suite.db, author.id, "SUBMITTED");
    const liveServices: Services = { ...suite.services, changes: feeds.at(-1)! };
    const { caller } = await callerAs(liveServices, "SECRETARIAT");
    heard.topics.length = 0;
    await caller.moderation.decide({ id: idea.id, to: "PUBLISHED" });
    expect(await heard.waitFor("Idea")).toBe(true);
    expect(heard.topics).not.toContain("moderation.decide");
  });
});

describe("the change feed on the embedded database (in-process emitter)", () => {
  let embedded: EmbeddedPostgres;
  let db: Db;
  let services: Services;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres();
    await applyMigrations(embedded.url);
    db = createDb(embedded.url, { maxConnections: 4, embedded: true });
    services = await createTestServices(db);
  }, 120_000);
  afterAll(async () => {
    await services?.changes.close();
    await db?.$disconnect();
    await embedded?.stop();
  });

  it("publishes after a successful mutation, not after a failed one or a query", async () => {
    expect(services.changes.kind).toBe("memory");
    const heard = collect(services.changes);
    const { caller } = await callerAs(services, "SECRETARIAT");
    const author = await createUser(db, "ENTREPRENEUR");
    const idea = await createIdeaIn(db, author.id, "SUBMITTED");

    await caller.idea.list({});
    await expect(caller.moderation.decide({ id: idea.id, to: "ARCHIVED" })).rejects.toThrow();
    expect(heard.topics).toEqual([]);

    await caller.moderation.decide({ id: idea.id, to: "PUBLISHED" });
    expect(heard.topics).toEqual(["moderation.decide"]);
    expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("PUBLISHED");
    heard.unsubscribe();
  });
});
