import { z } from "../validation";

/** The most questions a call asks (answers beyond this are refused before any query). */
export const MAX_ANSWERS = 50;
export const MAX_ANSWER_LENGTH = 3000;

/** Submitting on behalf of an organization is optional unless the call requires it; "" from a form means "in my own name". */
const organizationField = z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional());

export const submitInput = z.object({
  callId: z.uuid(),
  /** One of the caller's PUBLISHED ideas (they are its author). */
  ideaId: z.uuid(),
  organizationId: organizationField,
  /** Question id → answer. Blank answers count as unanswered (refused for required questions). */
  answers: z
    .record(z.uuid(), z.string().trim().max(MAX_ANSWER_LENGTH))
    .refine((answers) => Object.keys(answers).length <= MAX_ANSWERS, { message: "submission.tooManyAnswers" })
    .default({}),
});

export const submissionIdInput = z.object({ submissionId: z.uuid() });

export const mySubmissionsInput = z
  .object({
    /** Only the submissions to this call (the call's page shows "your submission"). */
    callId: z.uuid().optional(),
    /** Withdrawn ones too (default: yes, so the page can offer to submit them again). */
    includeWithdrawn: z.boolean().default(true),
  })
  .default({ includeWithdrawn: true });

export const callIdInput = z.object({ callId: z.uuid() });

export type SubmitInput = z.infer<typeof submitInput>;
export type MySubmissionsInput = z.infer<typeof mySubmissionsInput>;
