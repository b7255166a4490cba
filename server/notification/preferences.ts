/** Per kind, how a person wants its emails; the in-app notification is always written. */
import { Prisma, type DbClient } from "../db/client";
import type { EmailDelivery, NotificationKind } from "../db/generated/enums";
import { NOTIFICATION_KINDS, type PreferencesInput } from "./schemas";

export const DEFAULT_DELIVERY: EmailDelivery = "IMMEDIATE";

/** Every kind, in a fixed order, with the person's choice or the default. */
export async function getPreferences(db: DbClient, userId: string): Promise<{ kind: NotificationKind; delivery: EmailDelivery }[]> {
  const rows = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, delivery: true } });
  const chosen = new Map(rows.map((r) => [r.kind, r.delivery]));
  return NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: chosen.get(kind) ?? DEFAULT_DELIVERY }));
}

/** Saves the given kinds (one statement); others keep their value. */
export async function setPreferences(db: DbClient, userId: string, input: PreferencesInput) {
  const unique = new Map(input.preferences.map((p) => [p.kind, p.delivery]));
  if (unique.size > 0) {
    const values = [...unique].map(([kind, delivery]) => Prisma.sql`(${userId}::uuid, ${kind}::"NotificationKind", ${delivery}::"EmailDelivery")`);
    await db.$executeRaw(Prisma.sql`
      INSERT INTO "NotificationPreference" ("userId", "kind", "delivery") VALUES ${Prisma.join(values)}
      ON CONFLICT ("userId", "kind") DO UPDATE SET "delivery" = EXCLUDED."delivery"`);
  }
  return getPreferences(db, userId);
}

/** The one-click unsubscribe: that kind's emails stop (the in-app notifications stay). */
export async function unsubscribeKind(db: DbClient, userId: string, kind: NotificationKind) {
  await setPreferences(db, userId, { preferences: [{ kind, delivery: "NONE" }] });
}
