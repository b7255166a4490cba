/**
 * The raw baseline's booking routes, bundled into raw-server.mjs (no import from server/, like
 * the rest of the baseline). Each answers `{ status, body }` so the server only sends it.
 */
import { randomBytes } from "node:crypto";
import type pg from "pg";

export interface RawAnswer {
  status: number;
  body: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ok = (data: unknown): RawAnswer => ({ status: 200, body: `{"result":{"data":${JSON.stringify(data)}}}` });
const BAD_REQUEST: RawAnswer = { status: 400, body: `{"error":{"message":"bad request"}}` };
const NOT_FOUND: RawAnswer = { status: 404, body: `{"error":{"message":"not found"}}` };

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * The rows availability.forSpace reads, in one statement: the space's rules, its center's hours
 * and closures from `from` on, the database clock, and the live bookings' blocked ranges from the
 * day before `from` to two days after `to` (Bogotá). It computes no slots: that is the app's work.
 */
export async function availabilityRows(pool: pg.Pool, input: Record<string, unknown>): Promise<RawAnswer> {
  const { spaceId, from, to } = input;
  if (typeof spaceId !== "string" || !UUID.test(spaceId) || typeof from !== "string" || typeof to !== "string") return BAD_REQUEST;
  if (!DATE.test(from) || !DATE.test(to) || from > to || dayNumber(to) - dayNumber(from) > 30) return BAD_REQUEST;
  const { rows } = await pool.query(
    `SELECT s."id" AS "spaceId", 'America/Bogota' AS "timeZone", s."active", s."slotMinutes", s."minDurationMinutes", s."maxDurationMinutes",
            s."minLeadMinutes", s."maxHorizonDays", s."bufferMinutes", cocrea_now() AS "now",
            coalesce((SELECT json_agg(json_build_object('weekday', h."weekday", 'opensMinute', h."opensMinute", 'closesMinute', h."closesMinute")
                                      ORDER BY h."weekday", h."opensMinute")
                        FROM "CenterHours" h WHERE h."centerId" = s."centerId"), '[]') AS "hours",
            coalesce((SELECT json_agg(json_build_object('startsOn', c."startsOn", 'endsOn', c."endsOn", 'reason', c."reason") ORDER BY c."startsOn")
                        FROM "CenterClosure" c WHERE c."centerId" = s."centerId" AND c."endsOn" >= $2::date), '[]') AS "closures",
            coalesce((SELECT json_agg(json_build_object('from', lower(b."blockedRange"), 'to', upper(b."blockedRange")) ORDER BY lower(b."blockedRange"))
                        FROM "Booking" b
                       WHERE b."spaceId" = s."id" AND b."status" IN ('PENDING', 'CONFIRMED')
                         AND b."blockedRange" && tstzrange(($2::date - 1)::timestamp AT TIME ZONE 'America/Bogota',
                                                           ($3::date + 2)::timestamp AT TIME ZONE 'America/Bogota')), '[]') AS "taken"
       FROM "Space" s WHERE s."id" = $1`,
    [spaceId, from, to],
  );
  return rows[0] ? ok(rows[0]) : NOT_FOUND;
}

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const checkInCode = () => Array.from(randomBytes(8), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join("");

function instant(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/**
 * ON CONFLICT DO NOTHING arbitrates on the exclusion constraint too, checking before it inserts:
 * a plain INSERT's losers can each wait for another's uncommitted row and deadlock (40P01, after
 * deadlock_timeout). No booking: a lost race when signed in, otherwise no valid session.
 */
const INSERT_BOOKING = `
WITH s AS (
  SELECT u."id" FROM "Session" se JOIN "User" u ON u."id" = se."userId" WHERE se."id" = $1 AND se."expiresAt" > now()
), sp AS (
  SELECT "id", "bufferMinutes", "requiresApproval" FROM "Space" WHERE "id" = $2 AND "active"
), inserted AS (
  INSERT INTO "Booking" ("id", "spaceId", "userId", "startsAt", "endsAt", "bufferMinutes", "blockedRange", "status", "purpose",
                         "attendees", "checkInCode", "updatedAt")
  SELECT gen_random_uuid(), sp."id", s."id", $3::timestamptz, $4::timestamptz, sp."bufferMinutes",
         tstzrange($3::timestamptz, $4::timestamptz + make_interval(mins => sp."bufferMinutes"), '[)'),
         CASE WHEN sp."requiresApproval" THEN 'PENDING' ELSE 'CONFIRMED' END::"BookingStatus", $5, $6, $7, now()
    FROM s, sp
  ON CONFLICT DO NOTHING
  RETURNING "id", "spaceId", "startsAt", "endsAt", "status"::text AS "status", "seriesId"
)
SELECT EXISTS (SELECT 1 FROM s) AS "signedIn", i.* FROM (SELECT 1) AS one LEFT JOIN inserted i ON true`;

/**
 * The session check and one INSERT in one statement: PostgreSQL's exclusion constraint
 * "Booking_no_overlap" decides the race, and the loser gets a 409 (without the app's nearest
 * alternatives).
 */
export async function insertBooking(pool: pg.Pool, sessionId: string | null, body: Record<string, unknown>): Promise<RawAnswer> {
  if (!sessionId) return { status: 401, body: `{"error":{"message":"unauthorized"}}` };
  const startsAt = instant(body.startsAt);
  const endsAt = instant(body.endsAt);
  const purpose = typeof body.purpose === "string" ? body.purpose.trim() : "";
  const attendees = body.attendees;
  if (typeof body.spaceId !== "string" || !UUID.test(body.spaceId) || !startsAt || !endsAt || startsAt >= endsAt) return BAD_REQUEST;
  if (purpose.length < 5 || purpose.length > 500 || typeof attendees !== "number" || !Number.isInteger(attendees) || attendees < 1 || attendees > 5000) {
    return BAD_REQUEST;
  }
  const { rows } = await pool.query(INSERT_BOOKING, [sessionId, body.spaceId, startsAt, endsAt, purpose, attendees, checkInCode()]);
  const { signedIn, ...booking } = rows[0] as { signedIn: boolean; id: string | null };
  if (!signedIn) return { status: 401, body: `{"error":{"message":"unauthorized"}}` };
  return booking.id ? ok(booking) : { status: 409, body: `{"error":{"message":"slot taken"}}` };
}
