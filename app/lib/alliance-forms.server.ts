/**
 * The alliance pages' forms, read with the procedures' own zod schemas (server/alliance/schemas.ts).
 * Two shapes differ from the procedures' because a page without JavaScript sends them otherwise:
 * entrepreneurs' emails come one per line in a textarea, and an answer's commitments come as
 * three fixed rows, of which the blank ones are ignored.
 */
import {
  commitmentFields,
  completeInput,
  createAllianceInput,
  createMilestoneInput,
  MAX_COMMITMENTS_PER_ANSWER,
  MAX_INVITATIONS,
  reportProgressInput,
  withdrawInput,
} from "../../server/alliance/schemas";
import { z } from "../../server/validation";
import type { FormSchema } from "./forms.server";

const EMAIL = z.email();

/** A textarea of emails, one per line (commas and spaces also separate), checked one by one. */
const emailLines = z
  .string()
  .max(MAX_INVITATIONS * 260)
  .default("")
  .transform((text) => text.split(/[\s,;]+/).filter(Boolean))
  .superRefine((emails, ctx) => {
    if (emails.some((email) => !EMAIL.safeParse(email).success)) ctx.addIssue({ code: "custom", message: "validation.email" });
  });

const invitations = {
  organizationIds: createAllianceInput.shape.organizationIds,
  emails: emailLines,
};

export const createForm = z.object({
  title: createAllianceInput.shape.title,
  purpose: createAllianceInput.shape.purpose,
  expectedOutcome: createAllianceInput.shape.expectedOutcome,
  ideaId: createAllianceInput.shape.ideaId,
  callId: createAllianceInput.shape.callId,
  organizationId: createAllianceInput.shape.organizationId,
  ...invitations,
});

const commitmentRow = z.object({
  kind: commitmentFields.shape.kind.optional(),
  quantity: z.number().int().optional(),
  description: z.string().trim().max(1000).optional(),
  publishAmount: z.boolean().default(false),
});
type CommitmentRow = z.output<typeof commitmentRow>;

const isBlank = (row: CommitmentRow) => row.kind === undefined && row.quantity === undefined && !row.description;

/**
 * The filled rows, each checked as the procedure will check it; errors keep the row's index so
 * they land next to its fields. None filled: the first row's kind says one is needed.
 */
const commitmentRows = z
  .array(commitmentRow)
  .max(MAX_COMMITMENTS_PER_ANSWER)
  .superRefine((rows, ctx) => {
    let filled = 0;
    rows.forEach((row, index) => {
      if (isBlank(row)) return;
      filled += 1;
      const checked = commitmentFields.safeParse(row);
      if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ ...issue, path: [index, ...issue.path] } as never);
    });
    if (filled === 0) ctx.addIssue({ code: "custom", message: "commitment.required", path: [0, "kind"] });
  })
  .transform((rows) => rows.filter((row) => !isBlank(row)).map((row) => commitmentFields.parse(row)));

const commitment = {
  kind: commitmentFields.shape.kind,
  quantity: commitmentFields.shape.quantity,
  description: commitmentFields.shape.description,
  publishAmount: commitmentFields.shape.publishAmount,
};

const partyId = z.uuid();

/** The forms of /alianzas/:id, by intent. */
export const ALLIANCE_FORMS = {
  answer: z.object({ intent: z.literal("answer"), partyId, commitments: commitmentRows }),
  decline: z.object({ intent: z.literal("decline"), partyId, reason: z.string().trim().max(1000).optional() }),
  addCommitment: z.object({ intent: z.literal("addCommitment"), partyId, ...commitment }),
  removeCommitment: z.object({ intent: z.literal("removeCommitment"), id: z.uuid() }),
  invite: z.object({ intent: z.literal("invite"), ...invitations }),
  milestone: createMilestoneInput.omit({ allianceId: true }).extend({ intent: z.literal("milestone") }),
  report: reportProgressInput.extend({ intent: z.literal("report") }),
  complete: completeInput.omit({ id: true }).extend({ intent: z.literal("complete") }),
  withdraw: withdrawInput.omit({ id: true }).extend({ intent: z.literal("withdraw") }),
} satisfies Record<string, FormSchema>;

export type AllianceIntent = keyof typeof ALLIANCE_FORMS;

/** What the page may check in the browser (required, lengths, ranges), per form. */
export const allianceConstraintSources = {
  commitment: z.object(commitment),
  milestone: ALLIANCE_FORMS.milestone,
  report: ALLIANCE_FORMS.report,
  withdraw: ALLIANCE_FORMS.withdraw,
};
