import type pg from "pg";
import { contentionSlots, type BenchBookings } from "./bookings";
import type { ServerProcess } from "./processes";
import { trpcQuery, type ScenarioContext } from "./scenarios";
import { BENCH_PASSWORD, benchEmail } from "./seed";
import { ABSENT_WORD, COMMON_WORD, RARE_WORD } from "./spanish-text";
import type { PlanCheck } from "./targets";

/** Signs in through the app, as a browser would, and returns the session cookie. */
async function signIn(app: ServerProcess, email: string): Promise<string> {
  const response = await fetch(`${app.baseUrl}/api/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("cocrea_session="));
  if (response.status !== 200 || !cookie) throw new Error(`Could not sign in as ${email}: ${response.status} ${await response.text()}`);
  return cookie.split(";")[0]!;
}

/** Follows `nextCursor` 19 times, like a reader paging on: the cursor is whatever the app hands out. */
async function cursorOfPage(app: ServerProcess, page: number): Promise<string> {
  let cursor: string | undefined;
  for (let p = 1; p < page; p++) {
    const { path } = trpcQuery("idea.list", { limit: 12, ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${app.baseUrl}${path}`);
    const json = (await response.json()) as { result?: { data?: { nextCursor?: string | null } } };
    const next = json.result?.data?.nextCursor;
    if (!next) throw new Error(`The list has no page ${p + 1} (answer ${response.status}): not enough published ideas`);
    cursor = next;
  }
  return cursor!;
}

export async function prepareContext(client: pg.ClientBase, app: ServerProcess, bookings: BenchBookings): Promise<ScenarioContext> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT i."id" FROM "Idea" i
      WHERE i."status" = 'PUBLISHED' AND EXISTS (SELECT 1 FROM "StoredFile" f WHERE f."ideaId" = i."id")
      ORDER BY i."createdAt" DESC LIMIT 1`,
  );
  if (!rows[0]) throw new Error("No published idea with attachments was seeded");
  const writer = benchEmail("ENTREPRENEUR", 1);
  // Up to 50 accounts of every role, the roles in turn, never the one whose session the write
  // scenario uses (a login does not revoke other sessions, but that account stays out of it).
  const accounts = await client.query<{ email: string }>(
    `SELECT "email" FROM (
       SELECT "email", "role", row_number() OVER (PARTITION BY "role" ORDER BY "email") AS n
         FROM "User" WHERE "email" LIKE 'bench-%' AND "email" <> $1) ranked
      WHERE n <= 50 ORDER BY n, "role"`,
    [writer],
  );
  const loginEmails = accounts.rows.map((row) => row.email);
  return {
    page20Cursor: await cursorOfPage(app, 20),
    ideaId: rows[0].id,
    entrepreneurCookie: await signIn(app, writer),
    loginEmails,
    password: BENCH_PASSWORD,
    availability: { spaceId: bookings.monthSpaceId, ...bookings.month },
    contention: { spaceId: bookings.contentionSpaceId, slots: contentionSlots() },
  };
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}

type ListQueryBuilder = (
  filters: { q?: string; sector?: string },
  after: { at: Date; id: string } | null,
  take: number,
) => { text: string; values: unknown[] };

/**
 * The app's own list statement (server/idea/queries.ts exports it for EXPLAIN), so the plan
 * checked is the one the app runs. Loaded lazily: the benchmark still measures if it moves.
 */
async function listQueryForExplain(): Promise<ListQueryBuilder | null> {
  try {
    const module = (await import("../server/idea/queries")) as { ideaListQuery?: ListQueryBuilder };
    return module.ideaListQuery ?? null;
  } catch {
    return null;
  }
}

const PLANNED: Record<string, { q?: string; sector?: string; sort?: string }> = {
  "list-12": {},
  supports: { sort: "supports" },
  sector: { sector: "TOURISM" },
  "search-common": { q: COMMON_WORD },
  "search-rare": { q: RARE_WORD },
  "search-none": { q: ABSENT_WORD },
};

export async function explainListQueries(client: pg.ClientBase): Promise<Record<string, PlanCheck>> {
  const builder = await listQueryForExplain();
  const plans: Record<string, PlanCheck> = {};
  for (const [name, filters] of Object.entries(PLANNED)) {
    if (!builder) {
      plans[name] = { query: name, nodes: null, seqScanOnIdea: null, note: "ideaListQuery not exported by server/idea/queries.ts" };
      continue;
    }
    let nodes: PlanNode[];
    try {
      const sql = builder(filters, null, 13);
      const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql.text}`, sql.values);
      nodes = flatten(rows[0]!["QUERY PLAN"][0].Plan);
    } catch (error) {
      plans[name] = { query: name, nodes: null, seqScanOnIdea: null, note: `EXPLAIN failed: ${(error as Error).message}` };
      continue;
    }
    plans[name] = {
      query: name,
      nodes: nodes.map((n) => n["Node Type"] + (n["Index Name"] ? ` (${n["Index Name"]})` : n["Relation Name"] ? ` on ${n["Relation Name"]}` : "")),
      seqScanOnIdea: nodes.some((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "Idea"),
    };
  }
  return plans;
}
