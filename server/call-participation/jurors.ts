/** A call's jurors: members of organizations accepted as JURY, or people the Secretariat names. */
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/policy";
import { recordAudit } from "../audit/service";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import type { CallStatus } from "../db/generated/enums";
import { notifyJurorAssigned } from "../call/notify";
import { AppError, fieldError } from "../trpc/errors";
import type { AssignJurorInput } from "./schemas";

/**
 * Assigns a juror (the Secretariat): with `organizationId`, a member of that organization, which
 * must be ACCEPTED as JURY in the call; without, any person with an account. Someone who submitted
 * to the call cannot judge it. Audited; the juror is notified.
 */
export async function assignJuror(db: DbClient, actor: Actor, input: AssignJurorInput) {
  authorize(actor, "call.administer", null);
  return inTransaction(db, async (tx) => {
    const [call] = await queryRows<{ status: CallStatus }>(tx, Prisma.sql`SELECT "status" FROM "Call" WHERE "id" = ${input.callId}::uuid FOR SHARE`);
    if (!call) throw new AppError("NOT_FOUND", "call.notFound");
    if (call.status !== "APPROVED") throw new AppError("CONFLICT", "callParticipation.jurorsClosed");
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (!user) throw fieldError("email", "callParticipation.userNotFound", {}, "NOT_FOUND");
    if (input.organizationId) {
      // Member of the organization, and the organization accepted as jury in this very call (locked: it cannot withdraw meanwhile).
      const [eligible] = await queryRows<{ ok: boolean }>(
        tx,
        Prisma.sql`
          SELECT true AS "ok"
            FROM "CallParticipation" p
            JOIN "Membership" m ON m."organizationId" = p."organizationId" AND m."userId" = ${user.id}::uuid
           WHERE p."callId" = ${input.callId}::uuid AND p."organizationId" = ${input.organizationId}::uuid
             AND p."role" = 'JURY' AND p."status" = 'ACCEPTED'
             FOR SHARE OF p`,
      );
      if (!eligible) throw fieldError("email", "callParticipation.jurorNotMember", {}, "CONFLICT");
    }
    const submitted = await tx.callSubmission.count({ where: { callId: input.callId, submitterId: user.id, status: "SUBMITTED" } });
    if (submitted > 0) throw fieldError("email", "callParticipation.jurorIsSubmitter", {}, "CONFLICT");
    const inserted = await tx.$executeRaw(Prisma.sql`
      INSERT INTO "CallJuror" ("callId", "userId", "organizationId", "assignedById")
      VALUES (${input.callId}::uuid, ${user.id}::uuid, ${input.organizationId ?? null}::uuid, ${actor.id}::uuid)
      ON CONFLICT ("callId", "userId") DO NOTHING`);
    if (inserted === 0) throw fieldError("email", "callParticipation.jurorExists", {}, "CONFLICT");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "call.assignJuror",
      subjectType: "Call",
      subjectId: input.callId,
      after: { userId: user.id, organizationId: input.organizationId ?? null },
    });
    await notifyJurorAssigned(tx, { callId: input.callId, actorId: actor.id, userId: user.id });
    return { callId: input.callId, userId: user.id, organizationId: input.organizationId ?? null };
  });
}

/** Removes a juror (the Secretariat); their scores of this call go with them. Audited. */
export async function removeJuror(db: DbClient, actor: Actor, input: { callId: string; userId: string }) {
  authorize(actor, "call.administer", null);
  return inTransaction(db, async (tx) => {
    const scores = await tx.score.count({ where: { callId: input.callId, jurorId: input.userId } });
    const { count } = await tx.callJuror.deleteMany({ where: { callId: input.callId, userId: input.userId } });
    if (count === 0) throw new AppError("NOT_FOUND", "callParticipation.jurorNotFound");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "call.removeJuror",
      subjectType: "Call",
      subjectId: input.callId,
      before: { userId: input.userId, scores },
    });
    return { removed: true as const };
  });
}

/** A call's jurors with their organization (null: named individually) and how many scores they gave. */
export async function jurorsOfCall(db: DbClient, callId: string) {
  const call = await db.call.findUnique({ where: { id: callId }, select: { id: true } });
  if (!call) throw new AppError("NOT_FOUND", "call.notFound");
  const rows = await db.callJuror.findMany({
    where: { callId },
    select: {
      userId: true,
      createdAt: true,
      user: { select: { name: true, email: true } },
      organization: { select: { id: true, slug: true, name: true } },
      _count: { select: { scores: true } },
    },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
  });
  return rows.map((row) => ({
    userId: row.userId,
    name: row.user.name,
    email: row.user.email,
    organization: row.organization,
    assignedAt: row.createdAt,
    scoreCount: row._count.scores,
  }));
}
