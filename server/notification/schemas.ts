import { EmailDelivery, NotificationKind } from "../db/generated/enums";
import { z } from "../validation";

export const NOTIFICATION_KINDS = Object.values(NotificationKind);
export const EMAIL_DELIVERIES = Object.values(EmailDelivery);

export const followInput = z.object({ ideaId: z.uuid() });

export const listNotificationsInput = z.object({
  /** "unreadFirst": unread ones (newest first), then read ones (newest first). */
  order: z.enum(["newest", "unreadFirst"]).default("unreadFirst"),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

export const markReadInput = z.object({ id: z.uuid() });

/** Kinds left out keep what they had (IMMEDIATE when never set). */
export const preferencesInput = z.object({
  preferences: z.array(z.object({ kind: z.enum(NotificationKind), delivery: z.enum(EmailDelivery) })).max(NOTIFICATION_KINDS.length),
});

export type ListNotificationsInput = z.infer<typeof listNotificationsInput>;
export type PreferencesInput = z.infer<typeof preferencesInput>;
