import { AllianceSector, AllianceStatus, CommitmentKind } from "../db/generated/enums";
import { dateField } from "../booking/schemas";
import { z } from "../validation";

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => z.preprocess((v) => (v === "" || v === null ? undefined : v), text(max).optional());
const optionalUuid = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid().optional());

/** Parties invited at once (organizations and people together). */
export const MAX_INVITATIONS = 10;
export const MAX_COMMITMENTS_PER_ANSWER = 10;
/** Pesos for FUNDING_COP; hours, units or datasets for the other kinds. */
export const MAX_FUNDING_COP = 1_000_000_000_000;
export const MAX_QUANTITY = 100_000;

const invitations = {
  organizationIds: z.array(z.uuid()).max(MAX_INVITATIONS).default([]),
  /** People in their own name (entrepreneurs), by the email of their account. */
  emails: z.array(z.email().max(254).transform((e) => e.trim().toLowerCase())).max(MAX_INVITATIONS).default([]),
};
const someone = (value: { organizationIds: string[]; emails: string[] }) => value.organizationIds.length + value.emails.length > 0;
const notTooMany = (value: { organizationIds: string[]; emails: string[] }) => value.organizationIds.length + value.emails.length <= MAX_INVITATIONS;

export const createAllianceInput = z
  .object({
    title: text(160).min(5),
    purpose: text(3000).min(20),
    expectedOutcome: text(3000).min(10),
    ideaId: optionalUuid,
    callId: optionalUuid,
    /** Proposed for an organization the caller owns (it becomes the proposing party). */
    organizationId: optionalUuid,
    ...invitations,
  })
  .refine((v) => v.ideaId !== undefined || v.callId !== undefined, { message: "alliance.subjectRequired", path: ["ideaId"] })
  .refine(someone, { message: "alliance.inviteSomeone", path: ["organizationIds"] })
  .refine(notTooMany, { message: "alliance.tooManyInvitations", path: ["organizationIds"] });

export const inviteInput = z
  .object({ allianceId: z.uuid(), ...invitations })
  .refine(someone, { message: "alliance.inviteSomeone", path: ["organizationIds"] })
  .refine(notTooMany, { message: "alliance.tooManyInvitations", path: ["organizationIds"] });

export const commitmentFields = z
  .object({
    kind: z.enum(CommitmentKind),
    quantity: z.number().int().min(1).max(MAX_FUNDING_COP),
    description: text(1000).min(5),
    /** Whether the public page may show the amount (parties and the Secretariat always see it). */
    publishAmount: z.boolean().default(false),
  })
  .refine((c) => c.kind === "FUNDING_COP" || c.quantity <= MAX_QUANTITY, { message: "commitment.quantityTooLarge", path: ["quantity"] });
export type CommitmentFields = z.infer<typeof commitmentFields>;

export const answerInput = z.discriminatedUnion("accept", [
  z.object({ partyId: z.uuid(), accept: z.literal(true), commitments: z.array(commitmentFields).min(1).max(MAX_COMMITMENTS_PER_ANSWER) }),
  z.object({ partyId: z.uuid(), accept: z.literal(false), reason: optionalText(1000) }),
]);
export type AnswerInput = z.infer<typeof answerInput>;

export const allianceIdInput = z.object({ id: z.uuid() });
export const completeInput = z.object({ id: z.uuid(), reason: optionalText(2000) });
export const withdrawInput = z.object({ id: z.uuid(), reason: text(2000).min(10) });

export const listAlliancesInput = z.object({
  status: z.enum([AllianceStatus.ACTIVE, AllianceStatus.COMPLETED, AllianceStatus.WITHDRAWN]).optional(),
  tripleHelix: z.boolean().optional(),
  /** Alliances with an accepted party of this sector. */
  sector: z.enum(AllianceSector).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
});
export const ideaAlliancesInput = z.object({ ideaId: z.uuid() });
export const callAlliancesInput = z.object({ callId: z.uuid() });

export const addCommitmentInput = commitmentFields.and(z.object({ partyId: z.uuid() }));
export const commitmentIdInput = z.object({ id: z.uuid() });

export const createMilestoneInput = z.object({
  allianceId: z.uuid(),
  ownerPartyId: z.uuid(),
  title: text(160).min(3),
  description: text(2000).default(""),
  /** A Bogotá calendar day, "YYYY-MM-DD". */
  dueDate: dateField,
});
export const reportProgressInput = z.object({
  milestoneId: z.uuid(),
  progress: z.number().int().min(0).max(100),
  done: z.boolean().default(false),
  note: text(2000).min(3),
});
