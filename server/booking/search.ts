/**
 * Finding a space: by center, kind, capacity, amenity and "free at" a moment for a while. "Free"
 * means bookable then by the space's own rules (hours, closures, holidays, lead time, horizon,
 * duration) and not blocked by a live booking, buffers included: the same answer booking.create
 * would give, short of a race.
 */
import { Prisma, queryRows, type DbClient } from "../db/client";
import type { z } from "../validation";
import { PHOTOS_IN_ORDER, photoViews } from "./photos";
import { slotProblem, type CenterCalendar } from "./rules";
import type { listSpacesInput } from "./schemas";
import { databaseNow } from "./service";
import { dateOnly, localParts } from "./time";

type SpaceSearch = z.infer<typeof listSpacesInput>;

const MINUTE = 60_000;

export async function listSpaces(db: DbClient, input: SpaceSearch) {
  const spaces = await db.space.findMany({
    where: {
      active: true,
      ...(input.centerId ? { centerId: input.centerId } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.minCapacity ? { capacity: { gte: input.minCapacity } } : {}),
      ...(input.amenity ? { amenities: { has: input.amenity } } : {}),
    },
    orderBy: [{ center: { name: "asc" } }, { name: "asc" }],
    take: 200,
    include: { center: { select: { id: true, name: true, address: true } }, photos: PHOTOS_IN_ORDER },
  });
  const withPhotos = spaces.map((space) => ({ ...space, photos: photoViews(space.photos) }));
  if (!input.freeAt || spaces.length === 0) return withPhotos;
  const free = await freeAmong(db, spaces, input.freeAt, new Date(input.freeAt.getTime() + input.freeMinutes * MINUTE));
  return withPhotos.filter((space) => free.has(space.id));
}

/** The ids of `spaces` bookable for [start, end): the rules first, then one query for live bookings in the way. */
async function freeAmong(db: DbClient, spaces: readonly (Parameters<typeof slotProblem>[0] & { id: string; centerId: string })[], start: Date, end: Date) {
  const date = localParts(start).date;
  const centers = await db.center.findMany({
    where: { id: { in: [...new Set(spaces.map((space) => space.centerId))] } },
    select: { id: true, hours: true, closures: { where: { startsOn: { lte: new Date(`${date}T00:00:00Z`) }, endsOn: { gte: new Date(`${date}T00:00:00Z`) } } } },
  });
  const calendars = new Map<string, CenterCalendar>(
    centers.map((center) => [
      center.id,
      { hours: center.hours, closures: center.closures.map((c) => ({ startsOn: dateOnly(c.startsOn), endsOn: dateOnly(c.endsOn), reason: c.reason })) },
    ]),
  );
  const now = await databaseNow(db);
  const bookable = spaces.filter((space) => !slotProblem(space, calendars.get(space.centerId)!, start, end, now)).map((space) => space.id);
  if (bookable.length === 0) return new Set<string>();
  const busy = await queryRows<{ spaceId: string }>(
    db,
    Prisma.sql`SELECT DISTINCT b."spaceId" FROM "Booking" b JOIN "Space" s ON s."id" = b."spaceId"
                WHERE b."spaceId" IN (${Prisma.join(bookable.map((id) => Prisma.sql`${id}::uuid`))})
                  AND b."status" IN ('PENDING', 'CONFIRMED')
                  AND b."blockedRange" && tstzrange(${start.toISOString()}::timestamptz,
                                                    ${end.toISOString()}::timestamptz + make_interval(mins => s."bufferMinutes"), '[)')`,
  );
  const taken = new Set(busy.map((row) => row.spaceId));
  return new Set(bookable.filter((id) => !taken.has(id)));
}

/** Every amenity the active spaces list, for the filter's choices. */
export async function spaceAmenities(db: DbClient): Promise<string[]> {
  const rows = await queryRows<{ amenity: string }>(
    db,
    Prisma.sql`SELECT DISTINCT unnest("amenities") AS "amenity" FROM "Space" WHERE "active" ORDER BY 1 LIMIT 200`,
  );
  return rows.map((row) => row.amenity);
}
