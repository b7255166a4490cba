import type { Actor } from "../authz/actor";
import { authorize } from "../authz/policy";
import { recordAudit } from "../audit/service";
import { inTransaction, Prisma, type DbClient } from "../db/client";
import { dbErrorInfo, withConstraintMessages } from "../db/errors";
import type { OrganizationKind } from "../db/generated/enums";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import { AppError } from "../trpc/errors";
import type { ListOrganizationsInput, OrganizationProfile } from "./schemas";

const NIT_MESSAGES = { Organization_nit_key: { key: "organization.nitTaken", field: "nit" } } as const;

/** Which kinds each account type may create: entrepreneurs found startups. */
const CREATABLE_KINDS: Record<string, readonly OrganizationKind[]> = {
  ENTREPRENEUR: ["STARTUP"],
  ACADEMIA: ["UNIVERSITY", "COMPANY", "PUBLIC_ENTITY", "NGO", "STARTUP"],
  COMPANY: ["UNIVERSITY", "COMPANY", "PUBLIC_ENTITY", "NGO", "STARTUP"],
};

/** The kinds of organization an account of `role` may create (the create form offers only these). */
export const creatableKinds = (role: string): readonly OrganizationKind[] => CREATABLE_KINDS[role] ?? [];

export function slugify(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return base || "organizacion";
}

/** Words of /organizaciones/<word> that are pages, not organizations: never a slug. */
const RESERVED_SLUGS = ["nueva"];

/** The first free "<slug>", "<slug>-2", "<slug>-3"… (the unique index settles races: the caller retries). */
async function freeSlug(db: DbClient, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await db.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((o) => o.slug),
  );
  for (const reserved of RESERVED_SLUGS) taken.add(reserved);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Creates the organization with its creator as OWNER, in one transaction. */
export async function createOrganization(db: DbClient, actor: Actor, profile: OrganizationProfile) {
  authorize(actor, "organization.create", null);
  const kinds = CREATABLE_KINDS[actor.role] ?? [];
  if (!kinds.includes(profile.kind)) {
    // Every account that may create one may create startups; only entrepreneurs are limited (to them).
    const allowed = { kind: kinds[0] ?? "STARTUP" };
    throw new AppError("FORBIDDEN", "organization.kindNotAllowed", allowed, {
      kind: { key: "organization.kindNotAllowed", params: allowed },
    });
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return await withConstraintMessages(
        () =>
          inTransaction(db, async (tx) => {
            const slug = await freeSlug(tx, profile.name);
            const organization = await tx.organization.create({ data: { ...profile, slug }, select: { id: true, slug: true } });
            await tx.membership.create({ data: { organizationId: organization.id, userId: actor.id, role: "OWNER" } });
            return organization;
          }),
        NIT_MESSAGES,
      );
    } catch (error) {
      // Two organizations with the same name at the same moment: the second takes the next slug.
      const info = dbErrorInfo(error);
      if (attempt < 3 && info?.constraint === "Organization_slug_key") continue;
      throw error;
    }
  }
}

/**
 * Saves an owner's profile changes. Changing the name or NIT of a verified (or pending)
 * organization sends it back to the Secretariat's verification queue.
 */
export async function updateOrganization(db: DbClient, actor: Actor, id: string, profile: OrganizationProfile) {
  authorize(actor, "organization.manage", { id });
  return withConstraintMessages(
    () =>
      inTransaction(db, async (tx) => {
        const current = await tx.organization.findUnique({ where: { id }, select: { name: true, nit: true, verification: true } });
        if (!current) throw new AppError("NOT_FOUND", "organization.notFound");
        const identityChanged = current.name !== profile.name || (current.nit ?? undefined) !== profile.nit;
        const reverify = identityChanged && (current.verification === "VERIFIED" || current.verification === "PENDING");
        await tx.organization.update({
          where: { id },
          data: {
            ...profile,
            nit: profile.nit ?? null,
            website: profile.website ?? null,
            contactEmail: profile.contactEmail ?? null,
            ...(reverify ? { verification: "PENDING", verifiedAt: null, verificationRequestedAt: new Date() } : {}),
          },
        });
        if (reverify && current.verification === "VERIFIED") {
          await recordAudit(tx, {
            actorId: actor.id,
            action: "organization.reverify",
            subjectType: "Organization",
            subjectId: id,
            reason: "Cambio de nombre o NIT de una organización verificada",
            before: { name: current.name, nit: current.nit, verification: current.verification },
            after: { name: profile.name, nit: profile.nit ?? null, verification: "PENDING" },
          });
        }
        return { reverify };
      }),
    NIT_MESSAGES,
  );
}

export interface OrganizationListRow {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  city: string;
  sectors: string[];
  verified: boolean;
  memberCount: number;
  logoFileId: string | null;
}

/** Organizations by name (accent-insensitive substring), kind, sector and verification; alphabetical, keyset paged. */
export async function listOrganizations(db: DbClient, input: ListOrganizationsInput) {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (input.q) conditions.push(Prisma.sql`cocrea_unaccent(lower(o."name")) LIKE '%' || cocrea_unaccent(lower(${input.q})) || '%'`);
  if (input.kind) conditions.push(Prisma.sql`o."kind" = ${input.kind}::"OrganizationKind"`);
  if (input.sector) conditions.push(Prisma.sql`${input.sector}::"Sector" = ANY(o."sectors")`);
  if (input.verified !== undefined) {
    conditions.push(input.verified ? Prisma.sql`o."verification" = 'VERIFIED'` : Prisma.sql`o."verification" <> 'VERIFIED'`);
  }
  // The keyset is (name, id); the cursor's time field is unused, so it carries the epoch.
  const after = input.cursor ? decodeCursor(input.cursor, { ranked: false }) : null;
  if (after) conditions.push(Prisma.sql`(o."name", o."id") > ((SELECT "name" FROM "Organization" WHERE "id" = ${after.id}::uuid), ${after.id}::uuid)`);
  const rows = await db.$queryRaw<OrganizationListRow[]>(Prisma.sql`
    SELECT o."id", o."slug", o."name", o."kind", o."city", o."sectors"::text[] AS "sectors",
           o."verification" = 'VERIFIED' AS "verified", o."logoFileId",
           (SELECT count(*)::int FROM "Membership" m WHERE m."organizationId" = o."id") AS "memberCount"
      FROM "Organization" o
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY o."name", o."id"
     LIMIT ${input.limit + 1}`);
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor({ at: new Date(0), id: last.id }) : null };
}

/** The profile as its owners wrote it, and where verification stands: every view of an organization starts here. */
export const PROFILE_FIELDS = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  nit: true,
  city: true,
  sectors: true,
  description: true,
  website: true,
  contactEmail: true,
  verification: true,
  verificationReason: true,
} as const;

/** The public profile: listed members, offers (ideas on its behalf come from idea.list). */
export async function organizationBySlug(db: DbClient, slug: string) {
  const organization = await db.organization.findUnique({
    where: { slug },
    select: {
      ...PROFILE_FIELDS,
      logoFileId: true,
      verifiedAt: true,
      createdAt: true,
      offers: { select: { id: true, kind: true, title: true, description: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      members: {
        select: { role: true, listed: true, userId: true, user: { select: { name: true } } },
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      },
    },
  });
  return organization;
}

/** Organizations the person belongs to, with their role (for "post on behalf of" and management). */
export async function myOrganizations(db: DbClient, userId: string) {
  const rows = await db.membership.findMany({
    where: { userId },
    select: { role: true, listed: true, organization: { select: { id: true, slug: true, name: true, kind: true, verification: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.map((row) => ({ ...row.organization, role: row.role, listed: row.listed }));
}

/** Sets (or clears) the logo: a PNG or JPEG the owner uploaded and has not attached elsewhere. */
export async function setLogo(db: DbClient, actor: Actor, id: string, fileId: string | null) {
  authorize(actor, "organization.manage", { id });
  if (fileId) {
    const file = await db.storedFile.findUnique({ where: { id: fileId }, select: { uploadedById: true, contentType: true, ideaId: true } });
    if (!file || file.uploadedById !== actor.id || file.ideaId || !["image/png", "image/jpeg"].includes(file.contentType)) {
      throw new AppError("BAD_REQUEST", "organization.logoNotImage", {}, { fileId: { key: "organization.logoNotImage" } });
    }
  }
  await withConstraintMessages(() => db.organization.update({ where: { id }, data: { logoFileId: fileId } }), {
    Organization_logoFileId_key: { key: "organization.logoNotImage", field: "fileId" },
  });
}

export async function addOffer(db: DbClient, actor: Actor, input: { organizationId: string; kind: string; title: string; description: string }) {
  authorize(actor, "organization.manage", { id: input.organizationId });
  return db.organizationOffer.create({
    data: { organizationId: input.organizationId, kind: input.kind as never, title: input.title, description: input.description },
    select: { id: true, kind: true, title: true, description: true },
  });
}

export async function removeOffer(db: DbClient, actor: Actor, input: { organizationId: string; offerId: string }) {
  authorize(actor, "organization.manage", { id: input.organizationId });
  const { count } = await db.organizationOffer.deleteMany({ where: { id: input.offerId, organizationId: input.organizationId } });
  if (count === 0) throw new AppError("NOT_FOUND", "organization.offerNotFound");
}
