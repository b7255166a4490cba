import { ReportReason } from "../db/generated/enums";
import { reasonField } from "../idea/schemas";
import { z } from "../validation";

import { COMMENT_MAX_LENGTH } from "./rules";

export { COMMENT_EDIT_MINUTES, COMMENT_MAX_LENGTH } from "./rules";

/** Plain text; line breaks are kept, surrounding blanks are not. */
export const commentBody = z.string().trim().min(1).max(COMMENT_MAX_LENGTH);

/** "" from a form's hidden field means "a new top-level comment". */
const parentField = z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional());

export const listCommentsInput = z.object({
  ideaId: z.uuid(),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const addCommentInput = z.object({ ideaId: z.uuid(), parentId: parentField, body: commentBody });
export const editCommentInput = z.object({ id: z.uuid(), body: commentBody });
export const removeCommentInput = z.object({ id: z.uuid(), reason: reasonField });

/** "" from a form's empty text area means "no details". */
const details = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(1000).optional());

export const reportCommentInput = z
  .object({ commentId: z.uuid(), reason: z.enum(ReportReason), details })
  .refine((input) => input.reason !== "OTHER" || Boolean(input.details), { path: ["details"], message: "report.detailsRequired" });

export const resolveCommentReportsInput = z.object({
  commentId: z.uuid(),
  /** Dismiss: unfounded, a hidden comment returns. Uphold: it stays hidden (or is hidden now). */
  outcome: z.enum(["dismiss", "uphold"]),
  reason: reasonField,
});

export type ListCommentsInput = z.infer<typeof listCommentsInput>;
export type AddCommentInput = z.infer<typeof addCommentInput>;
export type ReportCommentInput = z.infer<typeof reportCommentInput>;
export type ResolveCommentReportsInput = z.infer<typeof resolveCommentReportsInput>;
