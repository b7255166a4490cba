/**
 * What the booker hears of their bookings. Each function is one statement (fanOutEach in
 * server/notification/fan-out.ts) run in the transaction of the change; the notification names
 * the booking (Notification.bookingId, its page is /reservas/<id>) and carries the space's name
 * and the booking's start and end, which the copy shows in Bogotá time.
 */
import { Prisma, type DbClient } from "../db/client";
import type { NotificationKind } from "../db/generated/enums";
import { fanOutEach } from "../notification/fan-out";

/**
 * The reason stored on a booking the Secretariat never decided before its start (Booking.statusReason):
 * a message key, not text, so each page shows it in its reader's language.
 */
export const EXPIRED_UNDECIDED_REASON = "booking.expiredUndecided";

/** BOOKING_DECISION's variants: approved, rejected (with the Secretariat's reason), or not decided before the start. */
export type BookingDecision = "approve" | "reject" | "expired";

const isoUtc = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One row per booking in `bookingIds`, to its booker: ("recipientId", "kind", "bookingId", "data"),
 * `data` being the space's name, the start and end (ISO, UTC) and `extra`. `extra` may use
 * b."statusReason" (the reason just stored).
 */
function bookers(bookingIds: readonly string[], kind: NotificationKind, extra: Prisma.Sql = Prisma.sql`'{}'::jsonb`): Prisma.Sql {
  return Prisma.sql`
    SELECT b."userId" AS "recipientId", ${kind}::text AS "kind", b."id" AS "bookingId",
           jsonb_build_object('spaceName', s."name", 'startsAt', ${isoUtc(Prisma.sql`b."startsAt"`)}, 'endsAt', ${isoUtc(Prisma.sql`b."endsAt"`)})
             || jsonb_strip_nulls(${extra}) AS "data"
      FROM "Booking" b JOIN "Space" s ON s."id" = b."spaceId"
     WHERE b."id" = ANY(${[...bookingIds]}::uuid[])`;
}

const withReason = (decision: BookingDecision) =>
  Prisma.sql`jsonb_build_object('decision', ${decision}::text, 'reason', NULLIF(btrim(b."statusReason"), ''))`;

/** The Secretariat's decision on a pending booking, with its reason when it gave one. */
export function notifyBookingDecision(tx: DbClient, event: { bookingId: string; actorId: string; decision: "approve" | "reject" }) {
  return fanOutEach(tx, bookers([event.bookingId], "BOOKING_DECISION", withReason(event.decision)), event.actorId);
}

/** Pending bookings nobody decided before they started, now rejected by the platform (no reason line: the sentence says it). */
export function notifyBookingsExpired(tx: DbClient, bookingIds: readonly string[]) {
  if (bookingIds.length === 0) return Promise.resolve({ notified: 0, mailed: 0 });
  return fanOutEach(tx, bookers(bookingIds, "BOOKING_DECISION", Prisma.sql`jsonb_build_object('decision', 'expired')`), null);
}

/** The Secretariat cancelled someone's booking, with the reason. Never for the booker's own cancellation. */
export function notifyBookingCancelled(tx: DbClient, event: { bookingId: string; actorId: string }) {
  return fanOutEach(
    tx,
    bookers([event.bookingId], "BOOKING_CANCELLED", Prisma.sql`jsonb_build_object('reason', NULLIF(btrim(b."statusReason"), ''))`),
    event.actorId,
  );
}

/** Bookings the sweep released because nobody checked in: one notification each. */
export function notifyNoShows(tx: DbClient, bookingIds: readonly string[]) {
  if (bookingIds.length === 0) return Promise.resolve({ notified: 0, mailed: 0 });
  return fanOutEach(tx, bookers(bookingIds, "BOOKING_NO_SHOW"), null);
}
