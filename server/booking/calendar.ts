/**
 * Calendar files (iCalendar, ical-generator): one per booking, and a private feed per person
 * behind a secret token (only its SHA-256 is stored; regenerating replaces it). Times are written
 * in America/Bogota with its VTIMEZONE, so calendars show them right wherever they are.
 */
import { createHash, randomBytes } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import ical, { ICalEventStatus } from "ical-generator";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/policy";
import type { DbClient } from "../db/client";
import type { BookingStatus } from "../db/generated/enums";
import { AppError } from "../trpc/errors";
import { TIME_ZONE } from "./time";

/** VTIMEZONE for a zone: its current offset as STANDARD time (right for zones without DST, such as Bogotá). */
export function vtimezone(zone: string): string {
  const offsetMinutes = -new TZDate(Date.now(), zone).getTimezoneOffset();
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${zone}`,
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    `TZNAME:${offset.slice(0, 3)}`,
    "END:STANDARD",
    "END:VTIMEZONE",
  ].join("\r\n");
}

interface CalendarBooking {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: BookingStatus;
  purpose: string;
  createdAt: Date;
  space: { name: string; center: { name: string; address: string } };
}

const STATUS: Partial<Record<BookingStatus, ICalEventStatus>> = {
  PENDING: ICalEventStatus.TENTATIVE,
  CONFIRMED: ICalEventStatus.CONFIRMED,
  COMPLETED: ICalEventStatus.CONFIRMED,
  CANCELLED: ICalEventStatus.CANCELLED,
  REJECTED: ICalEventStatus.CANCELLED,
  NO_SHOW: ICalEventStatus.CANCELLED,
};

function calendarOf(name: string, bookings: readonly CalendarBooking[]): string {
  const calendar = ical({ name, prodId: { company: "Cocrea", product: "reservas", language: "ES" }, timezone: { name: TIME_ZONE, generator: vtimezone } });
  for (const booking of bookings) {
    calendar.createEvent({
      id: `${booking.id}@cocrea`,
      start: new TZDate(booking.startsAt.getTime(), TIME_ZONE),
      end: new TZDate(booking.endsAt.getTime(), TIME_ZONE),
      stamp: booking.createdAt,
      timezone: TIME_ZONE,
      summary: `${booking.space.name} · ${booking.space.center.name}`,
      location: booking.space.center.address,
      description: booking.purpose,
      status: STATUS[booking.status] ?? null,
    });
  }
  return calendar.toString();
}

const calendarSelect = {
  id: true,
  userId: true,
  startsAt: true,
  endsAt: true,
  status: true,
  purpose: true,
  createdAt: true,
  space: { select: { name: true, center: { select: { name: true, address: true } } } },
} as const;

/** The .ics of one booking: its booker and the Secretariat. */
export async function bookingIcs(db: DbClient, actor: Actor | null, id: string): Promise<string> {
  const booking = await db.booking.findUnique({ where: { id }, select: calendarSelect });
  if (!booking) throw new AppError("NOT_FOUND", "booking.notFound");
  authorize(actor, "booking.view", booking, { hideAs: "booking.notFound" });
  return calendarOf("Cocrea: reserva", [booking]);
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new secret feed token for the actor (the old one stops working). Returned once. */
export async function regenerateCalendarFeed(db: DbClient, actor: Actor) {
  const token = encodeBase64urlNoPadding(randomBytes(24));
  const tokenHash = hashToken(token);
  await db.calendarFeed.upsert({ where: { userId: actor.id }, create: { userId: actor.id, tokenHash }, update: { tokenHash, createdAt: new Date() } });
  return { token, path: calendarFeedPath(token) };
}

export function calendarFeedPath(token: string): string {
  return `/calendario/${token}.ics`;
}

export async function calendarFeedStatus(db: DbClient, actor: Actor) {
  const feed = await db.calendarFeed.findUnique({ where: { userId: actor.id }, select: { createdAt: true } });
  return { active: feed !== null, createdAt: feed?.createdAt ?? null };
}

/** The feed of the person whose token this is (bookings from 30 days ago on), or null for an unknown token. */
export async function calendarFeedIcs(db: DbClient, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  const feed = await db.calendarFeed.findUnique({ where: { tokenHash: hashToken(token) }, select: { userId: true } });
  if (!feed) return null;
  const since = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
  const bookings = await db.booking.findMany({
    where: { userId: feed.userId, endsAt: { gte: since }, status: { in: ["PENDING", "CONFIRMED", "COMPLETED", "CANCELLED"] } },
    orderBy: { startsAt: "asc" },
    take: 500,
    select: calendarSelect,
  });
  return calendarOf("Cocrea: mis reservas", bookings);
}
