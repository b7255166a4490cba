/**
 * Who hears of what happens to a call. Each function is one statement (server/notification/fan-out.ts)
 * run in the transaction of the change; the notification names the call (Notification.callId) and
 * links to /convocatorias/<slug>.
 */
import { Prisma, type DbClient } from "../db/client";
import type { CallParticipationRole, CallParticipationStatus, NotificationKind } from "../db/generated/enums";
import { fanOut, recipientsByIds, union } from "../notification/fan-out";

/** The person who proposed the call and the current owners of the proposing organization. */
export function callProposers(callId: string, kind: NotificationKind): Prisma.Sql {
  return Prisma.sql`
    SELECT c."proposedById" AS "recipientId", ${kind}::text AS "kind", 0 AS "priority" FROM "Call" c WHERE c."id" = ${callId}::uuid
    UNION ALL
    SELECT m."userId", ${kind}::text, 0 FROM "Call" c JOIN "Membership" m ON m."organizationId" = c."proposingOrganizationId"
     WHERE c."id" = ${callId}::uuid AND m."role" = 'OWNER'`;
}

/** Everyone with a submission to the call that is not withdrawn. */
export function callSubmitters(callId: string, kind: NotificationKind): Prisma.Sql {
  return Prisma.sql`
    SELECT s."submitterId" AS "recipientId", ${kind}::text AS "kind", 0 AS "priority"
      FROM "CallSubmission" s WHERE s."callId" = ${callId}::uuid AND s."status" = 'SUBMITTED'`;
}

/** The owners of an organization. */
export function organizationOwners(organizationId: string, kind: NotificationKind): Prisma.Sql {
  return Prisma.sql`
    SELECT m."userId" AS "recipientId", ${kind}::text AS "kind", 0 AS "priority"
      FROM "Membership" m WHERE m."organizationId" = ${organizationId}::uuid AND m."role" = 'OWNER'`;
}

/** The owners of every organization taking part (or asked or invited to) in the call, and its jurors. */
export function callParticipants(callId: string, kind: NotificationKind): Prisma.Sql {
  return Prisma.sql`
    SELECT m."userId" AS "recipientId", ${kind}::text AS "kind", 1 AS "priority"
      FROM "CallParticipation" p JOIN "Membership" m ON m."organizationId" = p."organizationId" AND m."role" = 'OWNER'
     WHERE p."callId" = ${callId}::uuid AND p."status" IN ('REQUESTED', 'INVITED', 'ACCEPTED')
    UNION ALL
    SELECT j."userId", ${kind}::text, 1 FROM "CallJuror" j WHERE j."callId" = ${callId}::uuid`;
}

export type ProposalDecision = "approve" | "requestChanges" | "reject";

/** The Secretariat's decision on a proposal, to whoever proposed it. */
export function notifyProposalDecision(
  tx: DbClient,
  event: { callId: string; actorId: string; decision: ProposalDecision; reason: string | null },
) {
  return fanOut(tx, callProposers(event.callId, "CALL_PROPOSAL_DECISION"), {
    callId: event.callId,
    actorId: event.actorId,
    data: { decision: event.decision, ...(event.reason ? { reason: event.reason } : {}) },
  });
}

/** A later deadline, to everyone who submitted (one statement, however many they are). */
export function notifyDeadlineExtended(tx: DbClient, event: { callId: string; actorId: string; closesAt: Date }) {
  return fanOut(tx, callSubmitters(event.callId, "CALL_DEADLINE_EXTENDED"), {
    callId: event.callId,
    actorId: event.actorId,
    data: { change: "extended", closesAt: event.closesAt.toISOString() },
  });
}

/** A cancelled call, to its submitters, the organizations taking part, its jurors and its proposers. */
export function notifyCallCancelled(tx: DbClient, event: { callId: string; actorId: string; reason: string }) {
  return fanOut(
    tx,
    union(
      callSubmitters(event.callId, "CALL_DEADLINE_EXTENDED"),
      callParticipants(event.callId, "CALL_DEADLINE_EXTENDED"),
      callProposers(event.callId, "CALL_DEADLINE_EXTENDED"),
    ),
    { callId: event.callId, actorId: event.actorId, data: { change: "cancelled", reason: event.reason } },
  );
}

/**
 * A participation's news (invited, accepted, declined): to the organization's owners, or to
 * `recipientIds` when given (the Secretariat member who invited, when the organization answers).
 */
export function notifyParticipation(
  tx: DbClient,
  event: {
    callId: string;
    actorId: string;
    organizationId: string;
    organizationName: string;
    role: CallParticipationRole;
    status: Extract<CallParticipationStatus, "INVITED" | "ACCEPTED" | "DECLINED">;
    recipientIds?: string[];
  },
) {
  const recipients = event.recipientIds
    ? recipientsByIds(event.recipientIds, "CALL_PARTICIPATION_DECISION")
    : organizationOwners(event.organizationId, "CALL_PARTICIPATION_DECISION");
  return fanOut(tx, recipients, {
    callId: event.callId,
    actorId: event.actorId,
    data: { status: event.status, role: event.role, organization: event.organizationName },
  });
}

/** A person assigned as juror. */
export function notifyJurorAssigned(tx: DbClient, event: { callId: string; actorId: string; userId: string }) {
  return fanOut(tx, recipientsByIds([event.userId], "CALL_JUROR_ASSIGNED"), { callId: event.callId, actorId: event.actorId });
}
