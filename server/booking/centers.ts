/** Centers (hours, closures) and spaces with their booking rules: managed by the Secretariat. */
import type { Actor } from "../authz/actor";
import { recordAudit } from "../audit/service";
import { inTransaction, type DbClient } from "../db/client";
import { AppError } from "../trpc/errors";
import { PHOTOS_IN_ORDER, photoViews } from "./photos";
import type { CenterCalendar } from "./rules";
import type { z } from "../validation";
import type { centerFields, closureInput, spaceFields } from "./schemas";
import { addDays, dateOnly, holidayOn } from "./time";

type CenterFields = z.infer<typeof centerFields>;
type SpaceFields = z.infer<typeof spaceFields>;

const hoursOrder = [{ weekday: "asc" as const }, { opensMinute: "asc" as const }];

export async function createCenter(db: DbClient, actor: Actor, input: CenterFields) {
  return inTransaction(db, async (tx) => {
    const { hours, ...fields } = input;
    const center = await tx.center.create({ data: { ...fields, hours: { create: hours } }, include: { hours: { orderBy: hoursOrder } } });
    await recordAudit(tx, { actorId: actor.id, action: "center.create", subjectType: "Center", subjectId: center.id });
    return center;
  });
}

/** Replaces the center's fields and opening hours as a whole. */
export async function updateCenter(db: DbClient, actor: Actor, input: CenterFields & { id: string }) {
  return inTransaction(db, async (tx) => {
    const { id, hours, ...fields } = input;
    const updated = await tx.center.updateMany({ where: { id }, data: fields });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "center.notFound");
    await tx.centerHours.deleteMany({ where: { centerId: id } });
    await tx.centerHours.createMany({ data: hours.map((h) => ({ ...h, centerId: id })) });
    await recordAudit(tx, { actorId: actor.id, action: "center.update", subjectType: "Center", subjectId: id });
    return tx.center.findUniqueOrThrow({ where: { id }, include: { hours: { orderBy: hoursOrder } } });
  });
}

export async function addClosure(db: DbClient, actor: Actor, input: z.infer<typeof closureInput>) {
  return inTransaction(db, async (tx) => {
    const center = await tx.center.findUnique({ where: { id: input.centerId }, select: { id: true } });
    if (!center) throw new AppError("NOT_FOUND", "center.notFound");
    const closure = await tx.centerClosure.create({
      data: { centerId: input.centerId, startsOn: new Date(`${input.startsOn}T00:00:00Z`), endsOn: new Date(`${input.endsOn}T00:00:00Z`), reason: input.reason },
    });
    await recordAudit(tx, { actorId: actor.id, action: "center.closure", subjectType: "Center", subjectId: input.centerId, reason: input.reason });
    return { id: closure.id, startsOn: input.startsOn, endsOn: input.endsOn, reason: closure.reason };
  });
}

export async function removeClosure(db: DbClient, actor: Actor, id: string) {
  return inTransaction(db, async (tx) => {
    const [removed] = await tx.centerClosure.findMany({ where: { id }, select: { centerId: true } });
    if (!removed) throw new AppError("NOT_FOUND", "center.closureNotFound");
    await tx.centerClosure.delete({ where: { id } });
    await recordAudit(tx, { actorId: actor.id, action: "center.reopen", subjectType: "Center", subjectId: removed.centerId });
    return { ok: true as const };
  });
}

export async function listCenters(db: DbClient) {
  const centers = await db.center.findMany({
    orderBy: { name: "asc" },
    take: 200,
    select: { id: true, name: true, address: true, latitude: true, longitude: true, _count: { select: { spaces: { where: { active: true } } } } },
  });
  return centers.map(({ _count, ...c }) => ({ ...c, spaceCount: _count.spaces }));
}

/** A center with its hours, its closures from `today` on, the holidays of the next 90 days and its spaces. */
export async function centerDetail(db: DbClient, id: string, today: string) {
  const center = await db.center.findUnique({
    where: { id },
    include: {
      hours: { orderBy: hoursOrder },
      closures: { where: { endsOn: { gte: new Date(`${today}T00:00:00Z`) } }, orderBy: { startsOn: "asc" }, take: 100 },
      spaces: { where: { active: true }, orderBy: { name: "asc" }, take: 200 },
      photos: PHOTOS_IN_ORDER,
    },
  });
  if (!center) throw new AppError("NOT_FOUND", "center.notFound");
  const holidays: { date: string; name: string }[] = [];
  for (let i = 0; i < 90; i++) {
    const date = addDays(today, i);
    const name = holidayOn(date);
    if (name) holidays.push({ date, name });
  }
  return {
    ...center,
    closures: center.closures.map((c) => ({ id: c.id, startsOn: dateOnly(c.startsOn), endsOn: dateOnly(c.endsOn), reason: c.reason })),
    holidays,
    photos: photoViews(center.photos),
  };
}

export async function createSpace(db: DbClient, actor: Actor, input: SpaceFields) {
  return inTransaction(db, async (tx) => {
    const center = await tx.center.findUnique({ where: { id: input.centerId }, select: { id: true } });
    if (!center) throw new AppError("NOT_FOUND", "center.notFound");
    const space = await tx.space.create({ data: input });
    await recordAudit(tx, { actorId: actor.id, action: "space.create", subjectType: "Space", subjectId: space.id });
    return space;
  });
}

/** New rules apply to bookings made from now on; existing bookings keep their times and buffer. */
export async function updateSpace(db: DbClient, actor: Actor, input: SpaceFields & { id: string }) {
  return inTransaction(db, async (tx) => {
    const { id, ...fields } = input;
    const center = await tx.center.findUnique({ where: { id: fields.centerId }, select: { id: true } });
    if (!center) throw new AppError("NOT_FOUND", "center.notFound");
    const updated = await tx.space.updateMany({ where: { id }, data: fields });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "space.notFound");
    await recordAudit(tx, { actorId: actor.id, action: "space.update", subjectType: "Space", subjectId: id });
    return tx.space.findUniqueOrThrow({ where: { id } });
  });
}

export async function spaceDetail(db: DbClient, id: string) {
  const space = await db.space.findUnique({
    where: { id },
    include: { center: { select: { id: true, name: true, address: true, latitude: true, longitude: true } }, photos: PHOTOS_IN_ORDER },
  });
  if (!space) throw new AppError("NOT_FOUND", "space.notFound");
  return { ...space, photos: photoViews(space.photos) };
}

/** A space with what its booking rules need: its center's hours and closures (from `fromDate` on). */
export async function spaceWithCalendar(db: DbClient, spaceId: string, fromDate: string) {
  const space = await db.space.findUnique({
    where: { id: spaceId },
    include: {
      center: {
        include: {
          hours: true,
          closures: { where: { endsOn: { gte: new Date(`${fromDate}T00:00:00Z`) } } },
        },
      },
    },
  });
  if (!space) return null;
  const calendar: CenterCalendar = {
    hours: space.center.hours,
    closures: space.center.closures.map((c) => ({ startsOn: dateOnly(c.startsOn), endsOn: dateOnly(c.endsOn), reason: c.reason })),
  };
  return { space, calendar };
}
