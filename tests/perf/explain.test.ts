/**
 * At 100,000 ideas the list, filter, deep-page and search queries must be index reads: a
 * sequential scan of "Idea" is what made lists slower as the table grew. Real PostgreSQL only
 * (the embedded one would take minutes to load the rows, and CI runs on the server).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../server/db/client";
import { ideaListQuery } from "../../server/idea/queries";
import { createUser } from "../support/callers";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;

describe.runIf(process.env.DATABASE_URL)("query plans at 100,000 ideas", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    const author = await createUser(database.db, "ENTREPRENEUR");
    await database.db.$executeRaw`
      INSERT INTO "Idea" ("id", "title", "summary", "problem", "solution", "sector", "status", "authorId", "publishedAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(),
             'Idea ' || n || ' sobre ' || (ARRAY['pesca artesanal','logística fluvial','energía solar','turismo de ciénaga','cacao'])[1 + n % 5],
             'Resumen de la idea ' || n || ' para el río Magdalena y sus ciénagas.',
             'Problema ' || n, 'Solución ' || n,
             (ARRAY['ENERGY_OIL','AGROINDUSTRY','RIVER_LOGISTICS','ENVIRONMENT','TOURISM','ICT']::"Sector"[])[1 + n % 6],
             (CASE WHEN n % 10 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END)::"IdeaStatus",
             ${author.id}::uuid,
             CASE WHEN n % 10 = 0 THEN NULL ELSE now() - (n || ' seconds')::interval END,
             now() - (n || ' seconds')::interval, now()
        FROM generate_series(1, 100000) AS n`;
    await database.db.$executeRawUnsafe(`ANALYZE "Idea"; ANALYZE "StoredFile"; ANALYZE "User"`);
  }, 180_000);
  afterAll(() => database?.drop());

  async function plan(query: Prisma.Sql): Promise<string> {
    const rows = await database.db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${query}`);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  }

  const deep = { at: new Date(Date.now() - 60_000 * 1000), id: "ffffffff-ffff-4fff-bfff-ffffffffffff" };
  const organizationId = "00000000-0000-4000-8000-000000000001";
  it.each([
    ["first page", ideaListQuery({}, null, 13)],
    ["first page of 50", ideaListQuery({}, null, 51)],
    ["a deep page", ideaListQuery({}, deep, 13)],
    ["a sector", ideaListQuery({ sector: "TOURISM" }, null, 13)],
    ["a sector, deep", ideaListQuery({ sector: "TOURISM" }, deep, 13)],
    ["a common word", ideaListQuery({ q: "ciénaga" }, null, 13)],
    ["a word found nowhere", ideaListQuery({ q: "xilófono" }, null, 13)],
    ["a common word by relevance", ideaListQuery({ q: "ciénaga", sort: "relevance" }, null, 13)],
    ["one state", ideaListQuery({ status: "ARCHIVED" }, null, 13)],
    ["one state, deep", ideaListQuery({ status: "PUBLISHED" }, deep, 13)],
    ["an organization", ideaListQuery({ organizationId }, null, 13)],
    ["most supported", ideaListQuery({ sort: "supports" }, null, 13)],
    ["most supported, deep", ideaListQuery({ sort: "supports" }, { ...deep, rank: 0 }, 13)],
  ])("reads %s through an index", async (_name, query) => {
    const text = await plan(query);
    expect(text, text).not.toMatch(/Seq Scan on "Idea"/);
  });
});
