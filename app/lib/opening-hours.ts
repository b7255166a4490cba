/**
 * A center's opening hours as the Secretariat types them: one text per weekday with its ranges,
 * "08:00-12:00, 14:00-18:00" (empty: closed), and back. Minutes after midnight in Bogotá, as the
 * procedures store them (server/booking/schemas.ts); 24:00 closes at midnight. Pure: used by the
 * center form's server module and tested in tests/app/opening-hours.test.ts.
 */

/** ISO weekdays, 1 = Monday … 7 = Sunday, as `hours[].weekday`. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** More ranges in one day than any center opens; the procedures take 50 for the whole week. */
export const MAX_RANGES_PER_DAY = 6;

export interface DayRange {
  opensMinute: number;
  closesMinute: number;
}

export type ParsedDay = { ok: true; ranges: DayRange[] } | { ok: false; problem: "format" | "overlap" };

const RANGE = /^(\d{1,2}):(\d{2})\s*[-–—a]\s*(\d{1,2}):(\d{2})$/;

/** "8:00" → 480; null for a time that is not one (25:00, 10:75, 24:30). */
function minuteOf(hours: string, minutes: string): number | null {
  const h = Number(hours);
  const m = Number(minutes);
  if (m > 59 || h > 24 || (h === 24 && m > 0)) return null;
  return h * 60 + m;
}

/** One weekday's text as its ranges, sorted; a range back to back with another is not an overlap. */
export function parseDayRanges(text: string): ParsedDay {
  const parts = text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length > MAX_RANGES_PER_DAY) return { ok: false, problem: "format" };
  const ranges: DayRange[] = [];
  for (const part of parts) {
    const match = RANGE.exec(part);
    if (!match) return { ok: false, problem: "format" };
    const opensMinute = minuteOf(match[1]!, match[2]!);
    const closesMinute = minuteOf(match[3]!, match[4]!);
    if (opensMinute === null || closesMinute === null || opensMinute >= closesMinute) return { ok: false, problem: "format" };
    ranges.push({ opensMinute, closesMinute });
  }
  ranges.sort((a, b) => a.opensMinute - b.opensMinute);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.opensMinute < ranges[i - 1]!.closesMinute) return { ok: false, problem: "overlap" };
  }
  return { ok: true, ranges };
}

const pad = (value: number) => String(value).padStart(2, "0");

/** 480 → "08:00"; 1440 → "24:00". */
export function clockOf(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** A weekday's stored ranges as the form shows them: "08:00-12:00, 14:00-18:00". */
export function formatDayRanges(ranges: readonly DayRange[]): string {
  return [...ranges]
    .sort((a, b) => a.opensMinute - b.opensMinute)
    .map((r) => `${clockOf(r.opensMinute)}-${clockOf(r.closesMinute)}`)
    .join(", ");
}
