import type { Actor } from "../authz/actor";
import { authorize } from "../authz/policy";
import { recordAudit } from "../audit/service";
import { inTransaction, Prisma, type DbClient } from "../db/client";
import type { VerificationStatus } from "../db/generated/enums";
import { AppError, fieldError } from "../trpc/errors";

interface LockedOrganization {
  verification: VerificationStatus;
  name: string;
  nit: string | null;
}

async function lockOrganization(tx: DbClient, id: string): Promise<LockedOrganization> {
  const [row] = await tx.$queryRaw<LockedOrganization[]>(
    Prisma.sql`SELECT "verification", "name", "nit" FROM "Organization" WHERE "id" = ${id}::uuid FOR UPDATE`,
  );
  if (!row) throw new AppError("NOT_FOUND", "organization.notFound");
  return row;
}

/** An owner asks the Secretariat to verify the organization: it joins the verification queue. */
export async function requestVerification(db: DbClient, actor: Actor, id: string) {
  authorize(actor, "organization.manage", { id });
  await inTransaction(db, async (tx) => {
    const current = await lockOrganization(tx, id);
    if (current.verification === "VERIFIED") throw new AppError("CONFLICT", "organization.alreadyVerified");
    if (current.verification === "PENDING") throw new AppError("CONFLICT", "organization.verificationPending");
    await tx.organization.update({
      where: { id },
      data: { verification: "PENDING", verificationRequestedAt: new Date(), verificationReason: null },
    });
  });
}

/** The Secretariat verifies or rejects (with a reason the owners see); both are audited. */
export async function decideVerification(
  db: DbClient,
  actor: Actor,
  input: { id: string; decision: "verify" | "reject"; reason?: string },
) {
  authorize(actor, "organization.verify", null);
  if (input.decision === "reject" && !input.reason?.trim()) throw fieldError("reason", "idea.reasonRequired");
  await inTransaction(db, async (tx) => {
    const current = await lockOrganization(tx, input.id);
    if (current.verification !== "PENDING") throw new AppError("CONFLICT", "organization.verificationNotPending");
    const verification = input.decision === "verify" ? "VERIFIED" : "REJECTED";
    await tx.organization.update({
      where: { id: input.id },
      data: {
        verification,
        verifiedAt: verification === "VERIFIED" ? new Date() : null,
        verificationReason: verification === "REJECTED" ? input.reason!.trim() : null,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.decision === "verify" ? "organization.verify" : "organization.rejectVerification",
      subjectType: "Organization",
      subjectId: input.id,
      reason: input.reason ?? null,
      before: { verification: current.verification, name: current.name, nit: current.nit },
      after: { verification },
    });
  });
}

/** Organizations awaiting verification, oldest request first (a queue of /moderacion). */
export async function verificationQueue(db: DbClient, options: { take: number; after?: { at: Date; id: string } | null }) {
  return db.$queryRaw<{ id: string; slug: string; name: string; kind: string; nit: string | null; requestedAt: Date }[]>(Prisma.sql`
    SELECT o."id", o."slug", o."name", o."kind", o."nit", o."verificationRequestedAt" AS "requestedAt"
      FROM "Organization" o
     WHERE o."verification" = 'PENDING'
       ${options.after ? Prisma.sql`AND (o."verificationRequestedAt", o."id") > (${options.after.at}::timestamptz, ${options.after.id}::uuid)` : Prisma.empty}
     ORDER BY o."verificationRequestedAt", o."id"
     LIMIT ${options.take}`);
}

export const countPendingVerifications = (db: DbClient) => db.organization.count({ where: { verification: "PENDING" } });
