import { ReportReason } from "../db/generated/enums";
import { z } from "../validation";

export const REPORT_REASONS = Object.values(ReportReason);

/** "" from a form's empty text area means "no details". */
const details = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(1000).optional());

export const createReportInput = z
  .object({
    ideaId: z.uuid(),
    reason: z.enum(ReportReason),
    details,
  })
  // "Other" says nothing by itself: the Secretariat needs the reporter's words to judge it.
  .refine((input) => input.reason !== "OTHER" || Boolean(input.details), { path: ["details"], message: "report.detailsRequired" });

/** The report form's fields (the idea comes from the page's address). */
export const reportFormFields = z.object({ reason: z.enum(ReportReason), details });

export const ownReportInput = z.object({ ideaId: z.uuid() });

export type CreateReportInput = z.infer<typeof createReportInput>;
