import type { DbClient } from "../db/client";
import type { OrganizationKind, VerificationStatus } from "../db/generated/enums";
import { PROFILE_FIELDS } from "../organization/profile";
import { countPendingVerifications, verificationQueue } from "../organization/verification";
import { AppError } from "../trpc/errors";
import type { QueueId } from "./schemas";

/** An organization whose owners asked the Secretariat to verify it. */
export interface OrganizationQueueItem {
  kind: "organization";
  id: string;
  slug: string;
  name: string;
  organizationKind: OrganizationKind;
  nit: string | null;
  /** When verification was requested: the age shown, and the order. */
  waitingSince: Date;
}

/**
 * The verification queue of /moderacion, oldest request first. It has no sector filter: an
 * organization spans several sectors and the queue stays short.
 */
export const organizationQueue = {
  id: "organizations" as const satisfies QueueId,
  titleKey: "orgVerify.queue",
  filters: [] as const,
  count: (db: DbClient) => countPendingVerifications(db),
  async list(db: DbClient, { after, take }: { after: { at: Date; id: string } | null; take: number }): Promise<OrganizationQueueItem[]> {
    const rows = await verificationQueue(db, { take, after });
    return rows.map((row) => ({
      kind: "organization",
      id: row.id,
      slug: row.slug,
      name: row.name,
      organizationKind: row.kind as OrganizationKind,
      nit: row.nit,
      waitingSince: row.requestedAt,
    }));
  },
};

/** What the Secretariat reviews before verifying: the profile as the owners wrote it, and who owns it. */
export async function organizationForReview(db: DbClient, id: string) {
  const organization = await db.organization.findUnique({
    where: { id },
    select: {
      ...PROFILE_FIELDS,
      verificationRequestedAt: true,
      members: { where: { role: "OWNER" }, select: { user: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!organization) throw new AppError("NOT_FOUND", "organization.notFound");
  const { members, ...profile } = organization;
  return { ...profile, verification: profile.verification as VerificationStatus, owners: members.map((m) => m.user) };
}
