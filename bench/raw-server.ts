/**
 * The benchmark's baseline: `node:http` and a `pg` Pool, nothing else, answering the app's URLs
 * with the same bodies (tRPC's `{"result":{"data":...}}`, dates as ISO strings). What the app
 * spends beyond this is the price of its framework, validation and policies.
 *
 * Self-contained on purpose (no import from server/): the runner compiles it to one plain
 * JavaScript file, so neither tsx nor the app's modules weigh on its memory or its latency.
 * Run: PORT=... DATABASE_URL=... node raw-server.mjs
 */
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import { verify } from "@node-rs/argon2";
import pg from "pg";
import { availabilityRows, insertBooking, type RawAnswer } from "./raw-bookings";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 20) });

const SECTORS = new Set([
  "ENERGY_OIL", "AGROINDUSTRY", "RIVER_LOGISTICS", "ENVIRONMENT", "TOURISM", "ICT", "HEALTH", "EDUCATION",
  "MANUFACTURING", "CREATIVE_ECONOMY", "OTHER",
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class BadRequest extends Error {}

function send(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

const sendAnswer = (res: http.ServerResponse, answer: RawAnswer) => send(res, answer.status, answer.body);

const ok = (data: unknown) => `{"result":{"data":${JSON.stringify(data)}}}`;

function inputOf(url: URL): Record<string, unknown> {
  const raw = url.searchParams.get("input");
  if (!raw) return {};
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== "object" || parsed === null) throw new BadRequest("input");
  return parsed as Record<string, unknown>;
}

function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>);
      } catch {
        reject(new BadRequest("body"));
      }
    });
    req.on("error", reject);
  });
}

/** `count`: the support count leading the "most supported" order's keyset (a third part, as the app writes it). */
function decodeCursor(cursor: string, withCount = false): { publishedAt: Date; id: string; count: number } {
  const [iso, id, count] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const publishedAt = new Date(iso ?? "");
  if (!id || !UUID.test(id) || Number.isNaN(publishedAt.getTime())) throw new BadRequest("cursor");
  if (withCount !== (count !== undefined) || (withCount && !/^\d+$/.test(count ?? ""))) throw new BadRequest("cursor");
  return { publishedAt, id, count: Number(count ?? 0) };
}

const encodeCursor = (row: { publishedAt: Date; id: string; supportCount: number }, withCount: boolean) =>
  Buffer.from(`${row.publishedAt.toISOString()}|${row.id}${withCount ? `|${row.supportCount}` : ""}`, "utf8").toString("base64url");

interface ListRow {
  id: string;
  title: string;
  summary: string;
  sector: string;
  status: string;
  publishedAt: Date;
  createdAt: Date;
  author_id: string;
  author_name: string;
  attachmentCount: number;
  supportCount: number;
}

async function listIdeas(input: Record<string, unknown>) {
  const limit = input.limit === undefined ? 12 : Number(input.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new BadRequest("limit");
  const values: unknown[] = [];
  // Public lists: published, in development and incubated ideas, as the partial indexes hold them.
  const where = [`i."status" IN ('PUBLISHED', 'IN_DEVELOPMENT', 'INCUBATED')`];
  if (typeof input.sector === "string") {
    if (!SECTORS.has(input.sector)) throw new BadRequest("sector");
    values.push(input.sector);
    where.push(`i."sector" = $${values.length}::"Sector"`);
  }
  const q = typeof input.q === "string" ? input.q.trim() : "";
  if (q) {
    values.push(q);
    // The expression of the GIN index "Idea_search_idx", so the planner can use it.
    where.push(
      `cocrea_idea_search(i."title", i."summary", i."problem", i."solution") @@ websearch_to_tsquery('pg_catalog.spanish'::regconfig, cocrea_unaccent($${values.length}))`,
    );
  }
  // "Most supported" (without a search ranked by relevance): the order of "Idea_public_supports_idx".
  const bySupports = input.sort === "supports";
  if (typeof input.cursor === "string") {
    const after = decodeCursor(input.cursor, bySupports);
    values.push(after.publishedAt, after.id);
    if (bySupports) {
      values.push(after.count);
      where.push(`(i."supportCount", i."publishedAt", i."id") < ($${values.length}::int, $${values.length - 2}::timestamptz, $${values.length - 1}::uuid)`);
    } else {
      where.push(`(i."publishedAt", i."id") < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
    }
  }
  values.push(limit + 1);
  const { rows } = await pool.query<ListRow>(
    `SELECT i."id", i."title", i."summary", i."sector", i."status", i."publishedAt", i."createdAt",
            u."id" AS author_id, u."name" AS author_name,
            (SELECT count(*)::int FROM "StoredFile" f WHERE f."ideaId" = i."id") AS "attachmentCount",
            i."supportCount"
       FROM "Idea" i JOIN "User" u ON u."id" = i."authorId"
      WHERE ${where.join(" AND ")}
      ORDER BY ${bySupports ? `i."supportCount" DESC, ` : ""}i."publishedAt" DESC, i."id" DESC
      LIMIT $${values.length}`,
    values,
  );
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    title: r.title,
    summary: r.summary,
    sector: r.sector,
    status: r.status,
    publishedAt: r.publishedAt,
    createdAt: r.createdAt,
    author: { id: r.author_id, name: r.author_name },
    attachmentCount: r.attachmentCount,
    supportCount: r.supportCount,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last, bySupports) : null };
}

interface DetailRow {
  id: string;
  title: string;
  summary: string;
  problem: string;
  solution: string;
  sector: string;
  status: string;
  hiddenFromStatus: string | null;
  authorId: string;
  author_name: string;
  organization: { id: string; name: string } | null;
  coauthors: { id: string; name: string; status: string }[];
  submittedAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  supportCount: number;
  attachments: { id: string; name: string; contentType: string; size: number }[];
}

function detail(r: DetailRow) {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    problem: r.problem,
    solution: r.solution,
    sector: r.sector,
    status: r.status,
    hiddenFromStatus: r.hiddenFromStatus,
    authorId: r.authorId,
    author: { id: r.authorId, name: r.author_name },
    organization: r.organization,
    coauthors: r.coauthors,
    submittedAt: r.submittedAt,
    publishedAt: r.publishedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    supportCount: r.supportCount,
    attachments: r.attachments,
  };
}

const DETAIL_COLUMNS = `i."id", i."title", i."summary", i."problem", i."solution", i."sector", i."status", i."hiddenFromStatus",
  i."authorId", u."name" AS author_name,
  (SELECT json_build_object('id', o."id", 'name', o."name") FROM "Organization" o WHERE o."id" = i."organizationId") AS organization,
  coalesce((SELECT json_agg(json_build_object('id', cu."id", 'name', cu."name", 'status', c."status") ORDER BY c."createdAt", cu."id")
              FROM "IdeaCoauthor" c JOIN "User" cu ON cu."id" = c."userId"
             WHERE c."ideaId" = i."id" AND c."status" <> 'DECLINED'), '[]') AS coauthors,
  i."submittedAt", i."publishedAt", i."createdAt", i."updatedAt", i."supportCount"`;

async function ideaById(input: Record<string, unknown>) {
  if (typeof input.id !== "string" || !UUID.test(input.id)) throw new BadRequest("id");
  // Anonymous readers see published ideas only; anything else answers as not found.
  const { rows } = await pool.query<DetailRow>(
    `SELECT ${DETAIL_COLUMNS},
            coalesce((SELECT json_agg(json_build_object('id', f."id", 'name', f."name", 'contentType', f."contentType",
                                                        'size', f."size") ORDER BY f."createdAt")
                        FROM "StoredFile" f WHERE f."ideaId" = i."id"), '[]') AS attachments
       FROM "Idea" i JOIN "User" u ON u."id" = i."authorId"
      WHERE i."id" = $1 AND i."status" IN ('PUBLISHED', 'IN_DEVELOPMENT', 'INCUBATED', 'ARCHIVED')`,
    [input.id],
  );
  return rows[0] ? detail(rows[0]) : null;
}

function sessionToken(req: http.IncomingMessage): string | null {
  const match = /(?:^|;\s*)cocrea_session=([^;]+)/.exec(req.headers.cookie ?? "");
  return match?.[1] ?? null;
}

const FIELD_LIMITS = { title: [5, 140], summary: [20, 500], problem: [20, 5000], solution: [20, 5000] } as const;

/** The session check, the draft and its creation event in one statement; entrepreneurs, academia and companies post. */
async function createIdea(req: http.IncomingMessage, body: Record<string, unknown>) {
  const token = sessionToken(req);
  if (!token) return null;
  for (const [field, [min, max]] of Object.entries(FIELD_LIMITS)) {
    const value = body[field];
    if (typeof value !== "string" || value.trim().length < min || value.trim().length > max) throw new BadRequest(field);
  }
  if (typeof body.sector !== "string" || !SECTORS.has(body.sector)) throw new BadRequest("sector");
  const sessionId = createHash("sha256").update(token).digest("hex");
  const { rows } = await pool.query<DetailRow>(
    `WITH s AS (
       SELECT u."id", u."name" FROM "Session" s JOIN "User" u ON u."id" = s."userId"
        WHERE s."id" = $1 AND s."expiresAt" > now() AND u."role" IN ('ENTREPRENEUR', 'ACADEMIA', 'COMPANY')
     ), i AS (
       INSERT INTO "Idea" ("id", "title", "summary", "problem", "solution", "sector", "status", "authorId",
                           "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $2, $3, $4, $5, $6::"Sector", 'DRAFT', s."id", now(), now() FROM s
       RETURNING *
     ), e AS (
       INSERT INTO "IdeaEvent" ("ideaId", "actorId", "kind", "toStatus") SELECT i."id", i."authorId", 'CREATED', 'DRAFT' FROM i
     ), f AS (
       INSERT INTO "IdeaFollow" ("ideaId", "userId") SELECT i."id", i."authorId" FROM i
     )
     SELECT ${DETAIL_COLUMNS}, '[]'::json AS attachments FROM i JOIN s u ON u."id" = i."authorId"`,
    [sessionId, ...(["title", "summary", "problem", "solution"] as const).map((f) => String(body[f]).trim()), body.sector],
  );
  return rows[0] ? detail(rows[0]) : null;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  locale: string;
  passwordHash: string;
}

async function login(req: http.IncomingMessage, res: http.ServerResponse, body: Record<string, unknown>) {
  const email = typeof body.email === "string" ? body.email.trim().toLowerCase() : "";
  const password = typeof body.password === "string" ? body.password : "";
  if (!email || !password) throw new BadRequest("credentials");
  const { rows } = await pool.query<UserRow>(
    `SELECT "id", "email", "name", "role", "locale", "passwordHash" FROM "User" WHERE "email" = $1`,
    [email],
  );
  const user = rows[0];
  if (!user || !(await verify(user.passwordHash, password))) return null;
  const token = randomBytes(20).toString("base64url");
  const expiresAt = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  await pool.query(
    `INSERT INTO "Session" ("id", "userId", "expiresAt", "createdAt", "userAgent", "ipAddress") VALUES ($1, $2, $3, now(), $4, $5)`,
    [createHash("sha256").update(token).digest("hex"), user.id, expiresAt, req.headers["user-agent"] ?? null, req.socket.remoteAddress ?? null],
  );
  res.setHeader("Set-Cookie", `cocrea_session=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}`);
  const { passwordHash: _hash, ...publicUser } = user;
  return publicUser;
}

const NOT_FOUND = `{"error":{"message":"not found"}}`;
const UNAUTHORIZED = `{"error":{"message":"unauthorized"}}`;

async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? "/", "http://raw");
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case "GET /healthz":
      await pool.query("SELECT 1");
      return send(res, 200, `{"status":"ok"}`);
    case "GET /api/trpc/idea.list":
      return send(res, 200, ok(await listIdeas(inputOf(url))));
    case "GET /api/trpc/idea.byId": {
      const idea = await ideaById(inputOf(url));
      return idea ? send(res, 200, ok(idea)) : send(res, 404, NOT_FOUND);
    }
    case "POST /api/trpc/idea.create": {
      const idea = await createIdea(req, await readBody(req));
      return idea ? send(res, 200, ok(idea)) : send(res, 401, UNAUTHORIZED);
    }
    case "GET /api/trpc/availability.forSpace":
      return sendAnswer(res, await availabilityRows(pool, inputOf(url)));
    case "POST /api/trpc/booking.create": {
      const token = sessionToken(req);
      return sendAnswer(res, await insertBooking(pool, token && createHash("sha256").update(token).digest("hex"), await readBody(req)));
    }
    case "POST /api/trpc/auth.login": {
      const user = await login(req, res, await readBody(req));
      return user ? send(res, 200, ok(user)) : send(res, 401, UNAUTHORIZED);
    }
    default:
      return send(res, 404, NOT_FOUND);
  }
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    if (error instanceof BadRequest || error instanceof SyntaxError) return send(res, 400, `{"error":{"message":"bad request"}}`);
    console.error("[raw-server]", error);
    if (!res.headersSent) send(res, 500, `{"error":{"message":"internal"}}`);
  });
});

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? "127.0.0.1", () => {
  const address = server.address();
  console.log(`raw-server listening on ${typeof address === "object" && address ? address.port : "?"}`);
});

const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
