/**
 * Bookings of spaces. The rules (hours, closures, holidays, lead time, horizon, duration,
 * granularity, capacity, role, quotas) are checked here with specific messages; that no two live
 * bookings of a space overlap is PostgreSQL's own guarantee (the exclusion constraint
 * "Booking_no_overlap", docs/decisions/018-bookings.md): the losing insert of a race inserts
 * nothing (ON CONFLICT DO NOTHING, which arbitrates on the constraint after waiting for the
 * winner) and becomes a 409 with the nearest free alternatives.
 */
import { randomBytes, randomUUID } from "node:crypto";
import QRCode from "qrcode";
import type { Actor } from "../authz/actor";
import { recordAudit } from "../audit/service";
import { authorize, can } from "../authz/policy";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import type { BookingStatus } from "../db/generated/enums";
import { retryOnConflict } from "../db/errors";
import type { Locale } from "../i18n/locale";
import { translate, type MessageParams } from "../i18n/messages";
import { AppError, fieldError } from "../trpc/errors";
import { spaceWithCalendar } from "./centers";
import { EXPIRED_UNDECIDED_REASON, notifyBookingCancelled, notifyBookingDecision, notifyBookingsExpired, notifyNoShows } from "./notify";
import { freeSlots, nearestSlots, slotProblem, type BlockedRange, type CenterCalendar, type SpaceRules, type Violation } from "./rules";
import type { CreateBookingInput, CreateSeriesInput } from "./schemas";
import { addDays, daysBetween, formatDate, formatInstant, instantAt, localParts, TIME_ZONE, weekStart } from "./time";

/** Check-in opens this long before the start. */
export const CHECK_IN_OPENS_MINUTES = 15;
const MINUTE = 60_000;

/** The database clock (cocrea_now(): now() plus the tests' offset). */
export async function databaseNow(db: DbClient): Promise<Date> {
  const [row] = await queryRows<{ now: Date }>(db, Prisma.sql`SELECT cocrea_now() AS "now"`);
  return row!.now;
}

const iso = (at: Date) => at.toISOString();

/** Dates in a rule's message as people read them, in the caller's language. */
function localized(params: MessageParams | undefined, locale: Locale): MessageParams {
  const out: MessageParams = { ...params };
  for (const key of ["date", "from", "to", "week"]) {
    const value = out[key];
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) out[key] = formatDate(value, locale);
  }
  return out;
}

function violationError(violation: Violation, locale: Locale, field: string, code: "BAD_REQUEST" | "CONFLICT" = "BAD_REQUEST") {
  return fieldError(field, violation.key, localized(violation.params, locale), code);
}

function violationText(violation: Violation, locale: Locale): string {
  return translate(locale, violation.key, localized(violation.params, locale));
}

/** Live bookings' blocked ranges of a space that touch [from, to). */
async function takenRanges(db: DbClient, spaceId: string, from: Date, to: Date): Promise<BlockedRange[]> {
  const rows = await queryRows<{ from: Date; to: Date }>(
    db,
    Prisma.sql`SELECT lower("blockedRange") AS "from", upper("blockedRange") AS "to" FROM "Booking"
                WHERE "spaceId" = ${spaceId}::uuid AND "status" IN ('PENDING', 'CONFIRMED')
                  AND "blockedRange" && tstzrange(${iso(from)}::timestamptz, ${iso(to)}::timestamptz)`,
  );
  return rows;
}

async function loadSpace(db: DbClient, spaceId: string, fromDate: string) {
  const loaded = await spaceWithCalendar(db, spaceId, fromDate);
  if (!loaded) throw new AppError("NOT_FOUND", "space.notFound");
  return loaded;
}

export async function availabilityForSpace(db: DbClient, input: { spaceId: string; from?: string; to?: string; durationMinutes?: number }) {
  const now = await databaseNow(db);
  const today = localParts(now).date;
  const from = input.from ?? weekStart(today);
  const to = input.to ?? addDays(from, 6);
  if (daysBetween(from, to) > 30) throw fieldError("to", "booking.rangeTooLong");
  const { space, calendar } = await loadSpace(db, input.spaceId, from);
  const duration = input.durationMinutes ?? space.minDurationMinutes;
  if (duration % space.slotMinutes !== 0) throw fieldError("durationMinutes", "booking.granularity", { minutes: space.slotMinutes });
  if (duration < space.minDurationMinutes) throw fieldError("durationMinutes", "booking.tooShort", { minutes: space.minDurationMinutes });
  if (duration > space.maxDurationMinutes) throw fieldError("durationMinutes", "booking.tooLong", { minutes: space.maxDurationMinutes });
  const taken = space.active ? await takenRanges(db, space.id, instantAt(addDays(from, -1), 0), instantAt(addDays(to, 2), 0)) : [];
  const days = space.active ? freeSlots(space, calendar, taken, from, to, duration, now) : [];
  // What is booked each day (buffers included, never by whom), so a week view can tell booked from closed.
  const withBusy = days.map((day) => {
    const dayStart = instantAt(day.date, 0);
    const dayEnd = instantAt(addDays(day.date, 1), 0);
    return { ...day, busy: taken.filter((range) => range.from < dayEnd && dayStart < range.to).map((range) => ({ startsAt: range.from, endsAt: range.to })) };
  });
  return { spaceId: space.id, timeZone: TIME_ZONE, today, from, to, durationMinutes: duration, active: space.active, days: withBusy };
}

/** The 3 free slots of the same length nearest to the one that was lost, from a week around it. */
async function nearestAlternatives(db: DbClient, space: SpaceRules & { id: string }, calendar: CenterCalendar, start: Date, end: Date) {
  const date = localParts(start).date;
  const from = addDays(date, -3);
  const to = addDays(date, 7);
  const now = await databaseNow(db);
  const taken = await takenRanges(db, space.id, instantAt(addDays(from, -1), 0), instantAt(addDays(to, 2), 0));
  const duration = Math.round((end.getTime() - start.getTime()) / MINUTE);
  return nearestSlots(freeSlots(space, calendar, taken, from, to, duration, now), start, 3);
}

async function slotTakenError(db: DbClient, space: SpaceRules & { id: string }, calendar: CenterCalendar, start: Date, end: Date, locale: Locale) {
  const alternatives = await nearestAlternatives(db, space, calendar, start, end);
  if (alternatives.length === 0) return new AppError("CONFLICT", "booking.slotTakenNoAlternatives", {}, { startsAt: { key: "booking.slotTakenNoAlternatives" } });
  const list = alternatives.map((slot) => `${formatInstant(slot.startsAt, locale)}–${localTime(slot.endsAt)}`).join("; ");
  return new AppError("CONFLICT", "booking.slotTaken", { alternatives: list }, { startsAt: { key: "booking.slotTaken", params: { alternatives: list } } });
}

function localTime(at: Date): string {
  const minute = localParts(at).minute;
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
function checkInCode(): string {
  return Array.from(randomBytes(8), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join("");
}

interface NewBooking {
  spaceId: string;
  userId: string;
  organizationId: string | null;
  seriesId: string | null;
  startsAt: Date;
  endsAt: Date;
  bufferMinutes: number;
  status: "PENDING" | "CONFIRMED";
  purpose: string;
  attendees: number;
}

export interface BookingRow {
  id: string;
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  status: BookingStatus;
  seriesId: string | null;
}

/**
 * One INSERT; the blocked range is computed by PostgreSQL from the same values (a CHECK keeps
 * it so). With `skipOverlap`, an overlap inserts nothing (ON CONFLICT DO NOTHING also arbitrates
 * on exclusion constraints, after waiting for a concurrent insert to commit or roll back).
 */
async function insertBooking(db: DbClient, booking: NewBooking, skipOverlap: boolean): Promise<BookingRow | null> {
  const [row] = await queryRows<BookingRow>(
    db,
    Prisma.sql`
      INSERT INTO "Booking" ("id", "spaceId", "userId", "organizationId", "seriesId", "startsAt", "endsAt", "bufferMinutes",
                             "blockedRange", "status", "purpose", "attendees", "checkInCode", "updatedAt")
      VALUES (${randomUUID()}::uuid, ${booking.spaceId}::uuid, ${booking.userId}::uuid, ${booking.organizationId}::uuid, ${booking.seriesId}::uuid,
              ${iso(booking.startsAt)}::timestamptz, ${iso(booking.endsAt)}::timestamptz, ${booking.bufferMinutes}::int,
              tstzrange(${iso(booking.startsAt)}::timestamptz, ${iso(booking.endsAt)}::timestamptz + make_interval(mins => ${booking.bufferMinutes}::int), '[)'),
              ${booking.status}::"BookingStatus", ${booking.purpose}, ${booking.attendees}::int, ${checkInCode()}, now())
      ${skipOverlap ? Prisma.sql`ON CONFLICT DO NOTHING` : Prisma.empty}
      RETURNING "id", "spaceId", "startsAt", "endsAt", "status"::text AS "status", "seriesId"`,
  );
  return row ?? null;
}

type SpaceForBooking = Awaited<ReturnType<typeof loadSpace>>["space"];

/** Who may book what, before any time rule: role, organization, capacity, the space being open. */
function checkBooker(actor: Actor, space: SpaceForBooking, input: { organizationId?: string; attendees: number }) {
  if (!space.active) throw new AppError("CONFLICT", "space.inactive");
  if (!can(actor, "space.book", space)) throw new AppError("FORBIDDEN", "booking.roleNotAllowed");
  if (input.organizationId && !actor.memberships.has(input.organizationId)) throw fieldError("organizationId", "booking.notMember", {}, "FORBIDDEN");
  if (input.attendees > space.capacity) throw fieldError("attendees", "booking.capacity", { capacity: space.capacity });
}

const hasQuota = (space: SpaceForBooking, organizationId: string | null) => space.userWeeklyHours !== null || (organizationId !== null && space.orgWeeklyHours !== null);

/**
 * Serializes the quota checks of one person (and one organization) in a space: transaction-scoped
 * advisory locks, always user before organization, so two requests never hold them crosswise.
 */
async function lockQuotas(tx: DbClient, space: SpaceForBooking, userId: string, organizationId: string | null) {
  if (space.userWeeklyHours !== null) {
    await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${`booking-quota:${space.id}:user:${userId}`}, 0))`);
  }
  if (organizationId !== null && space.orgWeeklyHours !== null) {
    await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${`booking-quota:${space.id}:org:${organizationId}`}, 0))`);
  }
}

const hoursText = (minutes: number) => String(Math.round((Math.max(0, minutes) / 60) * 10) / 10);

/** The quota rule a booking of [start, end) breaks, read after the locks (a fresh snapshot). */
async function quotaProblem(tx: DbClient, space: SpaceForBooking, userId: string, organizationId: string | null, start: Date, end: Date): Promise<Violation | null> {
  const week = weekStart(localParts(start).date);
  const weekFrom = instantAt(week, 0);
  const weekTo = instantAt(addDays(week, 7), 0);
  const minutes = (end.getTime() - start.getTime()) / MINUTE;
  const used = async (column: Prisma.Sql, id: string) => {
    const [row] = await queryRows<{ minutes: number }>(
      tx,
      Prisma.sql`SELECT coalesce(sum(extract(epoch FROM ("endsAt" - "startsAt")) / 60), 0)::int AS "minutes" FROM "Booking"
                  WHERE "spaceId" = ${space.id}::uuid AND ${column} = ${id}::uuid
                    AND "status" IN ('PENDING', 'CONFIRMED', 'COMPLETED', 'NO_SHOW')
                    AND "startsAt" >= ${iso(weekFrom)}::timestamptz AND "startsAt" < ${iso(weekTo)}::timestamptz`,
    );
    return row?.minutes ?? 0;
  };
  if (space.userWeeklyHours !== null) {
    const already = await used(Prisma.sql`"userId"`, userId);
    if (already + minutes > space.userWeeklyHours * 60) {
      return { key: "booking.userQuota", params: { hours: space.userWeeklyHours, week, remaining: hoursText(space.userWeeklyHours * 60 - already) } };
    }
  }
  if (organizationId !== null && space.orgWeeklyHours !== null) {
    const already = await used(Prisma.sql`"organizationId"`, organizationId);
    if (already + minutes > space.orgWeeklyHours * 60) {
      return { key: "booking.orgQuota", params: { hours: space.orgWeeklyHours, week, remaining: hoursText(space.orgWeeklyHours * 60 - already) } };
    }
  }
  return null;
}

export async function createBooking(db: DbClient, actor: Actor, input: CreateBookingInput, locale: Locale): Promise<BookingRow> {
  const { space, calendar } = await loadSpace(db, input.spaceId, localParts(input.startsAt).date);
  checkBooker(actor, space, input);
  const problem = slotProblem(space, calendar, input.startsAt, input.endsAt, await databaseNow(db));
  if (problem) throw violationError(problem, locale, "startsAt");
  const organizationId = input.organizationId ?? null;
  const booking: NewBooking = {
    spaceId: space.id,
    userId: actor.id,
    organizationId,
    seriesId: null,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    bufferMinutes: space.bufferMinutes,
    status: space.requiresApproval ? "PENDING" : "CONFIRMED",
    purpose: input.purpose,
    attendees: input.attendees,
  };
  // ON CONFLICT DO NOTHING: the loser of a race inserts nothing (rather than raising 23P01), which
  // also spares PostgreSQL the deadlocks (40P01) that many raising inserts on one slot provoke.
  const created = hasQuota(space, organizationId)
    ? await inTransaction(db, async (tx) => {
        await lockQuotas(tx, space, actor.id, organizationId);
        const quota = await quotaProblem(tx, space, actor.id, organizationId, input.startsAt, input.endsAt);
        if (quota) throw violationError(quota, locale, "startsAt", "CONFLICT");
        return insertBooking(tx, booking, true);
      })
    : await insertBooking(db, booking, true);
  if (!created) throw await slotTakenError(db, space, calendar, input.startsAt, input.endsAt, locale);
  return created;
}

export interface SeriesResult {
  seriesId: string;
  created: BookingRow[];
  /** Dates left out (SKIP_CONFLICTS), each with the reason in the caller's language. */
  skipped: { date: string; startsAt: Date; reason: string }[];
}

/**
 * A weekly series: the same Bogotá time on `occurrences` consecutive weeks, in one transaction.
 * ALL_OR_NOTHING books every date or none (the first impossible date is named); SKIP_CONFLICTS
 * books the possible ones and lists the others with their reason.
 */
export async function createSeries(db: DbClient, actor: Actor, input: CreateSeriesInput, locale: Locale): Promise<SeriesResult> {
  const first = localParts(input.startsAt);
  const { space, calendar } = await loadSpace(db, input.spaceId, first.date);
  checkBooker(actor, space, input);
  const duration = Math.round((input.endsAt.getTime() - input.startsAt.getTime()) / MINUTE);
  const organizationId = input.organizationId ?? null;
  const dates = Array.from({ length: input.occurrences }, (_, week) => addDays(first.date, 7 * week));
  return retryOnConflict(() =>
    inTransaction(db, async (tx) => {
      const now = await databaseNow(tx);
      await lockQuotas(tx, space, actor.id, organizationId);
      const seriesId = randomUUID();
      const result: SeriesResult = { seriesId, created: [], skipped: [] };
      for (const date of dates) {
        const startsAt = instantAt(date, first.minute);
        const endsAt = instantAt(date, first.minute + duration);
        const problem =
          slotProblem(space, calendar, startsAt, endsAt, now) ??
          (hasQuota(space, organizationId) ? await quotaProblem(tx, space, actor.id, organizationId, startsAt, endsAt) : null);
        const row = problem
          ? null
          : await insertBooking(
              tx,
              {
                spaceId: space.id,
                userId: actor.id,
                organizationId,
                seriesId,
                startsAt,
                endsAt,
                bufferMinutes: space.bufferMinutes,
                status: space.requiresApproval ? "PENDING" : "CONFIRMED",
                purpose: input.purpose,
                attendees: input.attendees,
              },
              true,
            );
        if (row) {
          result.created.push(row);
          continue;
        }
        const reason = violationText(problem ?? { key: "booking.seriesConflict" }, locale);
        if (input.mode === "ALL_OR_NOTHING") {
          throw new AppError("CONFLICT", "booking.seriesFailed", { date: formatDate(date, locale), reason });
        }
        result.skipped.push({ date, startsAt, reason });
      }
      return result;
    }),
  );
}

const bookingSelect = {
  id: true,
  userId: true,
  spaceId: true,
  organizationId: true,
  seriesId: true,
  startsAt: true,
  endsAt: true,
  status: true,
  purpose: true,
  attendees: true,
  checkedInAt: true,
  statusReason: true,
  createdAt: true,
  space: { select: { id: true, name: true, kind: true, center: { select: { id: true, name: true, address: true } } } },
  user: { select: { id: true, name: true } },
  organization: { select: { id: true, name: true } },
} as const;

async function visibleBooking(db: DbClient, actor: Actor | null, id: string, action: "booking.view" | "booking.cancel" | "booking.checkIn" = "booking.view") {
  const booking = await db.booking.findUnique({ where: { id }, select: { ...bookingSelect, checkInCode: true } });
  if (!booking) throw new AppError("NOT_FOUND", "booking.notFound");
  authorize(actor, "booking.view", booking, { hideAs: "booking.notFound" });
  authorize(actor, action, booking);
  return booking;
}

/** A booking, with what the caller may do with it now (the same conditions the mutations check). */
export async function bookingDetail(db: DbClient, actor: Actor, id: string) {
  const { checkInCode: _code, ...booking } = await visibleBooking(db, actor, id);
  const now = await databaseNow(db);
  const own = booking.userId === actor.id;
  return {
    ...booking,
    cancellable: isLive(booking.status) && (own ? booking.startsAt > now : booking.endsAt > now),
    decidable: booking.status === "PENDING" && booking.startsAt > now && can(actor, "booking.decide", null),
  };
}

/** The caller's bookings, each saying whether its booker may still cancel it (live, not started). */
export async function myBookings(db: DbClient, actor: Actor, scope: "upcoming" | "past") {
  const now = await databaseNow(db);
  const bookings = await db.booking.findMany({
    where: { userId: actor.id, ...(scope === "upcoming" ? { endsAt: { gt: now } } : { endsAt: { lte: now } }) },
    orderBy: { startsAt: scope === "upcoming" ? "asc" : "desc" },
    take: 100,
    select: bookingSelect,
  });
  return bookings.map((booking) => ({ ...booking, cancellable: isLive(booking.status) && booking.startsAt > now }));
}

const isLive = (status: BookingStatus) => status === "PENDING" || status === "CONFIRMED";

export async function pendingBookings(db: DbClient, spaceId?: string) {
  return db.booking.findMany({
    where: { status: "PENDING", ...(spaceId ? { spaceId } : {}) },
    orderBy: { startsAt: "asc" },
    take: 200,
    select: bookingSelect,
  });
}

type StatusRow = { id: string; status: BookingStatus };

/**
 * The booker cancels a live booking until it starts; the Secretariat cancels any live booking
 * until it ends, with a reason that goes to the audit log. One guarded UPDATE decides.
 */
export async function cancelBooking(db: DbClient, actor: Actor, input: { id: string; reason?: string }) {
  const booking = await visibleBooking(db, actor, input.id, "booking.cancel");
  const own = booking.userId === actor.id;
  if (!own && (input.reason?.length ?? 0) < 3) throw fieldError("reason", "validation.required");
  return inTransaction(db, async (tx) => {
    const [row] = await queryRows<StatusRow>(
      tx,
      Prisma.sql`UPDATE "Booking" SET "status" = 'CANCELLED', "statusReason" = ${input.reason ?? null}, "updatedAt" = now(),
                        "decidedById" = ${own ? null : actor.id}::uuid, "decidedAt" = ${own ? null : Prisma.sql`cocrea_now()`}
                  WHERE "id" = ${input.id}::uuid AND "status" IN ('PENDING', 'CONFIRMED')
                    AND ${own ? Prisma.sql`"startsAt"` : Prisma.sql`"endsAt"`} > cocrea_now()
                  RETURNING "id", "status"::text AS "status"`,
    );
    if (!row) throw new AppError("CONFLICT", "booking.notCancellable");
    if (!own) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "booking.cancel",
        subjectType: "Booking",
        subjectId: input.id,
        reason: input.reason,
        before: { status: booking.status },
        after: { status: "CANCELLED" },
      });
      await notifyBookingCancelled(tx, { bookingId: input.id, actorId: actor.id });
    }
    return row;
  });
}

/** The Secretariat approves (CONFIRMED) or rejects (with a reason) a pending booking before it starts (after that the sweep expires it), audited. */
export async function decideBooking(db: DbClient, actor: Actor, input: { id: string; decision: "approve" | "reject"; reason?: string }) {
  return inTransaction(db, async (tx) => {
    const status = input.decision === "approve" ? "CONFIRMED" : "REJECTED";
    const [row] = await queryRows<StatusRow>(
      tx,
      Prisma.sql`UPDATE "Booking" SET "status" = ${status}::"BookingStatus", "statusReason" = ${input.reason ?? null},
                        "decidedById" = ${actor.id}::uuid, "decidedAt" = cocrea_now(), "updatedAt" = now()
                  WHERE "id" = ${input.id}::uuid AND "status" = 'PENDING' AND "startsAt" > cocrea_now()
                  RETURNING "id", "status"::text AS "status"`,
    );
    if (!row) {
      const exists = await tx.booking.findUnique({ where: { id: input.id }, select: { id: true } });
      throw new AppError(exists ? "CONFLICT" : "NOT_FOUND", exists ? "booking.notPending" : "booking.notFound");
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: `booking.${input.decision}`,
      subjectType: "Booking",
      subjectId: input.id,
      reason: input.reason,
      before: { status: "PENDING" },
      after: { status },
    });
    await notifyBookingDecision(tx, { bookingId: input.id, actorId: actor.id, decision: input.decision });
    return row;
  });
}

/** The check-in pass of a booking: its short code and a QR code (SVG) of it, valid from 15 minutes before the start. */
export async function checkInPass(db: DbClient, actor: Actor, id: string, options: { noShowMinutes: number; publicUrl?: string }) {
  const booking = await visibleBooking(db, actor, id);
  const payload = options.publicUrl ? new URL(`/reservas/llegada/${booking.checkInCode}`, options.publicUrl).href : booking.checkInCode;
  const qrSvg = await QRCode.toString(payload, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  const validFrom = new Date(booking.startsAt.getTime() - CHECK_IN_OPENS_MINUTES * MINUTE);
  const validUntil = new Date(Math.min(booking.endsAt.getTime(), booking.startsAt.getTime() + options.noShowMinutes * MINUTE));
  const now = await databaseNow(db);
  return {
    code: booking.checkInCode,
    qrSvg,
    validFrom,
    validUntil,
    status: booking.status,
    checkedInAt: booking.checkedInAt,
    /** The same window checkIn accepts. */
    open: booking.status === "CONFIRMED" && booking.checkedInAt === null && now >= validFrom && now < validUntil,
  };
}

/**
 * Check-in with the code: the booker or the Secretariat, for a CONFIRMED booking, from 15
 * minutes before its start until it would be released as a no-show. One guarded UPDATE.
 */
export async function checkIn(db: DbClient, actor: Actor, code: string, noShowMinutes: number, locale: Locale) {
  const found = await db.booking.findUnique({ where: { checkInCode: code }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", "booking.codeNotFound");
  const booking = await visibleBooking(db, actor, found.id, "booking.checkIn");
  const [row] = await queryRows<{ id: string; checkedInAt: Date }>(
    db,
    Prisma.sql`UPDATE "Booking" SET "checkedInAt" = cocrea_now(), "updatedAt" = now()
                WHERE "id" = ${booking.id}::uuid AND "status" = 'CONFIRMED' AND "checkedInAt" IS NULL
                  AND cocrea_now() >= "startsAt" - make_interval(mins => ${CHECK_IN_OPENS_MINUTES}::int)
                  AND cocrea_now() < LEAST("endsAt", "startsAt" + make_interval(mins => ${noShowMinutes}::int))
                RETURNING "id", "checkedInAt"`,
  );
  if (row) return { id: row.id, checkedInAt: row.checkedInAt };
  const current = await db.booking.findUniqueOrThrow({ where: { id: booking.id }, select: { status: true, checkedInAt: true, startsAt: true } });
  if (current.checkedInAt) throw new AppError("CONFLICT", "booking.alreadyCheckedIn");
  if (current.status === "PENDING") throw new AppError("CONFLICT", "booking.checkInNotConfirmed");
  if (current.status === "CONFIRMED" && (await databaseNow(db)) < new Date(current.startsAt.getTime() - CHECK_IN_OPENS_MINUTES * MINUTE)) {
    throw new AppError("CONFLICT", "booking.checkInTooEarly", { time: formatInstant(new Date(current.startsAt.getTime() - CHECK_IN_OPENS_MINUTES * MINUTE), locale) });
  }
  throw new AppError("CONFLICT", "booking.checkInClosed");
}

/**
 * The booking sweep (a graphile-worker cron, server/booking/jobs.ts), against the database clock:
 * CONFIRMED bookings not checked in `noShowMinutes` after their start become NO_SHOW, which frees
 * the rest of their time; checked-in bookings that ended become COMPLETED; PENDING bookings nobody
 * decided before their start become REJECTED (EXPIRED_UNDECIDED_REASON), so they stop counting
 * against quotas. One statement, then one notification statement per kind, in one transaction:
 * the bookers of released and expired bookings are told with the change or not at all.
 */
export async function releaseNoShows(db: DbClient, noShowMinutes: number): Promise<{ released: number; completed: number; expired: number }> {
  return inTransaction(db, async (tx) => {
    const [row] = await queryRows<{ released: string[]; completed: number; expired: string[] }>(
      tx,
      Prisma.sql`
        WITH released AS (
          UPDATE "Booking" SET "status" = 'NO_SHOW', "updatedAt" = now()
           WHERE "status" = 'CONFIRMED' AND "checkedInAt" IS NULL
             AND "startsAt" + make_interval(mins => ${noShowMinutes}::int) <= cocrea_now()
          RETURNING "id"
        ), completed AS (
          UPDATE "Booking" SET "status" = 'COMPLETED', "updatedAt" = now()
           WHERE "status" = 'CONFIRMED' AND "checkedInAt" IS NOT NULL AND "endsAt" <= cocrea_now()
          RETURNING 1
        ), expired AS (
          UPDATE "Booking" SET "status" = 'REJECTED', "statusReason" = ${EXPIRED_UNDECIDED_REASON}, "decidedAt" = cocrea_now(), "updatedAt" = now()
           WHERE "status" = 'PENDING' AND "startsAt" <= cocrea_now()
          RETURNING "id"
        )
        SELECT ARRAY(SELECT "id"::text FROM released) AS "released", (SELECT count(*) FROM completed)::int AS "completed",
               ARRAY(SELECT "id"::text FROM expired) AS "expired"`,
    );
    const released = row?.released ?? [];
    const expired = row?.expired ?? [];
    await notifyNoShows(tx, released);
    await notifyBookingsExpired(tx, expired);
    return { released: released.length, completed: row?.completed ?? 0, expired: expired.length };
  });
}
