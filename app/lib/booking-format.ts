/**
 * Booking times as people in Barrancabermeja read them: every instant is shown on Bogotá's clock
 * by Intl's time-zone support (never by adding an offset), calendar dates as the dates they are.
 */
import { formatDate, htmlLang, type Locale } from "~/i18n";
import { TIME_ZONE } from "../../server/i18n/locale";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, kind: "time" | "day" | "longDay"): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let found = formatters.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      kind === "time"
        ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE }
        : kind === "day"
          ? { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }
          : { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };
    found = new Intl.DateTimeFormat(htmlLang(locale), options);
    formatters.set(key, found);
  }
  return found;
}

/** "10:30", Bogotá. */
export const timeLabel = (instant: string | Date, locale: Locale) => formatter(locale, "time").format(new Date(instant));

/** A calendar date ("2026-12-02") as "mié, 2 dic": the date itself, read at noon UTC so no zone can move it. */
export const dayLabel = (date: string, locale: Locale) => formatter(locale, "day").format(new Date(`${date}T12:00:00Z`));

export const longDayLabel = (date: string, locale: Locale) => formatter(locale, "longDay").format(new Date(`${date}T12:00:00Z`));

/** Minutes after midnight as "08:30". */
export const clockLabel = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** "2 de diciembre de 2026, 10:00" or, with an end, "2 de diciembre de 2026, 10:00–11:00" (Bogotá, one clock style everywhere). */
export function whenLabel(startsAt: string | Date, endsAt: string | Date | null, locale: Locale): string {
  const day = formatDate(startsAt, locale);
  return endsAt ? `${day}, ${timeLabel(startsAt, locale)}–${timeLabel(endsAt, locale)}` : `${day}, ${timeLabel(startsAt, locale)}`;
}
