import { MembershipRole, OfferKind, OrganizationKind, Sector } from "../db/generated/enums";
import { z } from "../validation";
import { parseNit } from "./nit";

const optionalText = (max: number) => z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(max).optional());

/** A NIT as people write it, normalized ("900.123.456-7" → "900123456-7"); a wrong digit is a field error. */
export const nitField = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z
    .string()
    .max(30)
    .transform((value, ctx) => {
      const parsed = parseNit(value);
      if (parsed.ok) return parsed.nit;
      ctx.addIssue({ code: "custom", message: parsed.problem === "checkDigit" ? "organization.nitCheckDigit" : "organization.nitFormat" });
      return z.NEVER;
    })
    .optional(),
);

export const organizationProfile = z.object({
  name: z.string().trim().min(1).min(3).max(160),
  kind: z.enum(OrganizationKind),
  nit: nitField,
  city: z.string().trim().min(1).max(80),
  sectors: z.array(z.enum(Sector)).min(1).max(5),
  description: z.string().trim().min(1).min(20).max(3000),
  website: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^https?$/ }).max(300).optional()),
  contactEmail: z.preprocess((v) => (v === "" ? undefined : v), z.email().max(254).optional()),
});

export const organizationId = z.object({ id: z.uuid() });
export const updateOrganizationInput = organizationProfile.extend({ id: z.uuid() });

export const listOrganizationsInput = z
  .object({
    q: z.string().trim().max(100).optional(),
    kind: z.enum(OrganizationKind).optional(),
    sector: z.enum(Sector).optional(),
    verified: z.boolean().optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .default({ limit: 20 });

export const bySlugInput = z.object({ slug: z.string().trim().min(1).max(80) });

export const verificationDecisionInput = z.object({
  id: z.uuid(),
  decision: z.enum(["verify", "reject"]),
  reason: optionalText(2000),
});

export const offerInput = z.object({
  organizationId: z.uuid(),
  kind: z.enum(OfferKind),
  title: z.string().trim().min(1).min(3).max(140),
  description: z.string().trim().min(1).min(10).max(2000),
});
export const offerIdInput = z.object({ organizationId: z.uuid(), offerId: z.uuid() });
export const logoInput = z.object({ id: z.uuid(), fileId: z.uuid().nullable() });

export const inviteMemberInput = z.object({ organizationId: z.uuid(), email: z.email().max(254) });
export const joinRequestInput = z.object({ organizationId: z.uuid(), message: optionalText(1000) });
export const respondRequestInput = z.object({ requestId: z.uuid(), accept: z.boolean() });
export const memberInput = z.object({ organizationId: z.uuid(), userId: z.uuid() });
export const setRoleInput = memberInput.extend({ role: z.enum(MembershipRole) });
export const leaveInput = z.object({ organizationId: z.uuid() });
export const listedInput = z.object({ organizationId: z.uuid(), listed: z.boolean() });

export type OrganizationProfile = z.infer<typeof organizationProfile>;
export type ListOrganizationsInput = z.infer<typeof listOrganizationsInput>;
