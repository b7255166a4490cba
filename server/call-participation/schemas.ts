import { CallParticipationRole } from "../db/generated/enums";
import { z } from "../validation";

const optionalText = (max: number) => z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(max).optional());

/** An organization's owner asks to take part in a call, or the Secretariat invites an organization. */
export const participationInput = z.object({
  callId: z.uuid(),
  organizationId: z.uuid(),
  role: z.enum(CallParticipationRole),
  message: optionalText(1000),
});

export const decideParticipationInput = z.object({ id: z.uuid(), accept: z.boolean() });
export const participationIdInput = z.object({ id: z.uuid() });
export const callIdInput = z.object({ callId: z.uuid() });
export const organizationIdInput = z.object({ organizationId: z.uuid() });

/**
 * A juror: a member of an organization accepted as JURY in the call (organizationId given), or any
 * person with an account, by email (organizationId unset).
 */
export const assignJurorInput = z.object({
  callId: z.uuid(),
  email: z.email().max(254).transform((email) => email.trim().toLowerCase()),
  organizationId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
});
export const removeJurorInput = z.object({ callId: z.uuid(), userId: z.uuid() });

export type ParticipationInput = z.infer<typeof participationInput>;
export type AssignJurorInput = z.infer<typeof assignJurorInput>;
