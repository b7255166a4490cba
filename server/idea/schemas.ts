import { Sector } from "../db/generated/enums";
import { MAX_ATTACHMENTS } from "../files/rules";
import { z } from "../validation";

export const SECTORS = Object.values(Sector);

export const ideaFields = z.object({
  title: z.string().trim().min(1).min(5).max(140),
  summary: z.string().trim().min(1).min(20).max(500),
  problem: z.string().trim().min(1).min(20).max(5000),
  solution: z.string().trim().min(1).min(20).max(5000),
  sector: z.enum(Sector),
});

export const createIdeaInput = ideaFields.extend({
  attachmentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS).default([]),
});

export const listIdeasInput = z
  .object({
    sector: z.enum(Sector).optional(),
    /** Words searched in title and summary (Spanish full-text search arrives with moderation). */
    q: z.string().trim().max(100).optional(),
    authorId: z.uuid().optional(),
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(50).default(12),
  })
  .default({ limit: 12 });

export const ideaByIdInput = z.object({ id: z.uuid() });

export type IdeaFields = z.infer<typeof ideaFields>;
export type CreateIdeaInput = z.infer<typeof createIdeaInput>;
export type ListIdeasInput = z.infer<typeof listIdeasInput>;
