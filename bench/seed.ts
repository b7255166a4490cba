/**
 * Bulk load for the benchmark, generated inside PostgreSQL (INSERT ... SELECT generate_series):
 * only the word lists cross the wire, so 100,000 ideas load in seconds.
 */
import pg from "pg";
import { hashPassword } from "../server/auth/password";
import * as text from "./spanish-text";

export const BENCH_PASSWORD = "Magdalena-Bench-2026";

const ROLE_SHARES = [
  ["ENTREPRENEUR", 0.7],
  ["ACADEMIA", 0.12],
  ["COMPANY", 0.15],
  ["SECRETARIAT", 0.03],
] as const;

export type SeedRole = (typeof ROLE_SHARES)[number][0];

export function benchEmail(role: SeedRole, n: number): string {
  return `bench-${role.toLowerCase()}-${n}@cocrea.test`;
}

/** Every role, with memberships in organizations for academia and companies. */
export async function seedUsers(client: pg.ClientBase, total: number): Promise<Record<SeedRole, number>> {
  // One Argon2id hash per role, shared by its accounts: real hashes (login verifies them) without
  // spending minutes hashing thousands of identical passwords.
  const counts = {} as Record<SeedRole, number>;
  for (const [role, share] of ROLE_SHARES) {
    const count = Math.max(1, Math.round(total * share));
    counts[role] = count;
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "locale", "createdAt", "updatedAt")
       SELECT gen_random_uuid(),
              'bench-' || lower($1) || '-' || g || '@cocrea.test',
              ($3::text[])[1 + g % cardinality($3::text[])] || ' ' ||
                ($4::text[])[1 + (g / 7) % cardinality($4::text[])] || ' ' ||
                ($4::text[])[1 + (g / 3) % cardinality($4::text[])],
              $5, $1::"Role", CASE WHEN g % 10 = 0 THEN 'en' ELSE 'es' END,
              now() - g * interval '1 hour', now() - g * interval '1 hour'
         FROM generate_series(1, $2::int) AS g`,
      [role, count, text.FIRST_NAMES, text.LAST_NAMES, passwordHash],
    );
  }
  await client.query(
    `INSERT INTO "Organization" ("id", "name", "slug", "kind", "nit", "verification", "verifiedAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), o.name, 'bench-' || o.n, o.kind::"OrganizationKind", '900' || lpad(o.n::text, 6, '0') || '-1',
            'VERIFIED', now(), now(), now()
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS o(name, kind, n)`,
    [text.ORGANIZATIONS.map(([name]) => name), text.ORGANIZATIONS.map(([, kind]) => kind)],
  );
  await client.query(
    `INSERT INTO "Membership" ("organizationId", "userId", "role", "createdAt")
     SELECT orgs.ids[1 + (row_number() OVER (ORDER BY u."email"))::int % cardinality(orgs.ids)], u."id",
            CASE WHEN u."email" LIKE '%-1@%' THEN 'OWNER' ELSE 'MEMBER' END::"MembershipRole", now()
       FROM "User" u, (SELECT array_agg("id" ORDER BY "name") AS ids FROM "Organization") orgs
      WHERE u."role" IN ('ACADEMIA', 'COMPANY')`,
  );
  return counts;
}

function pick(param: number): string {
  return `($${param}::text[])[1 + floor(random() * cardinality($${param}::text[]))::int]`;
}

const FRAGMENTS = [
  text.TITLE_STARTS, text.TITLE_SUBJECTS, text.TITLE_PLACES, text.SUMMARY_OPENINGS, text.SUMMARY_OBJECTS,
  text.SUMMARY_CONTEXTS, text.PROBLEM_SENTENCES, text.SOLUTION_SENTENCES,
];

/**
 * Ideas numbered `from`..`to`, each older than the previous (7 minutes apart), so a later, larger
 * load adds history behind what a smaller one created. About 88 % are published; about 10 % carry
 * one to three attachments (rows only, store LOCAL: lists never read the bytes).
 */
const IDEAS_SQL = `
WITH authors AS (
  SELECT array_agg("id" ORDER BY "email") AS ids FROM "User" WHERE "role" <> 'SECRETARIAT'
), generated AS (
  SELECT g,
         ${pick(1)} || ' ' || ${pick(2)} || ' ' || ${pick(3)} AS title,
         ${pick(4)} || ' ' || ${pick(5)} || ' ' || ${pick(6)}
           || CASE WHEN g % 9973 = 17 THEN ' ' || $11 ELSE '' END AS summary,
         ${pick(7)} || ' ' || ${pick(7)} || ' ' || ${pick(7)} AS problem,
         ${pick(8)} || ' ' || ${pick(8)} || ' ' || ${pick(8)} || ' ' || ${pick(8)} AS solution,
         (enum_range(NULL::"Sector"))[1 + floor(random() * cardinality(enum_range(NULL::"Sector")))::int] AS sector,
         CASE WHEN g % 25 = 0 THEN 'DRAFT' WHEN g % 25 = 1 THEN 'SUBMITTED' WHEN g % 50 = 2 THEN 'CHANGES_REQUESTED'
              WHEN g % 50 = 3 THEN 'REJECTED' WHEN g % 100 = 4 THEN 'IN_DEVELOPMENT' WHEN g % 100 = 5 THEN 'ARCHIVED'
              ELSE 'PUBLISHED' END::"IdeaStatus" AS status,
         date_trunc('milliseconds', $12::timestamptz - g * interval '7 minutes' - random() * interval '5 minutes') AS created
    FROM generate_series($9::int, $10::int) AS g
), inserted AS (
  INSERT INTO "Idea" ("id", "title", "summary", "problem", "solution", "sector", "status", "authorId",
                      "publishedAt", "createdAt", "updatedAt")
  SELECT gen_random_uuid(), left(title, 140), summary, problem, solution, sector, status,
         authors.ids[1 + g % cardinality(authors.ids)],
         CASE WHEN status IN ('PUBLISHED', 'IN_DEVELOPMENT', 'ARCHIVED') THEN created + interval '1 hour' END,
         created, created
    FROM generated, authors
  RETURNING "id", "authorId", "createdAt"
)
INSERT INTO "StoredFile" ("id", "store", "storageKey", "name", "contentType", "size", "sha256", "uploadedById",
                          "ideaId", "createdAt")
SELECT gen_random_uuid(), 'LOCAL', 'bench/' || i."id" || '/' || f.n || '.pdf',
       (ARRAY['propuesta', 'presupuesto', 'cronograma'])[f.n] || '-' || left(i."id"::text, 8) || '.pdf',
       'application/pdf', 20000 + floor(random() * 2000000)::int,
       encode(sha256(convert_to(i."id"::text || f.n, 'UTF8')), 'hex'), i."authorId", i."id",
       i."createdAt" + f.n * interval '1 minute'
  FROM inserted i
  CROSS JOIN LATERAL generate_series(1, 1 + floor(random() * 3)::int) AS f(n)
 WHERE abs(hashtext(i."id"::text)::bigint) % 10 = 0`;

/** Clock the seeded history counts back from, fixed per run so every batch agrees. */
export const SEED_EPOCH = new Date(Date.UTC(2026, 10, 20, 12, 0, 0));

/**
 * About a third of the listed ideas get 1 to 11 supporters (never their author), and every count
 * is recomputed from the rows, as the app keeps it. Idempotent, so a later, larger load re-runs it.
 */
const SUPPORTS_SQL = `
WITH supporters AS (
  SELECT array_agg("id" ORDER BY "email") AS ids FROM "User" WHERE "role" <> 'SECRETARIAT'
), picked AS (
  SELECT i."id" AS "ideaId", i."authorId", i."publishedAt",
         s.ids[1 + (abs(hashtext(i."id"::text)::bigint) + k * 7919) % cardinality(s.ids)] AS "userId"
    FROM "Idea" i, supporters s,
         LATERAL generate_series(1, 1 + abs(hashtext(i."id"::text || 's')::bigint) % 11) AS k
   WHERE i."status" IN ('PUBLISHED', 'IN_DEVELOPMENT', 'INCUBATED') AND abs(hashtext(i."id"::text)::bigint) % 3 = 0
)
INSERT INTO "IdeaSupport" ("ideaId", "userId", "createdAt")
SELECT "ideaId", "userId", "publishedAt" + interval '3 hours' FROM picked WHERE "userId" <> "authorId"
ON CONFLICT DO NOTHING`;

export async function seedIdeas(client: pg.ClientBase, from: number, to: number, batch = 25_000): Promise<void> {
  for (let start = from; start <= to; start += batch) {
    const end = Math.min(to, start + batch - 1);
    await client.query(IDEAS_SQL, [...FRAGMENTS, start, end, text.RARE_PHRASE, SEED_EPOCH]);
  }
  await client.query(SUPPORTS_SQL);
  await client.query(
    `UPDATE "Idea" i SET "supportCount" = s.n
       FROM (SELECT "ideaId", count(*)::int AS n FROM "IdeaSupport" GROUP BY "ideaId") s
      WHERE s."ideaId" = i."id" AND i."supportCount" <> s.n`,
  );
  await client.query(`VACUUM ANALYZE "Idea"`);
  await client.query(`VACUUM ANALYZE "StoredFile"`);
  await client.query(`VACUUM ANALYZE "IdeaSupport"`);
}

export async function seedCounts(client: pg.ClientBase) {
  const { rows } = await client.query<{ ideas: number; published: number; files: number; with_files: number; users: number }>(
    `SELECT (SELECT count(*)::int FROM "Idea") AS ideas,
            (SELECT count(*)::int FROM "Idea" WHERE "status" = 'PUBLISHED') AS published,
            (SELECT count(*)::int FROM "StoredFile") AS files,
            (SELECT count(DISTINCT "ideaId")::int FROM "StoredFile") AS with_files,
            (SELECT count(*)::int FROM "User") AS users`,
  );
  return rows[0]!;
}
