/**
 * Reading alliances. Anyone sees an alliance from its activation on, with its accepted parties,
 * milestones and progress, and commitments' amounts only where the party allowed it; its parties
 * (invited ones too) and the Secretariat see everything, from the start.
 */
import type { Actor } from "../authz/actor";
import { can } from "../authz/policy";
import { Prisma, queryRows, type DbClient } from "../db/client";
import type { AlliancePartyStatus, AllianceSector, AllianceStatus, CommitmentKind, MilestoneStatus, OrganizationKind } from "../db/generated/enums";
import { PUBLIC_STATES } from "../idea/lifecycle";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import { AppError } from "../trpc/errors";
import { loadAlliance } from "./records";
import type { z } from "../validation";
import type { listAlliancesInput } from "./schemas";

export interface AllianceSummary {
  id: string;
  title: string;
  status: AllianceStatus;
  tripleHelix: boolean;
  activatedAt: Date | null;
  createdAt: Date;
  idea: { id: string; title: string } | null;
  call: { slug: string; title: string } | null;
  /** Accepted parties, the proposer first. */
  parties: { name: string; sector: AllianceSector }[];
  milestones: number;
  milestonesDone: number;
}

/** What the actor may see: activated alliances, and any alliance of a party they belong to (all of them for the Secretariat). */
function visibleTo(actor: Actor | null): Prisma.Sql {
  if (actor?.role === "SECRETARIAT") return Prisma.sql`TRUE`;
  if (!actor) return Prisma.sql`a."activatedAt" IS NOT NULL`;
  return Prisma.sql`(a."activatedAt" IS NOT NULL OR EXISTS (
      SELECT 1 FROM "AllianceParty" vp WHERE vp."allianceId" = a."id"
         AND (vp."userId" = ${actor.id}::uuid OR vp."organizationId" = ANY(${[...actor.memberships.keys()]}::uuid[]))))`;
}

/** An idea's title only while the idea is public (a hidden idea does not show through its alliances). */
const summaryColumns = Prisma.sql`
  a."id", a."title", a."status", a."tripleHelix", a."activatedAt", a."createdAt",
  CASE WHEN i."id" IS NOT NULL AND i."status"::text = ANY(${[...PUBLIC_STATES]}::text[]) THEN json_build_object('id', i."id", 'title', i."title") END AS "idea",
  CASE WHEN c."id" IS NOT NULL THEN json_build_object('slug', c."slug", 'title', c."title") END AS "call",
  COALESCE((SELECT json_agg(json_build_object('name', COALESCE(o."name", u."name"), 'sector', p."sector") ORDER BY p."isProposer" DESC, p."answeredAt", p."id")
              FROM "AllianceParty" p LEFT JOIN "Organization" o ON o."id" = p."organizationId" LEFT JOIN "User" u ON u."id" = p."userId"
             WHERE p."allianceId" = a."id" AND p."status" = 'ACCEPTED'), '[]'::json) AS "parties",
  (SELECT count(*) FROM "Milestone" m WHERE m."allianceId" = a."id")::int AS "milestones",
  (SELECT count(*) FROM "Milestone" m WHERE m."allianceId" = a."id" AND m."status" = 'DONE')::int AS "milestonesDone"`;

const summaryFrom = Prisma.sql`
  FROM "Alliance" a
  LEFT JOIN "Idea" i ON i."id" = a."ideaId"
  LEFT JOIN "Call" c ON c."id" = a."callId"`;

/** The public list: activated alliances, newest first, with filters; keyset pages. */
export async function listAlliances(db: DbClient, input: z.output<typeof listAlliancesInput>) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const conditions = [Prisma.sql`a."activatedAt" IS NOT NULL`];
  if (input.status) conditions.push(Prisma.sql`a."status" = ${input.status}::"AllianceStatus"`);
  if (input.tripleHelix !== undefined) conditions.push(Prisma.sql`a."tripleHelix" = ${input.tripleHelix}`);
  if (input.sector) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "AllianceParty" sp WHERE sp."allianceId" = a."id" AND sp."status" = 'ACCEPTED' AND sp."sector" = ${input.sector}::"AllianceSector")`);
  }
  if (after) conditions.push(Prisma.sql`(a."activatedAt", a."id") < (${after.at}, ${after.id}::uuid)`);
  const rows = await queryRows<AllianceSummary>(
    db,
    Prisma.sql`SELECT ${summaryColumns} ${summaryFrom} WHERE ${Prisma.join(conditions, " AND ")}
                ORDER BY a."activatedAt" DESC, a."id" DESC LIMIT ${input.limit + 1}`,
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.activatedAt!, id: last.id }) : null };
}

/** The alliances of an idea or a call the actor may see, newest first. */
export async function alliancesAround(db: DbClient, actor: Actor | null, subject: { ideaId: string } | { callId: string }) {
  const about = "ideaId" in subject ? Prisma.sql`a."ideaId" = ${subject.ideaId}::uuid` : Prisma.sql`a."callId" = ${subject.callId}::uuid`;
  return queryRows<AllianceSummary>(
    db,
    Prisma.sql`SELECT ${summaryColumns} ${summaryFrom} WHERE ${about} AND ${visibleTo(actor)}
                ORDER BY a."activatedAt" DESC NULLS FIRST, a."createdAt" DESC, a."id" DESC LIMIT 50`,
  );
}

export interface PendingInvitation {
  partyId: string;
  allianceId: string;
  title: string;
  /** The organization invited, when the actor answers for one; null when they are invited in their own name. */
  organization: string | null;
  invitedAt: Date;
}

/** The caller's alliances (every state) and the invitations they answer (as a person or as an organization's owner). */
export async function myAlliances(db: DbClient, actor: Actor) {
  const orgIds = [...actor.memberships.keys()];
  const ownerOf = [...actor.memberships].filter(([, role]) => role === "OWNER").map(([id]) => id);
  const [alliances, invitations] = await Promise.all([
    queryRows<AllianceSummary>(
      db,
      Prisma.sql`SELECT ${summaryColumns} ${summaryFrom}
                  WHERE a."proposedById" = ${actor.id}::uuid OR EXISTS (
                        SELECT 1 FROM "AllianceParty" mp WHERE mp."allianceId" = a."id" AND mp."status" <> 'DECLINED'
                           AND (mp."userId" = ${actor.id}::uuid OR mp."organizationId" = ANY(${orgIds}::uuid[])))
                  ORDER BY a."createdAt" DESC, a."id" DESC LIMIT 100`,
    ),
    queryRows<PendingInvitation>(
      db,
      Prisma.sql`SELECT p."id" AS "partyId", a."id" AS "allianceId", a."title", o."name" AS "organization", p."createdAt" AS "invitedAt"
                   FROM "AllianceParty" p JOIN "Alliance" a ON a."id" = p."allianceId"
                   LEFT JOIN "Organization" o ON o."id" = p."organizationId"
                  WHERE p."status" = 'INVITED' AND a."status" IN ('FORMING', 'ACTIVE')
                    AND (p."userId" = ${actor.id}::uuid OR p."organizationId" = ANY(${ownerOf}::uuid[]))
                  ORDER BY p."createdAt", p."id"`,
    ),
  ]);
  return { alliances, invitations };
}

export interface AllianceDetail {
  id: string;
  title: string;
  purpose: string;
  expectedOutcome: string;
  status: AllianceStatus;
  tripleHelix: boolean;
  statusReason: string | null;
  activatedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  idea: { id: string; title: string } | null;
  call: { slug: string; title: string } | null;
  proposedBy: { id: string; name: string };
  parties: {
    id: string;
    status: AlliancePartyStatus;
    sector: AllianceSector;
    isProposer: boolean;
    organization: { id: string; slug: string; name: string; kind: OrganizationKind } | null;
    person: { id: string; name: string } | null;
    /** Only for the alliance's parties and the Secretariat. */
    declineReason: string | null;
    answeredAt: string | null;
    commitments: { id: string; kind: CommitmentKind; quantity: number | null; description: string; publishAmount: boolean }[];
  }[];
  milestones: {
    id: string;
    title: string;
    description: string;
    dueDate: string;
    /** LATE: pending past its due date (Bogotá). */
    status: MilestoneStatus | "LATE";
    progress: number;
    doneAt: string | null;
    ownerPartyId: string;
    updates: { id: string; progress: number; status: MilestoneStatus; note: string; createdAt: string; author: string; partyId: string }[];
  }[];
  /** What the viewer may do here. */
  viewer: { insider: boolean; canLead: boolean; canContribute: boolean; speaksFor: string[] };
}

/** One alliance as the actor may see it; a 404 when they may not. */
export async function allianceDetail(db: DbClient, actor: Actor | null, id: string): Promise<AllianceDetail> {
  const record = await loadAlliance(db, id);
  if (!record || !can(actor, "alliance.view", record)) throw new AppError("NOT_FOUND", "alliance.notFound");
  const insider = actor?.role === "SECRETARIAT" || record.parties.some((p) => p.userId === actor?.id || (p.organizationId !== null && actor?.memberships.has(p.organizationId)));
  const [detail] = await queryRows<Omit<AllianceDetail, "viewer">>(
    db,
    Prisma.sql`
      SELECT a."id", a."title", a."purpose", a."expectedOutcome", a."status", a."tripleHelix", a."statusReason", a."activatedAt", a."closedAt", a."createdAt",
             CASE WHEN i."id" IS NOT NULL AND (${insider} OR i."status"::text = ANY(${[...PUBLIC_STATES]}::text[])) THEN json_build_object('id', i."id", 'title', i."title") END AS "idea",
             CASE WHEN c."id" IS NOT NULL THEN json_build_object('slug', c."slug", 'title', c."title") END AS "call",
             json_build_object('id', pu."id", 'name', pu."name") AS "proposedBy",
             COALESCE((SELECT json_agg(json_build_object(
                        'id', p."id", 'status', p."status", 'sector', p."sector", 'isProposer', p."isProposer",
                        'organization', CASE WHEN o."id" IS NOT NULL THEN json_build_object('id', o."id", 'slug', o."slug", 'name', o."name", 'kind', o."kind") END,
                        'person', CASE WHEN u."id" IS NOT NULL THEN json_build_object('id', u."id", 'name', u."name") END,
                        'declineReason', CASE WHEN ${insider} THEN p."declineReason" END,
                        'answeredAt', p."answeredAt",
                        'commitments', COALESCE((SELECT json_agg(json_build_object(
                                          'id', k."id", 'kind', k."kind", 'description', k."description", 'publishAmount', k."publishAmount",
                                          'quantity', CASE WHEN ${insider} OR k."publishAmount" THEN k."quantity"::float8 END) ORDER BY k."createdAt", k."id")
                                          FROM "Commitment" k WHERE k."partyId" = p."id"), '[]'::json))
                        ORDER BY p."isProposer" DESC, p."createdAt", p."id")
                        FROM "AllianceParty" p
                        LEFT JOIN "Organization" o ON o."id" = p."organizationId"
                        LEFT JOIN "User" u ON u."id" = p."userId"
                       WHERE p."allianceId" = a."id" AND (${insider} OR p."status" = 'ACCEPTED')), '[]'::json) AS "parties",
             COALESCE((SELECT json_agg(json_build_object(
                        'id', m."id", 'title', m."title", 'description', m."description", 'dueDate', to_char(m."dueDate", 'YYYY-MM-DD'),
                        'status', CASE WHEN m."status" = 'PENDING' AND m."dueDate" < (cocrea_now() AT TIME ZONE 'America/Bogota')::date THEN 'LATE' ELSE m."status"::text END,
                        'progress', m."progress", 'doneAt', m."doneAt", 'ownerPartyId', m."ownerPartyId",
                        'updates', COALESCE((SELECT json_agg(json_build_object(
                                       'id', mu."id", 'progress', mu."progress", 'status', mu."status", 'note', mu."note", 'createdAt', mu."createdAt",
                                       'author', au."name", 'partyId', mu."partyId") ORDER BY mu."createdAt" DESC, mu."id")
                                       FROM "MilestoneUpdate" mu JOIN "User" au ON au."id" = mu."authorId" WHERE mu."milestoneId" = m."id"), '[]'::json))
                        ORDER BY m."dueDate", m."createdAt", m."id")
                        FROM "Milestone" m WHERE m."allianceId" = a."id"), '[]'::json) AS "milestones"
        FROM "Alliance" a
        JOIN "User" pu ON pu."id" = a."proposedById"
        LEFT JOIN "Idea" i ON i."id" = a."ideaId"
        LEFT JOIN "Call" c ON c."id" = a."callId"
       WHERE a."id" = ${id}::uuid`,
  );
  if (!detail) throw new AppError("NOT_FOUND", "alliance.notFound");
  return {
    ...detail,
    viewer: {
      insider,
      canLead: can(actor, "alliance.lead", record),
      canContribute: can(actor, "alliance.contribute", record),
      speaksFor: record.parties.filter((p) => can(actor, "alliance.speakFor", p)).map((p) => p.id),
    },
  };
}
