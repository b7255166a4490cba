import { z } from "../validation";

/** Suggestions one request may ask for: enough for a page, few enough to read each reason. */
export const MAX_SUGGESTIONS = 20;

const limit = z
  .number()
  .int({ message: "match.limitRange" })
  .min(1, { message: "match.limitRange" })
  .max(MAX_SUGGESTIONS, { message: "match.limitRange" })
  .default(8);

export const matchForIdeaInput = z.object({ ideaId: z.uuid(), limit });
export const matchForCallInput = z.object({ callId: z.uuid(), limit });

export type MatchForIdeaInput = z.output<typeof matchForIdeaInput>;
export type MatchForCallInput = z.output<typeof matchForCallInput>;
