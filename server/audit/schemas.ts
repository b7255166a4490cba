import { z } from "../validation";

/** The actions recorded today (the audit page's filter offers them; the log accepts any). */
export const AUDIT_ACTIONS = [
  "idea.transition",
  "idea.autoHide",
  "report.dismiss",
  "report.uphold",
  "organization.verify",
  "organization.rejectVerification",
  "organization.reverify",
  "comment.remove",
  "comment.autoHide",
  "commentReport.dismiss",
  "commentReport.uphold",
] as const;
export const AUDIT_SUBJECT_TYPES = ["Idea", "Organization", "Comment"] as const;

/** A day of the Bogotá calendar, as a date input sends it ("2026-11-24"); "" means no bound. */
const day = z.preprocess((v) => (v === "" ? undefined : v), z.iso.date().optional());
const text = (max: number) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max).optional());

export const auditListInput = z
  .object({
    action: text(60),
    actorId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
    subjectType: text(40),
    subjectId: text(64),
    /** First and last day included, Bogotá time. */
    from: day,
    to: day,
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .default({ limit: 25 });

export type AuditListInput = z.infer<typeof auditListInput>;
