/**
 * Bookings for the benchmark: a center with realistic hours, 16 spaces and 10,000 bookings
 * (generated inside PostgreSQL, like the ideas), and a second, round-the-clock center whose space
 * the contention scenario fights over. Dates are counted from the run's day in Bogotá.
 */
import type pg from "pg";
import { addDays, holidayOn, instantAt, localParts } from "../server/booking/time";

const SPACES = 16;
const HALF_HOUR = 30;

export interface BenchBookings {
  /** The space whose month availability-month reads, and that month (31 days, Bogotá dates). */
  monthSpaceId: string;
  month: { from: string; to: string };
  /** The round-the-clock space of booking-contention. */
  contentionSpaceId: string;
  /** Live (PENDING or CONFIRMED) bookings of the month space in that month. */
  liveInMonth: number;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The first month after `today` with 31 days (at most two months ahead). */
export function nextLongMonth(today: string): { from: string; to: string } {
  let [year, month] = today.split("-").map(Number) as [number, number];
  for (;;) {
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    if (MONTH_DAYS[month - 1] === 31) {
      const from = `${year}-${String(month).padStart(2, "0")}-01`;
      return { from, to: addDays(from, 30) };
    }
  }
}

const PURPOSES = [
  "Prototipo de sensores de calidad del aire",
  "Mentoría con el equipo de la universidad",
  "Reunión con la asociación de pescadores",
  "Taller de programación para jóvenes de la comuna 7",
  "Pruebas del tablero de turnos del puerto fluvial",
  "Sesión de diseño del piloto con aliados",
];

/**
 * Bookings of one hour on the hour within opening hours (weekdays 8–12 and 14–18, Saturday
 * mornings, never on a holiday), over the month and months around it, for every space; a
 * hash picks which slots are taken, so occupancy is even and the month holds its share.
 * Past ones are mostly COMPLETED, future ones mostly CONFIRMED; one in ten is cancelled.
 */
const BOOKINGS_SQL = `
WITH bookers AS (
  SELECT array_agg("id" ORDER BY "email") AS ids FROM "User" WHERE "role" <> 'SECRETARIAT'
), candidates AS (
  SELECT s."id" AS space_id, d::date AS day, h.hour,
         row_number() OVER (ORDER BY hashtext(s."id"::text || d::date::text || h.hour::text), s."id", d, h.hour) AS pick
    FROM unnest($1::uuid[]) AS s("id"),
         generate_series($2::date, $3::date, interval '1 day') AS d,
         unnest(ARRAY[8, 9, 10, 11, 14, 15, 16, 17]) AS h(hour)
   WHERE (extract(isodow FROM d) <= 5 OR (extract(isodow FROM d) = 6 AND h.hour < 12))
     AND NOT (d::date = ANY($4::date[]))
), chosen AS (
  SELECT c.*, (c.day + make_time(c.hour, 0, 0)) AT TIME ZONE 'America/Bogota' AS starts FROM candidates c WHERE c.pick <= $5
), rows AS (
  SELECT c.*, CASE WHEN c.pick % 10 = 0 THEN 'CANCELLED'
                   WHEN c.starts < now() THEN CASE WHEN c.pick % 10 = 1 THEN 'NO_SHOW' ELSE 'COMPLETED' END
                   ELSE CASE WHEN c.pick % 10 = 1 THEN 'PENDING' ELSE 'CONFIRMED' END END AS status
    FROM chosen c
)
INSERT INTO "Booking" ("id", "spaceId", "userId", "startsAt", "endsAt", "bufferMinutes", "blockedRange", "status", "purpose",
                       "attendees", "checkInCode", "checkedInAt", "createdAt", "updatedAt")
SELECT gen_random_uuid(), r.space_id, b.ids[(1 + r.pick % cardinality(b.ids))::int], r.starts, r.starts + interval '1 hour', 0,
       tstzrange(r.starts, r.starts + interval '1 hour', '[)'), r.status::"BookingStatus",
       ($6::text[])[(1 + r.pick % cardinality($6::text[]))::int], (1 + r.pick % 8)::int, 'BENCH' || lpad(r.pick::text, 7, '0'),
       CASE WHEN r.status = 'COMPLETED' THEN r.starts - interval '5 minutes' END,
       r.starts - interval '3 days', r.starts - interval '3 days'
  FROM rows r, bookers b`;

async function insertCenter(client: pg.ClientBase, name: string, hours: { weekday: number; opensMinute: number; closesMinute: number }[]) {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "Center" ("id", "name", "address", "latitude", "longitude", "description", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Calle 49 # 12-30, Barrancabermeja', 7.065, -73.854, '', now()) RETURNING "id"`,
    [name],
  );
  const centerId = rows[0]!.id;
  await client.query(
    `INSERT INTO "CenterHours" ("id", "centerId", "weekday", "opensMinute", "closesMinute")
     SELECT gen_random_uuid(), $1, h.weekday, h.opens, h.closes FROM unnest($2::int[], $3::int[], $4::int[]) AS h(weekday, opens, closes)`,
    [centerId, hours.map((h) => h.weekday), hours.map((h) => h.opensMinute), hours.map((h) => h.closesMinute)],
  );
  return centerId;
}

/** `total` bookings, the centers and spaces they belong to. Run once, before the first size. */
export async function seedBookings(client: pg.ClientBase, total = 10_000): Promise<BenchBookings> {
  const today = localParts(new Date()).date;
  const month = nextLongMonth(today);
  const weekdays = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, opensMinute: 8 * 60, closesMinute: 12 * 60 },
    { weekday, opensMinute: 14 * 60, closesMinute: 18 * 60 },
  ]);
  const centerId = await insertCenter(client, "Centro de innovación del banco de rendimiento", [...weekdays, { weekday: 6, opensMinute: 480, closesMinute: 720 }]);
  await client.query(
    `INSERT INTO "CenterClosure" ("id", "centerId", "startsOn", "endsOn", "reason") VALUES (gen_random_uuid(), $1, $2::date, $3::date, $4)`,
    [centerId, addDays(month.from, 10), addDays(month.from, 11), "Mantenimiento de la red eléctrica"],
  );
  const kinds = ["LAB", "MAKERSPACE", "COWORKING", "MEETING_ROOM", "AUDITORIUM"];
  const { rows: spaces } = await client.query<{ id: string }>(
    `INSERT INTO "Space" ("id", "centerId", "name", "kind", "capacity", "slotMinutes", "minDurationMinutes", "maxDurationMinutes",
                          "minLeadMinutes", "maxHorizonDays", "updatedAt")
     SELECT gen_random_uuid(), $1, 'Espacio ' || n, ($2::text[])[1 + n % cardinality($2::text[])]::"SpaceKind", 20, 30, 60, 240, 60, 120, now()
       FROM generate_series(1, $3::int) AS n ORDER BY n RETURNING "id"`,
    [centerId, kinds, SPACES],
  );
  // The other spaces' bookings and this space's other months: five months before, three after.
  const window = { from: addDays(month.from, -150), to: addDays(month.to, 90) };
  const holidays: string[] = [];
  for (let date = window.from; date <= window.to; date = addDays(date, 1)) if (holidayOn(date)) holidays.push(date);
  await client.query(BOOKINGS_SQL, [spaces.map((s) => s.id), window.from, window.to, holidays, total, PURPOSES]);

  const roundTheClock = await insertCenter(client, "Coworking 24 horas del banco de rendimiento", [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensMinute: 0, closesMinute: 1440 })));
  const { rows: contended } = await client.query<{ id: string }>(
    `INSERT INTO "Space" ("id", "centerId", "name", "kind", "capacity", "slotMinutes", "minDurationMinutes", "maxDurationMinutes",
                          "minLeadMinutes", "maxHorizonDays", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Sala disputada', 'MEETING_ROOM', 20, 30, 30, 240, 0, 366, now()) RETURNING "id"`,
    [roundTheClock],
  );
  await client.query(`VACUUM ANALYZE "Booking"`);
  const monthSpaceId = spaces[0]!.id;
  const { rows: live } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Booking" WHERE "spaceId" = $1 AND "status" IN ('PENDING', 'CONFIRMED')
        AND "startsAt" >= ($2::date)::timestamp AT TIME ZONE 'America/Bogota' AND "startsAt" < ($3::date + 1)::timestamp AT TIME ZONE 'America/Bogota'`,
    [monthSpaceId, month.from, month.to],
  );
  return { monthSpaceId, month, contentionSpaceId: contended[0]!.id, liveInMonth: live[0]!.n };
}

/**
 * Free half-hour slots of the round-the-clock space from tomorrow on, in order, skipping
 * holidays (the center is closed on them): many more than a run can take.
 */
export function contentionSlots(days = 360): { startsAt: string; endsAt: string }[] {
  const slots: { startsAt: string; endsAt: string }[] = [];
  const tomorrow = addDays(localParts(new Date()).date, 1);
  for (let day = 0; day < days; day++) {
    const date = addDays(tomorrow, day);
    if (holidayOn(date)) continue;
    for (let minute = 0; minute < 1440; minute += HALF_HOUR) {
      slots.push({ startsAt: instantAt(date, minute).toISOString(), endsAt: instantAt(date, minute + HALF_HOUR).toISOString() });
    }
  }
  return slots;
}
