import type { Db } from "../db/client";
import type { IdeaStatus, ReportReason, Sector } from "../db/generated/enums";
import { checkTransition, isPublicState, type TransitionActor } from "../idea/lifecycle";
import { REPORT_REASONS } from "../report/schemas";
import { autoHideReason } from "../report/service";

/** Demo people who only report and post: the platform's community beyond the four logins. */
export const DEMO_NEIGHBOURS = [
  { email: "andres.rueda@cocrea.demo", name: "Andrés Felipe Rueda", role: "ENTREPRENEUR" },
  { email: "mariajose.cardenas@cocrea.demo", name: "María José Cárdenas", role: "ACADEMIA" },
  { email: "yesid.quintero@cocrea.demo", name: "Yesid Quintero", role: "COMPANY" },
] as const;

const DAY = 24 * 60 * 60 * 1000;

interface Step {
  daysAgo: number;
  to: IdeaStatus;
  /** A demo email, "secretariat" or "system" (reports hiding it). */
  by: string;
  reason?: string;
}

interface DemoReport {
  by: string;
  reason: ReportReason;
  details?: string;
  daysAgo: number;
}

export interface LifecycleIdea {
  title: string;
  summary: string;
  problem: string;
  solution: string;
  sector: Sector;
  author: string;
  /** Posted on behalf of this demo organization (its slug). */
  organization?: string;
  createdDaysAgo: number;
  steps: Step[];
  reports?: DemoReport[];
}

const SECRETARIAT = "secretaria@cocrea.demo";

/**
 * Writes an idea with the history it would have had: its creation, each move (checked against the
 * lifecycle table, so the demo cannot show a move the platform would refuse), the audit entries
 * of the Secretariat's and the platform's moves, and its reports. Dates are in the past, so the
 * moderation queues show real ages; hence written here rather than through the status writer,
 * which stamps "now" (and the audit log cannot be re-dated afterwards).
 */
export async function seedLifecycleIdea(db: Db, users: ReadonlyMap<string, string>, idea: LifecycleIdea, threshold: number): Promise<void> {
  const authorId = users.get(idea.author)!;
  const exists = await db.idea.findFirst({ where: { title: idea.title, authorId }, select: { id: true } });
  if (exists) return;
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);
  const organization = idea.organization ? await db.organization.findUnique({ where: { slug: idea.organization }, select: { id: true } }) : null;
  const { steps, reports = [], author: _author, organization: _org, createdDaysAgo, ...fields } = idea;

  // Reports that reach the threshold hide a public idea: that is one more step, by the platform.
  const timeline: Step[] = [...steps];
  const sortedReports = [...reports].sort((a, b) => b.daysAgo - a.daysAgo);
  if (sortedReports.length >= threshold) {
    const counted = sortedReports.slice(0, threshold);
    const byReason = new Map<ReportReason, number>();
    for (const r of counted) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
    // Ordered as the service orders them: most frequent first, then in the enum's order.
    const reasons = [...byReason]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || REPORT_REASONS.indexOf(a.reason) - REPORT_REASONS.indexOf(b.reason));
    timeline.push({ daysAgo: counted.at(-1)!.daysAgo, to: "HIDDEN", by: "system", reason: autoHideReason(reasons) });
  }

  let status: IdeaStatus = "DRAFT";
  let hiddenFromStatus: IdeaStatus | null = null;
  let submittedAt: Date | null = null;
  let publishedAt: Date | null = null;
  const events: { actorId: string | null; fromStatus: IdeaStatus; toStatus: IdeaStatus; reason: string | null; createdAt: Date }[] = [];
  const audit: { actorId: string | null; action: string; reason: string | null; before: { status: IdeaStatus }; after: { status: IdeaStatus }; createdAt: Date }[] = [];
  for (const step of timeline) {
    const by: TransitionActor = step.by === "system" ? "system" : step.by === SECRETARIAT ? "secretariat" : "author";
    checkTransition({ from: status, to: step.to, by, reason: step.reason });
    const when = at(step.daysAgo);
    const actorId = step.by === "system" ? null : users.get(step.by)!;
    events.push({ actorId, fromStatus: status, toStatus: step.to, reason: step.reason ?? null, createdAt: when });
    if (by !== "author") {
      audit.push({
        actorId,
        action: by === "system" ? "idea.autoHide" : "idea.transition",
        reason: step.reason ?? null,
        before: { status },
        after: { status: step.to },
        createdAt: when,
      });
    }
    hiddenFromStatus = step.to === "HIDDEN" ? status : null;
    if (step.to === "SUBMITTED") submittedAt = when;
    if (step.to === "PUBLISHED") publishedAt ??= when;
    status = step.to;
  }

  await db.$transaction(async (tx) => {
    const created = await tx.idea.create({
      data: {
        ...fields,
        authorId,
        organizationId: organization?.id ?? null,
        status,
        hiddenFromStatus,
        submittedAt,
        publishedAt,
        createdAt: at(createdDaysAgo),
      },
      select: { id: true },
    });
    await tx.ideaEvent.create({ data: { ideaId: created.id, actorId: authorId, kind: "CREATED", toStatus: "DRAFT", createdAt: at(createdDaysAgo) } });
    for (const event of events) await tx.ideaEvent.create({ data: { ideaId: created.id, kind: "TRANSITION", ...event } });
    for (const entry of audit) await tx.auditEntry.create({ data: { subjectType: "Idea", subjectId: created.id, ...entry } });
    for (const report of reports) {
      if (!isPublicState(status) && status !== "HIDDEN") throw new Error(`Demo idea «${idea.title}»: only public ideas are reported`);
      await tx.ideaReport.create({
        data: { ideaId: created.id, reporterId: users.get(report.by)!, reason: report.reason, details: report.details ?? null, createdAt: at(report.daysAgo) },
      });
    }
  });
}
