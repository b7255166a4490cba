/**
 * The call form's dates: `<input type="datetime-local">` sends a wall-clock time with no zone
 * ("2026-12-14T17:00"), which Cocrea always reads as America/Bogota, whatever the browser's or the
 * server's zone. The conversion is @date-fns/tz's (never an offset added by hand), so it stays
 * right if Colombia ever changes its rules. Pure: used by the routes' server modules and tested
 * in tests/app/bogota-time.test.ts.
 */
import { TZDate } from "@date-fns/tz";

export const BOGOTA = "America/Bogota";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * A datetime-local value read in Bogotá, as an ISO 8601 instant with its offset
 * ("2026-12-14T17:00" → "2026-12-14T17:00:00-05:00"); null when it is not a real date and time
 * (empty, malformed, 30 February, 25:00).
 */
export function bogotaLocalToInstant(local: string): string | null {
  const match = LOCAL.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as number[];
  const date = new TZDate(year!, month! - 1, day!, hour!, minute!, second!, BOGOTA);
  // The Date constructor rolls 30 February over to March: such a value is refused, not moved.
  if (
    Number.isNaN(date.getTime()) ||
    date.getFullYear() !== year ||
    date.getMonth() !== month! - 1 ||
    date.getDate() !== day ||
    date.getHours() !== hour ||
    date.getMinutes() !== minute
  ) {
    return null;
  }
  return date.toISOString();
}

/** An instant as the value of a datetime-local input showing Bogotá's wall clock ("2026-12-14T17:00"). */
export function instantToBogotaLocal(instant: Date | string): string {
  const date = new TZDate(new Date(instant).getTime(), BOGOTA);
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
