/**
 * A whole dataset streams: 100,000 ideas (about 100 MB of CSV) leave over HTTP while the server's
 * memory stays within a small bound, because rows are read a keyset page at a time and written
 * with backpressure instead of being gathered first.
 */
import http from "node:http";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, createUser } from "../support/callers";
import { startInProcessApp, type InProcessApp } from "../support/http-app";

const IDEAS = 100_000;
const MB = 1024 * 1024;
const suite = useTestServices();
let app: InProcessApp;

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

beforeAll(async () => {
  const author = await createUser(suite.db, "ENTREPRENEUR", { name: "Autora Masiva" });
  await suite.db.$executeRaw`
    INSERT INTO "Idea" ("id", "title", "summary", "problem", "solution", "sector", "status", "authorId", "publishedAt", "updatedAt")
    SELECT gen_random_uuid(), 'Idea número ' || g, repeat('resumen ', 60), repeat('problema ', 55), repeat('solución ', 50),
           'ICT', 'PUBLISHED', ${author.id}::uuid, timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second', now()
      FROM generate_series(1, ${IDEAS}) g`;
  app = await startInProcessApp(suite.services, { remix: false });
}, 120_000);
afterAll(() => app?.close());

describe("streaming exports", () => {
  it(`sends ${IDEAS.toLocaleString("en")} ideas as CSV with flat memory`, async () => {
    for (let i = 0; i < 3; i++) gc();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    let peakRss = before.rss;
    let bytes = 0;
    let records = 0;
    let chunks = 0;
    await new Promise<void>((resolve, reject) => {
      http
        .get(`${app.base}/datos/ideas.csv`, (res) => {
          expect(res.statusCode).toBe(200);
          // Streamed: no Content-Length, chunked as rows are written.
          expect(res.headers["transfer-encoding"]).toBe("chunked");
          res.on("data", (chunk: Buffer) => {
            bytes += chunk.length;
            for (let at = chunk.indexOf("\r\n"); at !== -1; at = chunk.indexOf("\r\n", at + 2)) records += 1;
            if (++chunks % 50 === 0) {
              const now = process.memoryUsage();
              peakHeap = Math.max(peakHeap, now.heapUsed);
              peakRss = Math.max(peakRss, now.rss);
            }
          });
          res.on("end", resolve);
          res.on("error", reject);
        })
        .on("error", reject);
    });
    const heapGrowth = (peakHeap - before.heapUsed) / MB;
    const rssGrowth = (peakRss - before.rss) / MB;
    console.info(`CSV ${(bytes / MB).toFixed(0)} MB, ${records} records; heap +${heapGrowth.toFixed(1)} MB, RSS +${rssGrowth.toFixed(1)} MB`);
    expect(records).toBe(IDEAS + 1);
    expect(bytes).toBeGreaterThan(100 * MB);
    // Gathering the rows (or the body) first would take several times the 150 MB sent.
    expect(heapGrowth).toBeLessThan(50);
    // RSS also holds memory the allocator has not returned yet, and moves with whatever else runs: a looser bound.
    expect(rssGrowth).toBeLessThan(100);
  }, 180_000);
});
