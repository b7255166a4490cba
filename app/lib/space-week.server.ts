/**
 * The week view of a space: rows of times, a column per day, each cell free (a slot of the chosen
 * length starts there), booked, unavailable (too soon, too far ahead, or too short a gap) or
 * closed. Built on the server from availability.forSpace, in Bogotá local time.
 */
import { localParts } from "../../server/booking/time";
import type { DayClosure } from "../../server/booking/rules";

type Instant = Date | string;

export interface WeekDayAvailability {
  date: string;
  closed: DayClosure | null;
  open: readonly { opensMinute: number; closesMinute: number }[];
  slots: readonly { startsAt: Instant; endsAt: Instant }[];
  busy: readonly { startsAt: Instant; endsAt: Instant }[];
}

export type WeekCell =
  | { state: "free"; startsAt: string; endsAt: string }
  | { state: "booked" | "unavailable" | "closed" };

export interface WeekRow {
  /** Minutes after midnight, Bogotá. */
  minute: number;
  cells: WeekCell[];
}

/** Rows are the space's granularity, but never finer than half an hour: a 5-minute grid is unreadable. */
export const rowMinutes = (slotMinutes: number) => Math.max(slotMinutes, 30);

const localMinute = (at: Instant) => localParts(new Date(at));

export function weekRows(days: readonly WeekDayAvailability[], slotMinutes: number): WeekRow[] {
  const step = rowMinutes(slotMinutes);
  const ranges = days.flatMap((day) => (day.closed ? [] : day.open));
  if (ranges.length === 0) return [];
  const first = Math.floor(Math.min(...ranges.map((r) => r.opensMinute)) / step) * step;
  const last = Math.max(...ranges.map((r) => r.closesMinute));
  const rows: WeekRow[] = [];
  for (let minute = first; minute < last; minute += step) {
    rows.push({ minute, cells: days.map((day) => cellOf(day, minute, minute + step)) });
  }
  return rows;
}

function cellOf(day: WeekDayAvailability, from: number, to: number): WeekCell {
  if (day.closed || !day.open.some((r) => r.opensMinute < to && from < r.closesMinute)) return { state: "closed" };
  const slot = day.slots.find((s) => {
    const start = localMinute(s.startsAt);
    return start.date === day.date && start.minute >= from && start.minute < to;
  });
  if (slot) return { state: "free", startsAt: new Date(slot.startsAt).toISOString(), endsAt: new Date(slot.endsAt).toISOString() };
  const booked = day.busy.some((b) => {
    const start = localMinute(b.startsAt);
    const end = localMinute(b.endsAt);
    const startMinute = start.date < day.date ? 0 : start.minute;
    const endMinute = end.date > day.date ? 1440 : end.minute;
    return startMinute < to && from < endMinute;
  });
  return { state: booked ? "booked" : "unavailable" };
}
