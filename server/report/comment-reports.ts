import type { Actor } from "../authz/actor";
import { can } from "../authz/policy";
import { recordAudit } from "../audit/service";
import { inTransaction, Prisma, type DbClient } from "../db/client";
import { withConstraintMessages } from "../db/errors";
import type { ReportReason } from "../db/generated/enums";
import { communityIdea } from "../idea/community-record";
import { isPublicState } from "../idea/lifecycle";
import { lockComment } from "../comment/service";
import type { ReportCommentInput, ResolveCommentReportsInput } from "../comment/schemas";
import { AppError } from "../trpc/errors";

/** Open reports of one comment, grouped by reason, most frequent first. */
export async function openCommentReportReasons(db: DbClient, commentId: string): Promise<{ reason: ReportReason; count: number }[]> {
  return db.$queryRaw<{ reason: ReportReason; count: number }[]>(Prisma.sql`
    SELECT r."reason", count(*)::int AS "count"
      FROM "CommentReport" r
     WHERE r."commentId" = ${commentId}::uuid AND r."status" = 'OPEN'
     GROUP BY r."reason"
     ORDER BY count(*) DESC, r."reason"`);
}

/**
 * One person's report of a comment, as ideas are reported (report/service.ts): once per comment
 * and person (the unique constraint), counted under the comment's row lock, and the report that
 * brings the open ones to `threshold` hides the comment, exactly once, with the platform's audit entry.
 */
export async function createCommentReport(
  db: DbClient,
  actor: Actor,
  input: ReportCommentInput,
  options: { threshold: number },
): Promise<{ hidden: boolean }> {
  return withConstraintMessages(
    () =>
      inTransaction(db, async (tx) => {
        const comment = await lockComment(tx, input.commentId);
        const idea = comment ? await communityIdea(tx, comment.ideaId) : null;
        if (!comment || !idea || !can(actor, "idea.view", idea)) throw new AppError("NOT_FOUND", "comment.notFound");
        if (!can(actor, "comment.report", comment)) {
          throw new AppError("FORBIDDEN", actor.role === "SECRETARIAT" ? "comment.reportSecretariat" : "comment.reportOwn");
        }
        if (comment.deletedAt || comment.hiddenAt) throw new AppError("CONFLICT", "comment.gone");
        if (!isPublicState(idea.status)) throw new AppError("CONFLICT", "report.notPublic");
        await tx.commentReport.create({
          data: { commentId: input.commentId, reporterId: actor.id, reason: input.reason, details: input.details ?? null },
        });
        const reasons = await openCommentReportReasons(tx, input.commentId);
        const open = reasons.reduce((sum, r) => sum + r.count, 0);
        if (open < options.threshold) return { hidden: false };
        await tx.comment.update({ where: { id: input.commentId }, data: { hiddenAt: new Date() } });
        await recordAudit(tx, {
          actorId: null,
          action: "comment.autoHide",
          subjectType: "Comment",
          subjectId: input.commentId,
          before: { commentState: "visible", openReports: open, reasons: Object.fromEntries(reasons.map((r) => [r.reason, r.count])) },
          after: { commentState: "hidden" },
        });
        return { hidden: true };
      }),
    { CommentReport_commentId_reporterId_key: { key: "comment.alreadyReported" } },
  );
}

/**
 * Closes every open report of a comment: dismissed (unfounded; a hidden comment returns) or
 * upheld (it stays hidden, or is hidden now). One audit entry, in the same transaction.
 */
export async function resolveCommentReports(db: DbClient, actor: Actor, input: ResolveCommentReportsInput) {
  return inTransaction(db, async (tx) => {
    const comment = await lockComment(tx, input.commentId);
    if (!comment) throw new AppError("NOT_FOUND", "comment.notFound");
    const reasons = await openCommentReportReasons(tx, input.commentId);
    if (reasons.length === 0) throw new AppError("CONFLICT", "comment.noOpenReports");
    const reportStatus = input.outcome === "dismiss" ? "DISMISSED" : "UPHELD";
    const { count } = await tx.commentReport.updateMany({
      where: { commentId: input.commentId, status: "OPEN" },
      data: { status: reportStatus, resolvedAt: new Date(), resolvedById: actor.id },
    });
    const hidden = input.outcome === "uphold";
    if (hidden !== Boolean(comment.hiddenAt)) {
      await tx.comment.update({ where: { id: input.commentId }, data: { hiddenAt: hidden ? new Date() : null } });
    }
    const state = (isHidden: boolean) => (comment.deletedAt ? "deleted" : isHidden ? "hidden" : "visible");
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.outcome === "dismiss" ? "commentReport.dismiss" : "commentReport.uphold",
      subjectType: "Comment",
      subjectId: input.commentId,
      reason: input.reason,
      before: { commentState: state(Boolean(comment.hiddenAt)), openReports: count, reasons: Object.fromEntries(reasons.map((r) => [r.reason, r.count])) },
      after: { commentState: state(hidden), reports: reportStatus },
    });
    return { state: state(hidden), resolved: count };
  });
}
