import { Role, SpaceKind } from "../db/generated/enums";
import { z } from "../validation";
import { isDate } from "./time";

const text = (max: number) => z.string().trim().max(max);
/** A Bogotá calendar date, "YYYY-MM-DD". */
export const dateField = z.string().trim().max(10).refine(isDate, { message: "validation.invalid" });
/** An instant with its offset (ISO 8601), e.g. "2026-12-09T10:00:00-05:00"; stored in UTC. */
const instant = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, {
  message: "validation.invalid",
});

const hoursRange = z
  .object({
    weekday: z.number().int().min(1).max(7),
    opensMinute: z.number().int().min(0).max(1439),
    closesMinute: z.number().int().min(1).max(1440),
  })
  .refine((h) => h.opensMinute < h.closesMinute, { message: "validation.invalid", path: ["closesMinute"] });

export const centerFields = z.object({
  name: text(160).min(3),
  address: text(300).min(5),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  description: text(3000).default(""),
  hours: z
    .array(hoursRange)
    .max(50)
    .superRefine((hours, ctx) => {
      const sorted = [...hours].sort((a, b) => a.weekday - b.weekday || a.opensMinute - b.opensMinute);
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i]!.weekday === sorted[i - 1]!.weekday && sorted[i]!.opensMinute < sorted[i - 1]!.closesMinute) {
          ctx.addIssue({ code: "custom", message: "center.hoursOverlap" });
          return;
        }
      }
    }),
});
export const updateCenterInput = centerFields.extend({ id: z.uuid() });
export const idInput = z.object({ id: z.uuid() });

export const closureInput = z
  .object({ centerId: z.uuid(), startsOn: dateField, endsOn: dateField, reason: text(300).min(3) })
  .refine((c) => c.startsOn <= c.endsOn, { message: "validation.invalid", path: ["endsOn"] });

export const spaceFields = z
  .object({
    centerId: z.uuid(),
    name: text(160).min(3),
    kind: z.enum(SpaceKind),
    capacity: z.number().int().min(1).max(5000),
    amenities: z.array(text(80).min(1)).max(30).default([]),
    accessibilityNotes: text(2000).default(""),
    description: text(3000).default(""),
    slotMinutes: z.number().int().min(5).max(240).default(30),
    minDurationMinutes: z.number().int().min(5).max(1440).default(30),
    maxDurationMinutes: z.number().int().min(5).max(1440).default(240),
    minLeadMinutes: z.number().int().min(0).max(43_200).default(60),
    maxHorizonDays: z.number().int().min(1).max(366).default(60),
    bufferMinutes: z.number().int().min(0).max(240).default(0),
    requiresApproval: z.boolean().default(false),
    allowedRoles: z.array(z.enum(Role)).max(4).default([]),
    userWeeklyHours: z.number().int().min(1).max(168).nullable().default(null),
    orgWeeklyHours: z.number().int().min(1).max(168).nullable().default(null),
    active: z.boolean().default(true),
  })
  .refine((s) => s.minDurationMinutes >= s.slotMinutes && s.minDurationMinutes <= s.maxDurationMinutes, {
    message: "space.durationRange",
    path: ["minDurationMinutes"],
  });
export const updateSpaceInput = z.intersection(spaceFields, z.object({ id: z.uuid() }));

export const listSpacesInput = z
  .object({
    centerId: z.uuid().optional(),
    kind: z.enum(SpaceKind).optional(),
    minCapacity: z.number().int().min(1).max(5000).optional(),
    amenity: text(80).min(1).optional(),
    /** Only spaces bookable from this instant for `freeMinutes`. */
    freeAt: instant.optional(),
    freeMinutes: z.number().int().min(5).max(1440).default(60),
  })
  .default({ freeMinutes: 60 });

export const availabilityInput = z
  .object({
    spaceId: z.uuid(),
    /** Default: the Monday of this week (Bogotá, by the database clock). */
    from: dateField.optional(),
    /** Default: six days after `from` (a week). */
    to: dateField.optional(),
    /** Default: the space's minimum duration. */
    durationMinutes: z.number().int().min(5).max(1440).optional(),
  })
  .refine((a) => !a.from || !a.to || a.from <= a.to, { message: "validation.invalid", path: ["to"] })
  .refine((a) => a.from || !a.to, { message: "validation.required", path: ["from"] });

const bookingFields = {
  spaceId: z.uuid(),
  startsAt: instant,
  endsAt: instant,
  purpose: text(500).min(5),
  attendees: z.number().int().min(1).max(5000),
  /** Books on behalf of (and counts against the weekly quota of) an organization the booker belongs to. */
  organizationId: z.uuid().optional(),
};
export const createBookingInput = z.object(bookingFields);
export type CreateBookingInput = z.infer<typeof createBookingInput>;

export const createSeriesInput = z.object({
  ...bookingFields,
  /** The first occurrence is startsAt..endsAt; the others, the same Bogotá time each following week. */
  occurrences: z.number().int().min(2).max(12),
  mode: z.enum(["ALL_OR_NOTHING", "SKIP_CONFLICTS"]),
});
export type CreateSeriesInput = z.infer<typeof createSeriesInput>;

export const cancelInput = z.object({ id: z.uuid(), reason: text(2000).optional() });
export const decideInput = z
  .object({ id: z.uuid(), decision: z.enum(["approve", "reject"]), reason: text(2000).optional() })
  .refine((d) => d.decision === "approve" || (d.reason?.length ?? 0) >= 3, { message: "validation.required", path: ["reason"] });
export const checkInInput = z.object({ code: z.string().trim().toUpperCase().min(4).max(12).regex(/^[A-Z0-9]+$/) });
export const myBookingsInput = z.object({ scope: z.enum(["upcoming", "past"]).default("upcoming") }).default({ scope: "upcoming" });
export const pendingInput = z.object({ spaceId: z.uuid().optional() }).default({});
export const spaceBookingsInput = z
  .object({ spaceId: z.uuid(), from: dateField, to: dateField })
  .refine((r) => r.from <= r.to, { message: "validation.invalid", path: ["to"] });

/** A photo's description for screen readers; blank or too long is the same clear message. */
export const photoAlt = z.string().trim().min(3, { message: "photo.altLength" }).max(200, { message: "photo.altLength" });
export const addCenterPhotoInput = z.object({ centerId: z.uuid(), fileId: z.uuid(), alt: photoAlt });
export const addSpacePhotoInput = z.object({ spaceId: z.uuid(), fileId: z.uuid(), alt: photoAlt });
export const removeCenterPhotoInput = z.object({ centerId: z.uuid(), photoId: z.uuid() });
export const removeSpacePhotoInput = z.object({ spaceId: z.uuid(), photoId: z.uuid() });
