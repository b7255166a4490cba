import { emailSchema } from "../auth/schemas";
import { z } from "../validation";

/** Invitations and accepted co-authors an idea may have at once (declined ones do not count). */
export const MAX_COAUTHORS = 10;

export const inviteCoauthorInput = z.object({ ideaId: z.uuid(), email: emailSchema });

export const respondInvitationInput = z.object({ ideaId: z.uuid(), accept: z.boolean() });

export const removeCoauthorInput = z.object({ ideaId: z.uuid(), userId: z.uuid() });

export const leaveIdeaInput = z.object({ ideaId: z.uuid() });

export type InviteCoauthorInput = z.infer<typeof inviteCoauthorInput>;
