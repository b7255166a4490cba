/** Reading calls: the public list by bucket, one call's page, and the calls of the caller's organizations. */
import type { Actor } from "../authz/actor";
import { can, type CallRecord } from "../authz/policy";
import { Prisma, queryRows, type DbClient } from "../db/client";
import type { CallParticipationRole, CallStatus, Sector } from "../db/generated/enums";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import { callPhase, callPhaseSql, databaseNow, type CallPhase } from "./phase";
import type { CallBucket, ListCallsInput } from "./schemas";

export interface LoadedCall extends CallRecord {
  id: string;
  slug: string;
}

const RECORD = { id: true, slug: true, status: true, proposingOrganizationId: true } as const;

/** What the policy needs about a call, by its address. */
export const findCallBySlug = (db: DbClient, slug: string): Promise<LoadedCall | null> =>
  db.call.findUnique({ where: { slug }, select: RECORD });

/** What the policy needs about a call, by id. */
export const findCallById = (db: DbClient, id: string): Promise<LoadedCall | null> => db.call.findUnique({ where: { id }, select: RECORD });

export interface CallListItem {
  id: string;
  slug: string;
  title: string;
  summary: string;
  sectors: Sector[];
  status: CallStatus;
  phase: CallPhase;
  prizeText: string;
  prizeAmountCop: number | null;
  opensAt: Date;
  closesAt: Date;
  evaluationEndsAt: Date;
  resultsAt: Date;
  sponsors: { slug: string; name: string }[];
  submissionCount: number;
}

/** Per bucket: which calls, the date it is sorted by, and the direction. */
const BUCKETS: Record<CallBucket, { where: Prisma.Sql; key: Prisma.Sql; descending: boolean }> = {
  open: {
    where: Prisma.sql`c."status" = 'APPROVED' AND cocrea_now() >= c."opensAt" AND cocrea_now() < c."closesAt"`,
    key: Prisma.sql`c."closesAt"`,
    descending: false,
  },
  upcoming: { where: Prisma.sql`c."status" = 'APPROVED' AND cocrea_now() < c."opensAt"`, key: Prisma.sql`c."opensAt"`, descending: false },
  past: {
    where: Prisma.sql`((c."status" = 'APPROVED' AND cocrea_now() >= c."closesAt") OR c."status" IN ('RESULTS_PUBLISHED', 'CLOSED'))`,
    key: Prisma.sql`c."resultsAt"`,
    descending: true,
  },
};

const LIST_COLUMNS = Prisma.sql`
  c."id", c."slug", c."title", c."summary", c."sectors"::text[] AS "sectors", c."status", ${callPhaseSql("c")} AS "phase",
  c."prizeText", c."prizeAmountCop"::float8 AS "prizeAmountCop", c."opensAt", c."closesAt", c."evaluationEndsAt", c."resultsAt",
  COALESCE((SELECT json_agg(json_build_object('slug', o."slug", 'name', o."name") ORDER BY o."name")
              FROM "CallSponsor" s JOIN "Organization" o ON o."id" = s."organizationId" WHERE s."callId" = c."id"), '[]'::json) AS "sponsors",
  (SELECT count(*)::int FROM "CallSubmission" cs WHERE cs."callId" = c."id" AND cs."status" = 'SUBMITTED') AS "submissionCount"`;

/**
 * Public calls of one bucket: open ones by closing date (soonest first), upcoming ones by opening
 * date, past ones (in evaluation, with results, closed) by results date, latest first. Phases by the
 * database clock; keyset paged on (date, id).
 */
export async function listCalls(db: DbClient, input: ListCallsInput) {
  const bucket = BUCKETS[input.bucket];
  const conditions: Prisma.Sql[] = [bucket.where];
  if (input.sector) conditions.push(Prisma.sql`${input.sector}::"Sector" = ANY(c."sectors")`);
  if (input.sponsor) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "CallSponsor" s JOIN "Organization" o ON o."id" = s."organizationId"
                                       WHERE s."callId" = c."id" AND o."slug" = ${input.sponsor})`);
  }
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  if (after) {
    conditions.push(
      bucket.descending
        ? Prisma.sql`(${bucket.key}, c."id") < (${after.at}::timestamptz, ${after.id}::uuid)`
        : Prisma.sql`(${bucket.key}, c."id") > (${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  }
  const direction = bucket.descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const rows = await queryRows<CallListItem>(
    db,
    Prisma.sql`
      SELECT ${LIST_COLUMNS}
        FROM "Call" c
       WHERE ${Prisma.join(conditions, " AND ")}
       ORDER BY ${bucket.key} ${direction}, c."id" ${direction}
       LIMIT ${input.limit + 1}`,
  );
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  const last = items.at(-1);
  const keyOf = (row: CallListItem) => (input.bucket === "open" ? row.closesAt : input.bucket === "upcoming" ? row.opensAt : row.resultsAt);
  return { bucket: input.bucket, items, nextCursor: hasMore && last ? encodeCursor({ at: keyOf(last), id: last.id }) : null };
}

/** Calls proposed by organizations the caller owns, in every state, newest first. */
export async function myCalls(db: DbClient, actor: Actor) {
  const owned = [...actor.memberships].filter(([, role]) => role === "OWNER").map(([id]) => id);
  if (owned.length === 0) return [];
  return queryRows<CallListItem & { statusReason: string | null; organization: { id: string; slug: string; name: string } }>(
    db,
    Prisma.sql`
      SELECT ${LIST_COLUMNS}, c."statusReason",
             json_build_object('id', po."id", 'slug', po."slug", 'name', po."name") AS "organization"
        FROM "Call" c JOIN "Organization" po ON po."id" = c."proposingOrganizationId"
       WHERE c."proposingOrganizationId" = ANY(${owned}::uuid[])
       ORDER BY c."createdAt" DESC, c."id" DESC
       LIMIT 200`,
  );
}

const ROLES: CallParticipationRole[] = ["ALLY", "MENTOR", "JURY"];

/**
 * One call as its page shows it: the text, the phase by the database clock (and that clock), the
 * sponsors, questions, rubric, accepted participants by role, and counts. The Secretariat's reason
 * and the caller's own participations only for those concerned.
 */
export async function callDetails(db: DbClient, actor: Actor | null, record: LoadedCall) {
  const [call, now] = await Promise.all([
    db.call.findUniqueOrThrow({
      where: { id: record.id },
      include: {
        proposingOrganization: { select: { id: true, slug: true, name: true } },
        termsFile: { select: { id: true, name: true, size: true } },
        sponsors: { select: { organization: { select: { id: true, slug: true, name: true, logoFileId: true } } } },
        questions: { select: { id: true, position: true, prompt: true, required: true }, orderBy: { position: "asc" } },
        criteria: { select: { id: true, position: true, name: true, description: true, weight: true, maxScore: true }, orderBy: { position: "asc" } },
        participations: {
          where: { status: "ACCEPTED" },
          select: { role: true, organization: { select: { id: true, slug: true, name: true, logoFileId: true } } },
          orderBy: { organization: { name: "asc" } },
        },
        _count: { select: { submissions: { where: { status: "SUBMITTED" } }, jurors: true } },
      },
    }),
    databaseNow(db),
  ]);
  const administers = can(actor, "call.administer", null);
  const proposer = call.proposingOrganizationId !== null && actor?.memberships.get(call.proposingOrganizationId) === "OWNER";
  const owned = actor ? [...actor.memberships].filter(([, role]) => role === "OWNER").map(([id]) => id) : [];
  const myParticipations = owned.length
    ? await db.callParticipation.findMany({
        where: { callId: call.id, organizationId: { in: owned } },
        select: { id: true, organizationId: true, role: true, status: true, organization: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const phase = callPhase(call, now);
  const editable =
    can(actor, "call.edit", call) &&
    (call.status === "PROPOSED" || call.status === "CHANGES_REQUESTED" || (administers && call.status === "APPROVED" && now < call.opensAt));
  const participants = Object.fromEntries(
    ROLES.map((role) => [role, call.participations.filter((p) => p.role === role).map((p) => p.organization)]),
  ) as Record<CallParticipationRole, { id: string; slug: string; name: string; logoFileId: string | null }[]>;
  return {
    id: call.id,
    slug: call.slug,
    title: call.title,
    summary: call.summary,
    problem: call.problem,
    objectives: call.objectives,
    expectedResults: call.expectedResults,
    sectors: call.sectors,
    prizeText: call.prizeText,
    prizeAmountCop: call.prizeAmountCop === null ? null : Number(call.prizeAmountCop),
    eligibleRoles: call.eligibleRoles,
    eligibleOrgKinds: call.eligibleOrgKinds,
    requiresOrganization: call.requiresOrganization,
    maxSubmissionsPerParticipant: call.maxSubmissionsPerParticipant,
    termsFile: call.termsFile,
    opensAt: call.opensAt,
    closesAt: call.closesAt,
    evaluationEndsAt: call.evaluationEndsAt,
    resultsAt: call.resultsAt,
    status: call.status,
    phase,
    /** The database clock when the phase was read (pages show dates relative to it). */
    now,
    approvedAt: call.approvedAt,
    resultsPublishedAt: call.resultsPublishedAt,
    /** A cancellation's reason is public; a proposal's, only for its proposers and the Secretariat. */
    statusReason: call.status === "CANCELLED" || administers || proposer ? call.statusReason : null,
    proposingOrganization: call.proposingOrganization,
    sponsors: call.sponsors.map((s) => s.organization).sort((a, b) => a.name.localeCompare(b.name, "es")),
    questions: call.questions,
    criteria: call.criteria,
    participants,
    counts: { submissions: call._count.submissions, jurors: call._count.jurors, participants: call.participations.length },
    viewer: {
      canEdit: editable,
      canResubmit: proposer && call.status === "CHANGES_REQUESTED",
      canAdminister: administers,
      isProposer: proposer,
      participations: myParticipations.map((p) => ({
        id: p.id,
        organizationId: p.organizationId,
        organizationName: p.organization.name,
        role: p.role,
        status: p.status,
      })),
    },
  };
}
