/**
 * The booking rules of a space, as pure functions over what the database said (the space, its
 * center's calendar, the live bookings, the database clock): booking.create checks a slot with
 * `slotProblem`, and availability lists exactly the slots it would accept.
 */
import type { MessageKey, MessageParams } from "../i18n/messages";
import { addDays, clockTime, dayClock, daysBetween, holidayOn, isoWeekday, localParts } from "./time";

export interface SpaceRules {
  slotMinutes: number;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  minLeadMinutes: number;
  maxHorizonDays: number;
  bufferMinutes: number;
}

export interface CenterCalendar {
  hours: readonly { weekday: number; opensMinute: number; closesMinute: number }[];
  /** Bogotá dates, both inclusive. */
  closures: readonly { startsOn: string; endsOn: string; reason: string }[];
}

/** A live (PENDING or CONFIRMED) booking's blocked time: [startsAt, endsAt + its buffer). */
export interface BlockedRange {
  from: Date;
  to: Date;
}

export interface Violation {
  key: MessageKey;
  params?: MessageParams;
}

const MINUTE = 60_000;

/** The blocked range a booking of [start, end) in this space would have (see the migration). */
export function blockedRangeOf(rules: Pick<SpaceRules, "bufferMinutes">, start: Date, end: Date): BlockedRange {
  return { from: start, to: new Date(end.getTime() + rules.bufferMinutes * MINUTE) };
}

/** The same test the exclusion constraint makes (`&&` on half-open ranges). */
export function overlapsAny(range: BlockedRange, taken: readonly BlockedRange[]): boolean {
  return taken.some((other) => range.from < other.to && other.from < range.to);
}

export type DayClosure = { kind: "HOLIDAY"; name: string } | { kind: "CLOSURE"; reason: string; from: string; to: string } | { kind: "CLOSED" };

/** Why the center is closed all day on a Bogotá date, or null when it opens. */
export function dayClosure(calendar: CenterCalendar, date: string): DayClosure | null {
  const holiday = holidayOn(date);
  if (holiday) return { kind: "HOLIDAY", name: holiday };
  const closure = calendar.closures.find((c) => c.startsOn <= date && date <= c.endsOn);
  if (closure) return { kind: "CLOSURE", reason: closure.reason, from: closure.startsOn, to: closure.endsOn };
  if (!calendar.hours.some((h) => h.weekday === isoWeekday(date))) return { kind: "CLOSED" };
  return null;
}

function rangesOf(calendar: CenterCalendar, date: string) {
  const weekday = isoWeekday(date);
  return calendar.hours.filter((h) => h.weekday === weekday).sort((a, b) => a.opensMinute - b.opensMinute);
}

/**
 * The first rule a booking of [start, end) breaks (with its message), or null. `now` is the
 * database clock (cocrea_now()). Overlap with other bookings is not checked here: the exclusion
 * constraint decides it.
 */
export function slotProblem(rules: SpaceRules, calendar: CenterCalendar, start: Date, end: Date, now: Date): Violation | null {
  const duration = (end.getTime() - start.getTime()) / MINUTE;
  if (duration <= 0) return { key: "booking.endBeforeStart" };
  const from = localParts(start);
  const to = localParts(end);
  const endsAtMidnight = to.minute === 0 && daysBetween(from.date, to.date) === 1;
  const endMinute = endsAtMidnight ? 1440 : to.minute;
  if (from.seconds !== 0 || to.seconds !== 0 || from.minute % rules.slotMinutes !== 0 || endMinute % rules.slotMinutes !== 0) {
    return { key: "booking.granularity", params: { minutes: rules.slotMinutes } };
  }
  const length = lengthProblem(rules, duration);
  if (length) return length;
  if (from.date !== to.date && !endsAtMidnight) return { key: "booking.crossesDays" };
  const closed = dayClosure(calendar, from.date);
  if (closed?.kind === "HOLIDAY") return { key: "booking.holiday", params: { date: from.date, name: closed.name } };
  if (closed?.kind === "CLOSURE") return { key: "booking.closure", params: { from: closed.from, to: closed.to, reason: closed.reason } };
  const ranges = rangesOf(calendar, from.date);
  if (!ranges.some((r) => r.opensMinute <= from.minute && endMinute <= r.closesMinute)) {
    const hours = ranges.map((r) => `${clockTime(r.opensMinute)}–${clockTime(r.closesMinute)}`).join(", ");
    return ranges.length === 0
      ? { key: "booking.closedWeekday", params: { date: from.date } }
      : { key: "booking.outsideHours", params: { date: from.date, hours } };
  }
  return timingProblem(rules, start, now);
}

/** The length rules: at least the minimum, at most the maximum. */
function lengthProblem(rules: SpaceRules, durationMinutes: number): Violation | null {
  if (durationMinutes < rules.minDurationMinutes) return { key: "booking.tooShort", params: { minutes: rules.minDurationMinutes } };
  if (durationMinutes > rules.maxDurationMinutes) return { key: "booking.tooLong", params: { minutes: rules.maxDurationMinutes } };
  return null;
}

/** How soon and how far ahead a booking may start, against the database clock. */
function timingProblem(rules: SpaceRules, start: Date, now: Date): Violation | null {
  if (start.getTime() < now.getTime() + rules.minLeadMinutes * MINUTE) {
    return start.getTime() < now.getTime() ? { key: "booking.inPast" } : { key: "booking.leadTime", params: { minutes: rules.minLeadMinutes } };
  }
  if (start.getTime() > now.getTime() + rules.maxHorizonDays * 24 * 60 * MINUTE) {
    return { key: "booking.horizon", params: { days: rules.maxHorizonDays } };
  }
  return null;
}

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

export interface AvailabilityDay {
  date: string;
  /** Why the center is closed that whole day (a holiday, a closure, not an opening day), or null. */
  closed: DayClosure | null;
  /** Opening ranges that day, "08:00–12:00". */
  hours: string[];
  /** The same ranges in minutes after midnight. */
  open: { opensMinute: number; closesMinute: number }[];
  slots: Slot[];
}

/**
 * Every slot of `durationMinutes` (starting on the space's granularity) on the Bogotá dates
 * from..to that `slotProblem` accepts and no live booking blocks. The candidates are built inside
 * the day's opening ranges on the granularity, so of slotProblem's rules only the length (once)
 * and the timing (per slot) are left to check; converting each minute through the time-zone
 * library was most of the cost of a month's availability (`dayClock`).
 */
export function freeSlots(
  rules: SpaceRules,
  calendar: CenterCalendar,
  taken: readonly BlockedRange[],
  from: string,
  to: string,
  durationMinutes: number,
  now: Date,
): AvailabilityDay[] {
  const days: AvailabilityDay[] = [];
  const bookableLength = durationMinutes % rules.slotMinutes === 0 && !lengthProblem(rules, durationMinutes);
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const closed = dayClosure(calendar, date);
    const ranges = closed ? [] : rangesOf(calendar, date);
    const slots: Slot[] = [];
    const at = dayClock(date);
    for (const range of bookableLength ? ranges : []) {
      const first = Math.ceil(range.opensMinute / rules.slotMinutes) * rules.slotMinutes;
      for (let minute = first; minute + durationMinutes <= range.closesMinute; minute += rules.slotMinutes) {
        const startsAt = at(minute);
        const endsAt = at(minute + durationMinutes);
        if (timingProblem(rules, startsAt, now)) continue;
        if (overlapsAny(blockedRangeOf(rules, startsAt, endsAt), taken)) continue;
        slots.push({ startsAt, endsAt });
      }
    }
    days.push({
      date,
      closed,
      hours: ranges.map((r) => `${clockTime(r.opensMinute)}–${clockTime(r.closesMinute)}`),
      open: ranges.map((r) => ({ opensMinute: r.opensMinute, closesMinute: r.closesMinute })),
      slots,
    });
  }
  return days;
}

/** The `count` free slots whose start is nearest to `target` (earlier or later), soonest first on ties. */
export function nearestSlots(days: readonly AvailabilityDay[], target: Date, count: number): Slot[] {
  return days
    .flatMap((day) => day.slots)
    .sort((a, b) => Math.abs(a.startsAt.getTime() - target.getTime()) - Math.abs(b.startsAt.getTime() - target.getTime()) || a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, count)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
