import type { DbClient } from "../db/client";
import type { Prisma } from "../db/generated/client";

export interface AuditRecord {
  /** Null: the platform itself. */
  actorId: string | null;
  /** "<domain>.<verb>", e.g. "idea.transition", "report.dismiss". */
  action: string;
  subjectType: string;
  subjectId: string;
  reason?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

/**
 * Appends one entry to the audit log. Call it with the transaction client of the change it
 * records, so the entry exists exactly when the change does. The table refuses UPDATE and DELETE.
 */
export async function recordAudit(db: DbClient, record: AuditRecord): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorId: record.actorId,
      action: record.action,
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      reason: record.reason?.trim() || null,
      ...(record.before == null ? {} : { before: record.before }),
      ...(record.after == null ? {} : { after: record.after }),
    },
  });
}
