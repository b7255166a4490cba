/**
 * Organizations taking part in a call as ally, mentor or jury: an owner's request or the
 * Secretariat's invitation, then the other side's answer. One row per (call, organization, role),
 * the unique index settling races; a withdrawn (or, for invitations, declined) row may be opened again.
 */
import type { Actor } from "../authz/actor";
import { authorize, can } from "../authz/policy";
import { recordAudit } from "../audit/service";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import type { CallParticipationRole, CallParticipationStatus, CallStatus, VerificationStatus } from "../db/generated/enums";
import { notifyParticipation } from "../call/notify";
import { AppError } from "../trpc/errors";
import type { ParticipationInput } from "./schemas";

/** Calls organizations may join: approved (scheduled, open, in evaluation) or with results, not closed or cancelled. */
const JOINABLE: readonly CallStatus[] = ["APPROVED", "RESULTS_PUBLISHED"];

interface Parties {
  callStatus: CallStatus;
  proposingOrganizationId: string | null;
  organizationName: string;
  verification: VerificationStatus;
}

/** The call and the organization, locked against a change of state while the row is written. */
async function lockParties(tx: DbClient, actor: Actor, callId: string, organizationId: string): Promise<Parties> {
  const [row] = await queryRows<Parties>(
    tx,
    Prisma.sql`
      SELECT c."status" AS "callStatus", c."proposingOrganizationId", o."name" AS "organizationName", o."verification"
        FROM "Call" c, "Organization" o
       WHERE c."id" = ${callId}::uuid AND o."id" = ${organizationId}::uuid
         FOR SHARE`,
  );
  if (!row) {
    const callExists = await tx.call.count({ where: { id: callId } });
    throw new AppError("NOT_FOUND", callExists ? "call.organizationNotFound" : "call.notFound");
  }
  // A proposal is not public: as if it did not exist.
  if (!can(actor, "call.view", { status: row.callStatus, proposingOrganizationId: row.proposingOrganizationId })) {
    throw new AppError("NOT_FOUND", "call.notFound");
  }
  if (!JOINABLE.includes(row.callStatus)) throw new AppError("CONFLICT", "callParticipation.callClosed");
  return row;
}

function requireVerifiedForJury(role: CallParticipationRole, parties: Parties) {
  if (role === "JURY" && parties.verification !== "VERIFIED") {
    throw new AppError("FORBIDDEN", "callParticipation.juryRequiresVerified", { name: parties.organizationName }, {
      role: { key: "callParticipation.juryRequiresVerified", params: { name: parties.organizationName } },
    });
  }
}

/**
 * Writes the row in `status`, or opens again an existing one in a state of `reopenable`; any other
 * existing row (pending, accepted, or declined for a request) is a 409 with a clear message.
 */
async function upsertParticipation(
  tx: DbClient,
  actor: Actor,
  input: ParticipationInput,
  status: Extract<CallParticipationStatus, "REQUESTED" | "INVITED">,
  reopenable: CallParticipationStatus[],
) {
  const [row] = await queryRows<{ id: string }>(
    tx,
    Prisma.sql`
      INSERT INTO "CallParticipation" ("id", "callId", "organizationId", "role", "status", "message", "createdById")
      VALUES (gen_random_uuid(), ${input.callId}::uuid, ${input.organizationId}::uuid, ${input.role}::"CallParticipationRole",
              ${status}::"CallParticipationStatus", ${input.message ?? null}, ${actor.id}::uuid)
      ON CONFLICT ("callId", "organizationId", "role") DO UPDATE
         SET "status" = EXCLUDED."status", "message" = EXCLUDED."message", "createdById" = EXCLUDED."createdById",
             "decidedById" = NULL, "decidedAt" = NULL, "createdAt" = now()
       WHERE "CallParticipation"."status" = ANY(${reopenable}::"CallParticipationStatus"[])
      RETURNING "id"`,
  );
  if (!row) {
    throw new AppError("CONFLICT", "callParticipation.duplicate", { role: input.role }, {
      role: { key: "callParticipation.duplicate", params: { role: input.role } },
    });
  }
  return { id: row.id, status };
}

/** An owner asks, on behalf of the organization, to take part in a call (JURY: verified organizations only). */
export async function requestParticipation(db: DbClient, actor: Actor, input: ParticipationInput) {
  authorize(actor, "callParticipation.act", { id: input.organizationId });
  return inTransaction(db, async (tx) => {
    const parties = await lockParties(tx, actor, input.callId, input.organizationId);
    requireVerifiedForJury(input.role, parties);
    return upsertParticipation(tx, actor, input, "REQUESTED", ["WITHDRAWN"]);
  });
}

/** The Secretariat invites an organization to take part in a role; its owners are notified. */
export async function inviteParticipation(db: DbClient, actor: Actor, input: ParticipationInput) {
  authorize(actor, "call.administer", null);
  return inTransaction(db, async (tx) => {
    const parties = await lockParties(tx, actor, input.callId, input.organizationId);
    requireVerifiedForJury(input.role, parties);
    const result = await upsertParticipation(tx, actor, input, "INVITED", ["WITHDRAWN", "DECLINED"]);
    await notifyParticipation(tx, {
      callId: input.callId,
      actorId: actor.id,
      organizationId: input.organizationId,
      organizationName: parties.organizationName,
      role: input.role,
      status: "INVITED",
    });
    return result;
  });
}

interface LockedParticipation {
  id: string;
  callId: string;
  organizationId: string;
  organizationName: string;
  verification: VerificationStatus;
  role: CallParticipationRole;
  status: CallParticipationStatus;
  createdById: string;
  callStatus: CallStatus;
}

async function lockParticipation(tx: DbClient, id: string): Promise<LockedParticipation> {
  const [row] = await queryRows<LockedParticipation>(
    tx,
    Prisma.sql`
      SELECT p."id", p."callId", p."organizationId", o."name" AS "organizationName", o."verification", p."role", p."status",
             p."createdById", c."status" AS "callStatus"
        FROM "CallParticipation" p
        JOIN "Organization" o ON o."id" = p."organizationId"
        JOIN "Call" c ON c."id" = p."callId"
       WHERE p."id" = ${id}::uuid
         FOR UPDATE OF p`,
  );
  if (!row) throw new AppError("NOT_FOUND", "callParticipation.notFound");
  return row;
}

/**
 * The other side answers: the Secretariat a REQUESTED participation (the organization's owners
 * are told), the organization's owners an INVITED one (whoever invited is told). Audited.
 */
export async function decideParticipation(db: DbClient, actor: Actor, input: { id: string; accept: boolean }) {
  return inTransaction(db, async (tx) => {
    const current = await lockParticipation(tx, input.id);
    authorize(actor, "callParticipation.decide", current);
    if (current.status !== "REQUESTED" && current.status !== "INVITED") throw new AppError("CONFLICT", "callParticipation.notPending");
    if (input.accept) {
      if (!JOINABLE.includes(current.callStatus)) throw new AppError("CONFLICT", "callParticipation.callClosed");
      if (current.role === "JURY" && current.verification !== "VERIFIED") {
        throw new AppError("FORBIDDEN", "callParticipation.juryRequiresVerified", { name: current.organizationName });
      }
    }
    const status = input.accept ? "ACCEPTED" : "DECLINED";
    await tx.callParticipation.update({ where: { id: input.id }, data: { status, decidedById: actor.id, decidedAt: new Date() } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.accept ? "callParticipation.accept" : "callParticipation.decline",
      subjectType: "CallParticipation",
      subjectId: input.id,
      before: { status: current.status, role: current.role, callId: current.callId, organizationId: current.organizationId },
      after: { status },
    });
    await notifyParticipation(tx, {
      callId: current.callId,
      actorId: actor.id,
      organizationId: current.organizationId,
      organizationName: current.organizationName,
      role: current.role,
      status,
      ...(current.status === "INVITED" ? { recipientIds: [current.createdById] } : {}),
    });
    return { id: input.id, status };
  });
}

/** An owner withdraws the organization: from a pending request or an accepted participation. */
export async function withdrawParticipation(db: DbClient, actor: Actor, id: string) {
  return inTransaction(db, async (tx) => {
    const current = await lockParticipation(tx, id);
    authorize(actor, "callParticipation.act", { id: current.organizationId });
    if (current.status !== "REQUESTED" && current.status !== "ACCEPTED") throw new AppError("CONFLICT", "callParticipation.notWithdrawable");
    await tx.callParticipation.update({ where: { id }, data: { status: "WITHDRAWN", decidedById: actor.id, decidedAt: new Date() } });
    return { id, status: "WITHDRAWN" as const };
  });
}

/** Every participation of a call, in every state (the Secretariat's view). */
export async function participationsOfCall(db: DbClient, callId: string) {
  const call = await db.call.findUnique({ where: { id: callId }, select: { id: true } });
  if (!call) throw new AppError("NOT_FOUND", "call.notFound");
  const rows = await db.callParticipation.findMany({
    where: { callId },
    select: {
      id: true,
      role: true,
      status: true,
      message: true,
      createdAt: true,
      decidedAt: true,
      organization: { select: { id: true, slug: true, name: true, verification: true } },
      createdBy: { select: { id: true, name: true } },
      decidedBy: { select: { id: true, name: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows;
}

/**
 * The Secretariat's pending invitations to one organization, for its owners to answer (the
 * organization's management page), oldest first. Calls that no longer take participants are left out.
 */
export async function invitationsOfOrganization(db: DbClient, actor: Actor, organizationId: string) {
  authorize(actor, "callParticipation.act", { id: organizationId });
  return db.callParticipation.findMany({
    where: { organizationId, status: "INVITED", call: { status: { in: [...JOINABLE] } } },
    select: {
      id: true,
      role: true,
      message: true,
      createdAt: true,
      call: { select: { id: true, slug: true, title: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 100,
  });
}

/** Pending requests, oldest first (the "callParticipations" queue of /moderacion). */
export async function pendingParticipationRequests(db: DbClient, options: { take: number; after: { at: Date; id: string } | null }) {
  return queryRows<{
    id: string;
    role: CallParticipationRole;
    message: string | null;
    createdAt: Date;
    call: { id: string; slug: string; title: string };
    organization: { id: string; slug: string; name: string; verification: VerificationStatus };
  }>(
    db,
    Prisma.sql`
      SELECT p."id", p."role", p."message", p."createdAt",
             json_build_object('id', c."id", 'slug', c."slug", 'title', c."title") AS "call",
             json_build_object('id', o."id", 'slug', o."slug", 'name', o."name", 'verification', o."verification") AS "organization"
        FROM "CallParticipation" p
        JOIN "Call" c ON c."id" = p."callId"
        JOIN "Organization" o ON o."id" = p."organizationId"
       WHERE p."status" = 'REQUESTED'
         ${options.after ? Prisma.sql`AND (p."createdAt", p."id") > (${options.after.at}::timestamptz, ${options.after.id}::uuid)` : Prisma.empty}
       ORDER BY p."createdAt", p."id"
       LIMIT ${options.take}`,
  );
}

export const countPendingParticipationRequests = (db: DbClient) => db.callParticipation.count({ where: { status: "REQUESTED" } });
