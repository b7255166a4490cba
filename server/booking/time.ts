/**
 * Bogotá calendar arithmetic for bookings. Instants are UTC `Date`s; local dates are "YYYY-MM-DD"
 * strings and local times minutes after midnight. Conversions go through @date-fns/tz (TZDate),
 * never by adding a fixed offset: Colombia has had no DST since 1993, but the code does not rely on it.
 */
import { TZDate } from "@date-fns/tz";
import Holidays from "date-holidays";
import { TIME_ZONE } from "../i18n/locale";

export { TIME_ZONE };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const match = DATE.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const pad = (value: number) => String(value).padStart(2, "0");

/** The instant of `minute` minutes after midnight of a Bogotá date (1440: the next midnight). */
export function instantAt(date: string, minute: number): Date {
  const [year, month, day] = parts(date);
  return new Date(new TZDate(year, month - 1, day, 0, minute, TIME_ZONE).getTime());
}

/**
 * `minute → instant` for one Bogotá date. When the day is exactly 24 hours long (no change of
 * offset inside it, which the library tells by the next midnight), minutes are added to its
 * midnight; otherwise each minute goes through instantAt. Same answers, without a time-zone
 * conversion per slot.
 */
export function dayClock(date: string): (minute: number) => Date {
  const midnight = instantAt(date, 0).getTime();
  if (instantAt(addDays(date, 1), 0).getTime() - midnight !== 24 * 60 * 60_000) return (minute) => instantAt(date, minute);
  return (minute) => new Date(midnight + minute * 60_000);
}

/** The Bogotá date and minute of the day of an instant. */
export function localParts(at: Date): { date: string; minute: number; seconds: number } {
  const local = new TZDate(at.getTime(), TIME_ZONE);
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    minute: local.getHours() * 60 + local.getMinutes(),
    seconds: local.getSeconds() * 1000 + local.getMilliseconds(),
  };
}

/** Calendar arithmetic on dates (no time of day involved, so no time zone either). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = parts(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [year, month, day] = parts(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** The Monday of the date's week (quotas count Monday 00:00 to Monday 00:00, Bogotá). */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [year, month, day] = parts(value);
  return addDays(value, 0) === `${year}-${pad(month)}-${pad(day)}`;
}

/** A `@db.Date` value (midnight UTC) as "YYYY-MM-DD". */
export function dateOnly(value: Date): string {
  return value.toISOString().slice(0, 10);
}

const holidaysByYear = new Map<number, Map<string, string>>();
const calendar = new Holidays("CO");

/** Colombia's public holidays of a year (date-holidays, country CO): date → name. */
function holidaysOf(year: number): Map<string, string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    days = new Map();
    for (const holiday of calendar.getHolidays(year)) {
      if (holiday.type === "public") days.set(holiday.date.slice(0, 10), holiday.name);
    }
    holidaysByYear.set(year, days);
  }
  return days;
}

/** The holiday's name when the Bogotá date is a public holiday in Colombia. */
export function holidayOn(date: string): string | null {
  return holidaysOf(parts(date)[0]).get(date) ?? null;
}

/** "08:00" for minute 480. */
export function clockTime(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** An instant as people in Bogotá read it, e.g. "mar., 8 de diciembre, 10:00". */
export function formatInstant(at: Date, locale: "es" | "en"): string {
  return new Intl.DateTimeFormat(locale === "es" ? "es-CO" : "en-US", {
    timeZone: TIME_ZONE,
    weekday: "short",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

export function formatDate(date: string, locale: "es" | "en"): string {
  return new Intl.DateTimeFormat(locale === "es" ? "es-CO" : "en-US", {
    timeZone: TIME_ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(instantAt(date, 12 * 60));
}
