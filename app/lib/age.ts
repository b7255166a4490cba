import { htmlLang, type Locale } from "../i18n";
import { TIME_ZONE } from "../../server/i18n/locale";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const calendarDay = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** Days since the epoch of the date a Bogotá calendar shows at `instant`. */
function bogotaDay(instant: Date): number {
  return Date.parse(`${calendarDay.format(instant)}T00:00:00Z`) / DAY;
}

/**
 * How long ago, as people say it ("hace 5 minutos", "hace 3 horas", "ayer", "hace 3 días"), with
 * days counted on Bogotá's calendar: something sent at 23:00 was "ayer" at 08:00 the next day.
 * `now` comes from the loader, so the server and the browser write the same words.
 */
const relativeFormats = new Map<Locale, Intl.RelativeTimeFormat>();

function relativeFormat(locale: Locale): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(htmlLang(locale), { numeric: "auto" })));
  return format;
}

export function formatAge(since: string | Date, now: string | Date, locale: Locale): string {
  const from = new Date(since);
  const to = new Date(now);
  const words = relativeFormat(locale);
  const elapsed = Math.max(0, to.getTime() - from.getTime());
  const days = bogotaDay(to) - bogotaDay(from);
  if (days <= 0 || elapsed < HOUR) {
    return elapsed < HOUR ? words.format(-Math.max(1, Math.floor(elapsed / MINUTE)), "minute") : words.format(-Math.floor(elapsed / HOUR), "hour");
  }
  if (days < 31) return words.format(-days, "day");
  if (days < 365) return words.format(-Math.floor(days / 30), "month");
  return words.format(-Math.floor(days / 365), "year");
}
