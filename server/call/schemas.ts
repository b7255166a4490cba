import { OrganizationKind, Role, Sector } from "../db/generated/enums";
import { z } from "../validation";

/** Free-text questions a call may ask each submission. */
export const MAX_CALL_QUESTIONS = 10;
/** Organizations sponsoring one call (the proposing organization included). */
export const MAX_CALL_SPONSORS = 10;

const optionalText = (max: number) => z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(max).optional());

/**
 * An instant: an ISO 8601 date-time with its offset ("2026-03-01T08:00:00-05:00", pages send
 * America/Bogota wall time converted to an instant) or a Date (server callers).
 */
export const instant = z.preprocess(
  (v) => (v instanceof Date ? (Number.isNaN(v.getTime()) ? "invalid" : v.toISOString()) : v),
  z.iso.datetime({ offset: true, message: "call.instant" }).transform((value) => new Date(value)),
);

/** Pesos, whole: a number or digits ("" from an empty form field: none). */
const prizeAmount = z.preprocess(
  (v) => (v === "" || v === null ? undefined : typeof v === "string" && /^\d{1,15}$/.test(v.trim()) ? Number(v.trim()) : v),
  z.number().int().min(0).max(1_000_000_000_000).optional(),
);

const timelineFields = {
  opensAt: instant,
  closesAt: instant,
  evaluationEndsAt: instant,
  resultsAt: instant,
};

type Timeline = { opensAt: Date; closesAt: Date; evaluationEndsAt: Date; resultsAt: Date };

/** The timeline runs forward (the database's CHECK guards it too): each message on the field that breaks it. */
function timelineInOrder(value: Timeline, ctx: z.RefinementCtx) {
  if (value.closesAt <= value.opensAt) ctx.addIssue({ code: "custom", message: "call.closesAfterOpens", path: ["closesAt"] });
  if (value.evaluationEndsAt < value.closesAt) ctx.addIssue({ code: "custom", message: "call.evaluationAfterClose", path: ["evaluationEndsAt"] });
  if (value.resultsAt < value.evaluationEndsAt) ctx.addIssue({ code: "custom", message: "call.resultsAfterEvaluation", path: ["resultsAt"] });
}

const question = z.object({
  prompt: z.string().trim().min(1).min(5).max(500),
  required: z.boolean().default(true),
});

/** Everything a call says, as its proposer or the Secretariat writes it. */
const callFields = z.object({
  title: z.string().trim().min(1).min(5).max(160),
  summary: z.string().trim().min(1).min(20).max(500),
  problem: z.string().trim().min(1).min(20).max(5000),
  objectives: z.string().trim().min(1).min(10).max(3000),
  expectedResults: z.string().trim().min(1).min(10).max(3000),
  sectors: z.array(z.enum(Sector)).min(1).max(5),
  prizeText: z.string().trim().min(1).max(2000),
  prizeAmountCop: prizeAmount,
  /** Empty: every role but the Secretariat may submit. */
  eligibleRoles: z.array(z.enum(Role).refine((r) => r !== "SECRETARIAT", { message: "validation.option" })).max(3).default([]),
  /** Empty: any kind of organization. */
  eligibleOrgKinds: z.array(z.enum(OrganizationKind)).max(5).default([]),
  requiresOrganization: z.boolean().default(false),
  maxSubmissionsPerParticipant: z.number().int().min(1).max(50).default(1),
  /** A PDF the caller uploaded (server/files); null or unset: no terms document. */
  termsFileId: z.uuid().nullable().optional(),
  /** Other sponsoring organizations (the proposing one is always a sponsor). */
  sponsorOrganizationIds: z.array(z.uuid()).max(MAX_CALL_SPONSORS).default([]),
  questions: z.array(question).max(MAX_CALL_QUESTIONS).default([]),
  ...timelineFields,
});

export const proposeCallInput = callFields.extend({ organizationId: z.uuid() }).superRefine(timelineInOrder);
export const createCallInput = callFields.superRefine(timelineInOrder);
export const updateCallInput = callFields.extend({ id: z.uuid() }).superRefine(timelineInOrder);

export const callIdInput = z.object({ id: z.uuid() });
export const callSlugInput = z.object({ slug: z.string().trim().min(1).max(90) });

export const callDecisionInput = z.object({
  id: z.uuid(),
  decision: z.enum(["approve", "requestChanges", "reject"]),
  /** Required to ask for changes or reject: the proposer reads it. */
  reason: optionalText(2000),
});

export const cancelCallInput = z.object({ id: z.uuid(), reason: z.string().trim().min(1).min(5).max(2000) });

/**
 * A later closing date. The end of evaluation and the results move with it when they would come
 * before it; either may also be given.
 */
export const extendDeadlineInput = z
  .object({ id: z.uuid(), closesAt: instant, evaluationEndsAt: instant.optional(), resultsAt: instant.optional() })
  .superRefine((value, ctx) => {
    if (value.evaluationEndsAt && value.evaluationEndsAt < value.closesAt) {
      ctx.addIssue({ code: "custom", message: "call.evaluationAfterClose", path: ["evaluationEndsAt"] });
    }
    if (value.resultsAt && value.resultsAt < (value.evaluationEndsAt ?? value.closesAt)) {
      ctx.addIssue({ code: "custom", message: "call.resultsAfterEvaluation", path: ["resultsAt"] });
    }
  });

export const CALL_BUCKETS = ["open", "upcoming", "past"] as const;
export type CallBucket = (typeof CALL_BUCKETS)[number];

export const listCallsInput = z
  .object({
    /** open: taking submissions; upcoming: approved, not open yet; past: closed, in evaluation or with results. */
    bucket: z.enum(CALL_BUCKETS).default("open"),
    sector: z.preprocess((v) => (v === "" ? undefined : v), z.enum(Sector).optional()),
    /** An organization's slug: calls it sponsors. */
    sponsor: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(80).optional()),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .default({ bucket: "open", limit: 20 });

export type CallFields = z.infer<typeof callFields>;
export type ProposeCallInput = z.infer<typeof proposeCallInput>;
export type UpdateCallInput = z.infer<typeof updateCallInput>;
export type ListCallsInput = z.infer<typeof listCallsInput>;
export type ExtendDeadlineInput = z.infer<typeof extendDeadlineInput>;
