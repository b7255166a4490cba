import type { Actor } from "../authz/actor";
import { authorize, can } from "../authz/policy";
import { inTransaction, Prisma, type DbClient } from "../db/client";
import { withConstraintMessages } from "../db/errors";
import type { ReportReason } from "../db/generated/enums";
import { DEFAULT_LOCALE } from "../i18n/locale";
import { translate } from "../i18n/messages";
import { isPublicState } from "../idea/lifecycle";
import { changeIdeaStatus, lockIdea } from "../idea/transitions";
import { AppError } from "../trpc/errors";
import type { CreateReportInput } from "./schemas";

/** Open reports of one idea, grouped by reason, most frequent first. */
export async function openReportReasons(db: DbClient, ideaId: string): Promise<{ reason: ReportReason; count: number }[]> {
  return db.$queryRaw<{ reason: ReportReason; count: number }[]>(Prisma.sql`
    SELECT r."reason", count(*)::int AS "count"
      FROM "IdeaReport" r
     WHERE r."ideaId" = ${ideaId}::uuid AND r."status" = 'OPEN'
     GROUP BY r."reason"
     ORDER BY count(*) DESC, r."reason"`);
}

/**
 * What the authors read on their idea's history when reports hid it. Stored, not translated on
 * display: the history keeps the words it was written with, in the platform's language.
 */
export function autoHideReason(reasons: { reason: ReportReason; count: number }[]): string {
  const count = reasons.reduce((sum, r) => sum + r.count, 0);
  const names = reasons.map((r) => translate(DEFAULT_LOCALE, `reportReason.${r.reason}`)).join(", ");
  return translate(DEFAULT_LOCALE, "report.autoHideReason", { count, reasons: names });
}

/**
 * One person's report of a public idea, once per idea (the unique constraint decides between
 * parallel duplicates). In one transaction with the idea's row locked, so reports of one idea are
 * counted one after another: the report that brings the open reports to `threshold` hides the
 * idea, exactly once however many arrive together (later ones find it hidden and are refused).
 */
export async function createReport(
  db: DbClient,
  actor: Actor,
  input: CreateReportInput,
  options: { threshold: number },
): Promise<{ hidden: boolean }> {
  return withConstraintMessages(
    () =>
      inTransaction(db, async (tx) => {
        const idea = await lockIdea(tx, input.ideaId);
        if (!idea) throw new AppError("NOT_FOUND", "idea.notFound");
        authorize(actor, "idea.view", idea, { hideAs: "idea.notFound" });
        if (!can(actor, "idea.report", idea)) {
          throw new AppError("FORBIDDEN", actor.role === "SECRETARIAT" ? "report.secretariat" : "report.ownIdea");
        }
        if (!isPublicState(idea.status)) throw new AppError("CONFLICT", "report.notPublic");
        await tx.ideaReport.create({
          data: { ideaId: input.ideaId, reporterId: actor.id, reason: input.reason, details: input.details ?? null },
        });
        const reasons = await openReportReasons(tx, input.ideaId);
        const open = reasons.reduce((sum, r) => sum + r.count, 0);
        if (open < options.threshold) return { hidden: false };
        await changeIdeaStatus(tx, { ideaId: input.ideaId, to: "HIDDEN", actor: null, reason: autoHideReason(reasons) });
        return { hidden: true };
      }),
    { IdeaReport_ideaId_reporterId_key: { key: "report.alreadyReported" } },
  );
}

/** The caller's own report of an idea, if any (the idea page shows it instead of the form). */
export async function ownReport(db: DbClient, actor: Actor, ideaId: string) {
  return db.ideaReport.findUnique({
    where: { ideaId_reporterId: { ideaId, reporterId: actor.id } },
    select: { reason: true, status: true, createdAt: true },
  });
}
