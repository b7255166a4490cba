/**
 * What happens to a booking after it is made: reading it (the booker, the Secretariat), cancelling,
 * the Secretariat's decision, the arrival pass and check-in, and the sweep that releases no-shows
 * and expires undecided requests. Each change is one guarded UPDATE against the database clock.
 */
import QRCode from "qrcode";
import type { Actor } from "../authz/actor";
import { recordAudit } from "../audit/service";
import { authorize, can } from "../authz/policy";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import type { BookingStatus } from "../db/generated/enums";
import type { Locale } from "../i18n/locale";
import { AppError, fieldError } from "../trpc/errors";
import { EXPIRED_UNDECIDED_REASON, notifyBookingCancelled, notifyBookingDecision, notifyBookingsExpired, notifyNoShows } from "./notify";
import { databaseNow } from "./service";
import { addDays, daysBetween, formatInstant, instantAt } from "./time";

/** Check-in opens this long before the start. */
export const CHECK_IN_OPENS_MINUTES = 15;
const MINUTE = 60_000;

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

/** Live bookings of a space from one Bogotá date to another (≤ 31 days), soonest first. */
export async function spaceBookings(db: DbClient, input: { spaceId: string; from: string; to: string }) {
  if (daysBetween(input.from, input.to) > 30) throw fieldError("to", "booking.rangeTooLong");
  return db.booking.findMany({
    where: {
      spaceId: input.spaceId,
      status: { in: ["PENDING", "CONFIRMED"] },
      startsAt: { gte: instantAt(input.from, 0), lt: instantAt(addDays(input.to, 1), 0) },
    },
    orderBy: { startsAt: "asc" },
    take: 500,
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
