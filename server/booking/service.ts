/**
 * Bookings of spaces. The rules (hours, closures, holidays, lead time, horizon, duration,
 * granularity, capacity, role, quotas) are checked here with specific messages; that no two live
 * bookings of a space overlap is PostgreSQL's own guarantee (the exclusion constraint
 * "Booking_no_overlap", docs/decisions/018-bookings.md): the losing insert of a race inserts
 * nothing (ON CONFLICT DO NOTHING, which arbitrates on the constraint after waiting for the
 * winner) and becomes a 409 with the nearest free alternatives.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Actor } from "../authz/actor";
import { can } from "../authz/policy";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import type { BookingStatus } from "../db/generated/enums";
import { retryOnConflict } from "../db/errors";
import type { Locale } from "../i18n/locale";
import { translate, type MessageParams } from "../i18n/messages";
import { AppError, fieldError } from "../trpc/errors";
import { spaceWithCalendar } from "./centers";
import { freeSlots, nearestSlots, slotProblem, type BlockedRange, type CenterCalendar, type SpaceRules, type Violation } from "./rules";
import type { CreateBookingInput, CreateSeriesInput } from "./schemas";
import { addDays, daysBetween, formatDate, formatInstant, instantAt, localParts, TIME_ZONE, weekStart } from "./time";

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
