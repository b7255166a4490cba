import { z } from "../validation";

export const MAX_CRITERIA = 20;
export const MAX_WINNERS = 50;

export const callIdInput = z.object({ callId: z.uuid() });
export const submissionIdInput = z.object({ submissionId: z.uuid() });

export const criterionInput = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(1000).default(""),
  /** Percent of the score; a rubric's weights add up to 100. */
  weight: z.number().int().min(1).max(100),
  /** Jurors score the criterion from 0 to this. */
  maxScore: z.number().int().min(1).max(100),
});

/** The whole rubric, in order: it replaces the call's criteria. */
export const setRubricInput = z.object({ callId: z.uuid(), criteria: z.array(criterionInput).min(1).max(MAX_CRITERIA) });

/** One juror's scores of one submission: every criterion of the rubric, once. */
export const scoreInput = z.object({
  submissionId: z.uuid(),
  scores: z
    .array(
      z.object({
        criterionId: z.uuid(),
        value: z.number().int().min(0).max(100),
        comment: z.string().trim().max(2000).default(""),
      }),
    )
    .min(1)
    .max(MAX_CRITERIA),
});

export const myQueueInput = z
  .object({ /** Only this call (the /jurado page of one call). */ callId: z.uuid().optional() })
  .default({});

/** The winners, each with the Secretariat's justification; it replaces the previous choice. */
export const selectWinnersInput = z.object({
  callId: z.uuid(),
  winners: z
    .array(z.object({ submissionId: z.uuid(), justification: z.string().trim().min(1).max(2000) }))
    .max(MAX_WINNERS),
});

export type SetRubricInput = z.infer<typeof setRubricInput>;
export type ScoreInput = z.infer<typeof scoreInput>;
export type SelectWinnersInput = z.infer<typeof selectWinnersInput>;
