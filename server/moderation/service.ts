import type { Actor } from "../authz/actor";
import { authorize } from "../authz/policy";
import { recordAudit } from "../audit/service";
import { inTransaction, type DbClient } from "../db/client";
import type { IdeaStatus } from "../db/generated/enums";
import { isPublicState } from "../idea/lifecycle";
import { changeIdeaStatus, lockIdea } from "../idea/transitions";
import { notifyReportOutcome } from "../notification/notify";
import { openReportReasons } from "../report/service";
import { AppError } from "../trpc/errors";
import type { ResolveReportsInput } from "./schemas";

/** The open reports of an idea, oldest first, with what the reporters wrote (who reported stays private). */
export async function openReports(db: DbClient, ideaId: string) {
  const [items, reasons] = await Promise.all([
    db.ideaReport.findMany({
      where: { ideaId, status: "OPEN" },
      select: { id: true, reason: true, details: true, createdAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    openReportReasons(db, ideaId),
  ]);
  return { count: items.length, reasons, items };
}

/**
 * A Secretariat decision on an idea: any move the lifecycle table allows it (publish, request
 * changes, reject, in development, incubated, archive, hide, restore), written by the one status
 * writer with its history event and audit entry. Parallel identical decisions make one move.
 */
export async function decide(db: DbClient, actor: Actor, input: { id: string; to: IdeaStatus; reason?: string }) {
  authorize(actor, "moderation.act", null);
  return inTransaction(db, async (tx) => {
    const idea = await lockIdea(tx, input.id);
    if (!idea) throw new AppError("NOT_FOUND", "idea.notFound");
    // Restoring while reports are open would leave them judged by nobody: dismissing them restores it.
    if (idea.status === "HIDDEN" && input.to !== "HIDDEN" && (await openReportReasons(tx, input.id)).length > 0) {
      throw new AppError("CONFLICT", "moderation.resolveReportsFirst");
    }
    return changeIdeaStatus(tx, { ideaId: input.id, to: input.to, actor, reason: input.reason });
  });
}

/**
 * Closes every open report of an idea. Dismissed: the reports were unfounded, and an idea they
 * (or the Secretariat) hid returns to the state it was hidden from. Upheld: they were right, and
 * an idea still public is hidden (with the reason its authors will read). One audit entry for the
 * reports, plus the status writer's for the move, in the same transaction.
 */
export async function resolveReports(db: DbClient, actor: Actor, input: ResolveReportsInput) {
  authorize(actor, "moderation.act", null);
  return inTransaction(db, async (tx) => {
    const idea = await lockIdea(tx, input.ideaId);
    if (!idea) throw new AppError("NOT_FOUND", "idea.notFound");
    const reasons = await openReportReasons(tx, input.ideaId);
    if (reasons.length === 0) throw new AppError("CONFLICT", "report.noneOpen");
    const reportStatus = input.outcome === "dismiss" ? "DISMISSED" : "UPHELD";
    const { count } = await tx.ideaReport.updateMany({
      where: { ideaId: input.ideaId, status: "OPEN" },
      data: { status: reportStatus, resolvedAt: new Date(), resolvedById: actor.id },
    });
    let status = idea.status;
    if (input.outcome === "dismiss" && idea.status === "HIDDEN") {
      status = (await changeIdeaStatus(tx, { ideaId: input.ideaId, to: idea.hiddenFromStatus ?? "PUBLISHED", actor, reason: input.reason, authorNotice: "skip" })).to;
    } else if (input.outcome === "uphold" && isPublicState(idea.status)) {
      status = (await changeIdeaStatus(tx, { ideaId: input.ideaId, to: "HIDDEN", actor, reason: input.reason, authorNotice: "skip" })).to;
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.outcome === "dismiss" ? "report.dismiss" : "report.uphold",
      subjectType: "Idea",
      subjectId: input.ideaId,
      reason: input.reason,
      before: { status: idea.status, openReports: count, reasons: Object.fromEntries(reasons.map((r) => [r.reason, r.count])) },
      after: { status, reports: reportStatus },
    });
    // The authors learn the outcome (and the move it caused) from this one notification.
    await notifyReportOutcome(tx, { ideaId: input.ideaId, actorId: actor.id, outcome: input.outcome, status, reason: input.reason ?? null });
    return { status, resolved: count };
  });
}
