/**
 * Spaces indicators: their definitions and the one statement that computes them. Sector does not apply.
 * Open hours come from each center's weekly hours day by day, with Colombia's holidays and the center's
 * closures taken out by the booking rules' own dayClosure, so "open" means what booking means by it.
 */
import { addDays, isoWeekday } from "../booking/time";
import { dayClosure, type CenterCalendar } from "../booking/rules";
import { Prisma, queryRows } from "../db/client";
import { monthlySeries, percent } from "./range";
import type { IndicatorBreakdownItem, IndicatorFamilyModule, StatsRange } from "./types";

interface SpaceRow {
  id: string;
  name: string;
  centerId: string;
  centerName: string;
  bookedMinutes: number;
}

interface CenterRow {
  id: string;
  hours: { weekday: number; opensMinute: number; closesMinute: number }[] | null;
  closures: { startsOn: string; endsOn: string }[] | null;
}

interface SpacesRow {
  spaces: SpaceRow[] | null;
  centers: CenterRow[] | null;
  bookings: number;
  bookingsByMonth: { period: string; value: number }[] | null;
  completed: number;
  noShows: number;
}

/** Minutes a center is open over the range's days (every day of [from, to]). */
export function openMinutes(calendar: CenterCalendar, range: Pick<StatsRange, "filters">): number {
  let minutes = 0;
  for (let date = range.filters.from; date <= range.filters.to; date = addDays(date, 1)) {
    if (dayClosure(calendar, date)) continue;
    const weekday = isoWeekday(date);
    for (const h of calendar.hours) if (h.weekday === weekday) minutes += h.closesMinute - h.opensMinute;
  }
  return minutes;
}

function occupancy(groups: Map<string, { label: string; booked: number; open: number }>): IndicatorBreakdownItem[] {
  return [...groups.entries()]
    .map(([key, g]) => ({ key, label: g.label, value: percent(g.booked, g.open) ?? 0 }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

export const spacesFamily: IndicatorFamilyModule = {
  family: "spaces",
  definitions: [
    { key: "spaces.bookings", family: "spaces", unit: "count", bySector: false },
    { key: "spaces.occupancyBySpace", family: "spaces", unit: "percent", bySector: false },
    { key: "spaces.occupancyByCenter", family: "spaces", unit: "percent", bySector: false },
    { key: "spaces.noShowRate", family: "spaces", unit: "percent", bySector: false },
  ],
  async compute(db, range) {
    const { start, end } = range;
    // Bookings that took place: confirmed, completed or no-show, starting in the range. Booked time:
    // confirmed and completed bookings' minutes inside the range. Spaces: active ones, and inactive ones booked in it.
    const [row] = await queryRows<{ doc: SpacesRow }>(
      db,
      Prisma.sql`
      WITH held AS (
        SELECT b."spaceId", b."status", b."startsAt", b."endsAt"
          FROM "Booking" b
         WHERE b."status" IN ('CONFIRMED', 'COMPLETED', 'NO_SHOW') AND b."startsAt" < ${end} AND b."endsAt" > ${start}
      ),
      booked AS (
        SELECT "spaceId", sum(extract(epoch FROM least("endsAt", ${end}::timestamptz) - greatest("startsAt", ${start}::timestamptz)) / 60) AS "minutes"
          FROM held WHERE "status" IN ('CONFIRMED', 'COMPLETED') GROUP BY 1
      ),
      started AS (SELECT * FROM held WHERE "startsAt" >= ${start})
      SELECT json_build_object(
        'spaces', (SELECT json_agg(json_build_object('id', s."id", 'name', s."name", 'centerId', c."id", 'centerName', c."name",
                                                     'bookedMinutes', COALESCE(bk."minutes", 0)))
                     FROM "Space" s JOIN "Center" c ON c."id" = s."centerId" LEFT JOIN booked bk ON bk."spaceId" = s."id"
                    WHERE s."active" OR bk."minutes" > 0),
        'centers', (SELECT json_agg(json_build_object(
                       'id', c."id",
                       'hours', (SELECT json_agg(json_build_object('weekday', h."weekday", 'opensMinute', h."opensMinute", 'closesMinute', h."closesMinute"))
                                   FROM "CenterHours" h WHERE h."centerId" = c."id"),
                       'closures', (SELECT json_agg(json_build_object('startsOn', cl."startsOn", 'endsOn', cl."endsOn"))
                                      FROM "CenterClosure" cl WHERE cl."centerId" = c."id" AND cl."endsOn" >= ${range.filters.from}::date AND cl."startsOn" <= ${range.filters.to}::date)))
                     FROM "Center" c),
        'bookings', (SELECT count(*) FROM started),
        'bookingsByMonth', (SELECT json_agg(json_build_object('period', m."period", 'value', m."value")) FROM (
           SELECT to_char("startsAt" AT TIME ZONE 'America/Bogota', 'YYYY-MM') AS "period", count(*) AS "value" FROM started GROUP BY 1) m),
        'completed', (SELECT count(*) FROM started WHERE "status" = 'COMPLETED'),
        'noShows', (SELECT count(*) FROM started WHERE "status" = 'NO_SHOW')
      ) AS "doc"`,
    );
    const doc = row!.doc;
    const openByCenter = new Map(
      (doc.centers ?? []).map((c) => [
        c.id,
        openMinutes(
          {
            hours: c.hours ?? [],
            closures: (c.closures ?? []).map((cl) => ({ startsOn: cl.startsOn.slice(0, 10), endsOn: cl.endsOn.slice(0, 10), reason: "" })),
          },
          range,
        ),
      ]),
    );
    const bySpace = new Map<string, { label: string; booked: number; open: number }>();
    const byCenter = new Map<string, { label: string; booked: number; open: number }>();
    for (const space of doc.spaces ?? []) {
      const open = openByCenter.get(space.centerId) ?? 0;
      const booked = Number(space.bookedMinutes);
      bySpace.set(space.id, { label: `${space.name} (${space.centerName})`, booked, open });
      const center = byCenter.get(space.centerId) ?? { label: space.centerName, booked: 0, open: 0 };
      byCenter.set(space.centerId, { label: center.label, booked: center.booked + booked, open: center.open + open });
    }
    const totalBooked = [...bySpace.values()].reduce((sum, s) => sum + s.booked, 0);
    const totalOpen = [...bySpace.values()].reduce((sum, s) => sum + s.open, 0);
    const completed = Number(doc.completed);
    const noShows = Number(doc.noShows);
    return {
      "spaces.bookings": { value: Number(doc.bookings), series: monthlySeries(range, doc.bookingsByMonth) },
      "spaces.occupancyBySpace": { value: percent(totalBooked, totalOpen), breakdown: occupancy(bySpace) },
      "spaces.occupancyByCenter": { value: percent(totalBooked, totalOpen), breakdown: occupancy(byCenter) },
      "spaces.noShowRate": { value: percent(noShows, completed + noShows) },
    };
  },
};
