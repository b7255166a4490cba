import { hashPassword } from "../../server/auth/password";
import { SESSION_COOKIE, createSession } from "../../server/auth/session";
import type { Db } from "../../server/db/client";
import type { Prisma } from "../../server/db/generated/client";
import type { Role } from "../../server/db/generated/enums";

/** A Bogotá wall-clock time as an instant (ISO 8601 with Bogotá's offset, as a browser would send it). */
export const bogota = (date: string, time: string) => new Date(`${date}T${time}:00-05:00`);

/** Tuesday 1 December 2026, 07:00 in Bogotá: "now" for these tests (the database clock). */
export const NOW = bogota("2026-12-01", "07:00");

/** Monday to Friday 08:00–12:00 and 14:00–18:00, Saturday 08:00–12:00, closed on Sunday. */
export const WEEK_HOURS = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, opensMinute: 8 * 60, closesMinute: 12 * 60 },
  { weekday, opensMinute: 14 * 60, closesMinute: 18 * 60 },
]).concat([{ weekday: 6, opensMinute: 8 * 60, closesMinute: 12 * 60 }]);

let n = 0;

export async function createCenter(db: Db) {
  n += 1;
  return db.center.create({
    data: {
      name: `Centro de innovación ${n}`,
      address: "Calle 49 # 12-30, Barrancabermeja",
      latitude: 7.065,
      longitude: -73.854,
      hours: { create: WEEK_HOURS },
    },
  });
}

export async function createSpace(db: Db, overrides: Partial<Prisma.SpaceUncheckedCreateInput> = {}) {
  const centerId = overrides.centerId ?? (await createCenter(db)).id;
  n += 1;
  return db.space.create({
    data: {
      name: `Sala ${n}`,
      kind: "MEETING_ROOM",
      capacity: 12,
      slotMinutes: 30,
      minDurationMinutes: 30,
      maxDurationMinutes: 240,
      minLeadMinutes: 60,
      maxHorizonDays: 60,
      bufferMinutes: 0,
      ...overrides,
      centerId,
    },
  });
}

/** Many signed-in people at once (one password hash for all: argon2 per person would take seconds). */
export async function createUsersWithSessions(db: Db, count: number, role: Role = "ENTREPRENEUR") {
  const passwordHash = await hashPassword("clave-de-prueba-larga");
  const stamp = `${Date.now()}-${++n}`;
  const users = await db.user.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({ email: `masivo-${stamp}-${i}@example.co`, name: `Persona ${i}`, role, passwordHash })),
    select: { id: true },
  });
  const people: { id: string; cookie: string }[] = [];
  for (const user of users) {
    const { token } = await createSession(db, user.id, {});
    people.push({ id: user.id, cookie: `${SESSION_COOKIE}=${token}` });
  }
  return people;
}

export const booking = (spaceId: string, date: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({
  spaceId,
  startsAt: bogota(date, from),
  endsAt: bogota(date, to),
  purpose: "Reunión de equipo del proyecto",
  attendees: 4,
  ...extra,
});

/** Live bookings of a space that overlap, counted by PostgreSQL (should always be 0). */
export async function overlappingPairs(db: Db, spaceId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ pairs: number }[]>`
    SELECT count(*)::int AS pairs FROM "Booking" a JOIN "Booking" b ON a."spaceId" = b."spaceId" AND a."id" < b."id"
     WHERE a."spaceId" = ${spaceId}::uuid AND a."status" IN ('PENDING','CONFIRMED') AND b."status" IN ('PENDING','CONFIRMED')
       AND a."blockedRange" && b."blockedRange"`;
  return row!.pairs;
}
