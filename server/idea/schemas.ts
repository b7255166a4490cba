import { IdeaStatus, Sector } from "../db/generated/enums";
import { MAX_ATTACHMENTS } from "../files/rules";
import { z } from "../validation";
import { PUBLIC_STATES } from "./lifecycle";

export const SECTORS = Object.values(Sector);

export const ideaFields = z.object({
  title: z.string().trim().min(1).min(5).max(140),
  summary: z.string().trim().min(1).min(20).max(500),
  problem: z.string().trim().min(1).min(20).max(5000),
  solution: z.string().trim().min(1).min(20).max(5000),
  sector: z.enum(Sector),
});

/** Posting on behalf of an organization is optional; "" from a form means "in my own name". */
const organizationField = z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional());

export const createIdeaInput = ideaFields.extend({
  organizationId: organizationField,
  attachmentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS).default([]),
  /** Send it to the Secretariat's review right away instead of keeping a draft. */
  submit: z.boolean().default(false),
});

export const updateIdeaInput = ideaFields.extend({
  id: z.uuid(),
  organizationId: organizationField,
  /** Newly uploaded files to attach. */
  attachmentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS).default([]),
  /** Attached files to remove. */
  removeAttachmentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS).default([]),
  /** Send it to the Secretariat's review with these changes, in the same transaction. */
  submit: z.boolean().default(false),
});

/** The fields of the idea form (new and edit pages): the idea's text and on whose behalf it is posted. */
export const ideaFormFields = ideaFields.extend({ organizationId: organizationField });

export const reasonField = z.string().trim().max(2000).optional();

export const listIdeasInput = z
  .object({
    sector: z.enum(Sector).optional(),
    /** One public state; unset: published, in development and incubated ideas. */
    status: z.enum(PUBLIC_STATES).optional(),
    organizationId: z.uuid().optional(),
    authorId: z.uuid().optional(),
    /** Words searched in Spanish in title, summary, problem and solution. */
    q: z.string().trim().max(100).optional(),
    /** "supports": most supported first (then newest). */
    sort: z.enum(["newest", "relevance", "supports"]).default("newest"),
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(50).default(12),
  })
  .default({ limit: 12, sort: "newest" });

export const ownIdeasInput = z
  .object({ cursor: z.string().max(200).optional(), limit: z.number().int().min(1).max(50).default(20) })
  .default({ limit: 20 });

export const ideaByIdInput = z.object({ id: z.uuid() });

/** An author's move (submit, withdraw to draft). */
export const ideaTransitionInput = z.object({ id: z.uuid() });

/** A Secretariat decision: any state the lifecycle table allows, with a reason when it requires one. */
export const ideaDecisionInput = z.object({
  id: z.uuid(),
  to: z.enum(IdeaStatus),
  reason: reasonField,
});

export type IdeaFields = z.infer<typeof ideaFields>;
export type CreateIdeaInput = z.infer<typeof createIdeaInput>;
export type UpdateIdeaInput = z.infer<typeof updateIdeaInput>;
export type IdeaFormFields = z.infer<typeof ideaFormFields>;
export type ListIdeasInput = z.infer<typeof listIdeasInput>;
