/**
 * /espacios (find a space) and /espacios/:id (its week, and booking a slot of it). The filters and
 * the week live in the URL, so every view is a link that works without JavaScript; the booking
 * form posts to the space's page and lands on the booking (or, for a weekly series, back on the
 * page with what was booked and what was skipped).
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { createBookingInput, createSeriesInput } from "../../server/booking/schemas";
import { addDays, isDate, weekStart } from "../../server/booking/time";
import { SpaceKind } from "../../server/db/generated/enums";
import { can } from "../../server/authz/policy";
import { z } from "../../server/validation";
import { bogotaLocalToInstant } from "./bogota-time";
import { intentAction, schemaConstraint } from "./forms.server";
import { readForm } from "./form-request.server";
import { weekRows } from "./space-week.server";

const KINDS = Object.values(SpaceKind);
const DURATIONS = [30, 60, 90, 120, 180, 240, 480];

/** /espacios?centro=&tipo=&capacidad=&dotacion=&fecha=&hora=&duracion=: an unusable value means "any". */
function searchFilters(params: URLSearchParams) {
  const number = (name: string) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value > 0 && value <= 5000 ? value : undefined;
  };
  const date = params.get("fecha") ?? "";
  const time = params.get("hora") ?? "";
  const freeAt = isDate(date) && /^\d{2}:\d{2}$/.test(time) ? bogotaLocalToInstant(`${date}T${time}`) : null;
  const duration = number("duracion");
  return {
    centro: params.get("centro")?.trim().slice(0, 40) || undefined,
    tipo: KINDS.find((kind) => kind === params.get("tipo")),
    capacidad: number("capacidad"),
    dotacion: params.get("dotacion")?.trim().slice(0, 80) || undefined,
    fecha: freeAt ? date : undefined,
    hora: freeAt ? time : undefined,
    duracion: duration && DURATIONS.includes(duration) ? duration : 60,
    freeAt,
  };
}

export async function spacesPage(context: AppLoadContext, request: Request) {
  const filters = searchFilters(new URL(request.url).searchParams);
  const centerId = z.uuid().safeParse(filters.centro).success ? filters.centro : undefined;
  const [spaces, centers, amenities] = await Promise.all([
    context.caller.space.list({
      centerId,
      kind: filters.tipo,
      minCapacity: filters.capacidad,
      amenity: filters.dotacion,
      ...(filters.freeAt ? { freeAt: new Date(filters.freeAt), freeMinutes: filters.duracion } : {}),
    }),
    context.caller.center.list(),
    context.caller.space.amenities(),
  ]);
  const { freeAt: _freeAt, ...shown } = filters;
  return {
    filters: { ...shown, centro: centerId },
    filtered: Boolean(centerId || filters.tipo || filters.capacidad || filters.dotacion || filters.freeAt),
    durations: DURATIONS,
    spaces: spaces.map((space) => ({
      id: space.id,
      name: space.name,
      kind: space.kind,
      capacity: space.capacity,
      amenities: space.amenities,
      requiresApproval: space.requiresApproval,
      center: space.center,
      photo: space.photos[0] ?? null,
    })),
    centers: centers.map((center) => ({ id: center.id, name: center.name })),
    amenities,
  };
}

// ---------------------------------------------------------------------------------------------
// One space: its week and the booking form
// ---------------------------------------------------------------------------------------------

export const bookForm = z.object({
  intent: z.literal("book"),
  startsAt: createBookingInput.shape.startsAt,
  durationMinutes: z.number().int().min(5).max(1440),
  purpose: createBookingInput.shape.purpose,
  attendees: createBookingInput.shape.attendees,
  organizationId: z.uuid().optional(),
  /** 1: a single booking; more: the same time each following week. */
  occurrences: z.number().int().min(1).max(12).default(1),
  mode: createSeriesInput.shape.mode.default("SKIP_CONFLICTS"),
});

function notFound(context: AppLoadContext, error: unknown): never {
  const { httpStatus, message } = context.describeError(error);
  if (httpStatus === 404 || httpStatus === 400) throw json({ message }, { status: 404 });
  throw error;
}

/** /espacios/:id?semana=&duracion=&vista=lista&inicio= */
export async function spacePage(context: AppLoadContext, request: Request, spaceId: string) {
  const params = new URL(request.url).searchParams;
  const space = await context.caller.space.get({ id: spaceId }).catch((error: unknown) => notFound(context, error));
  const requested = params.get("semana") ?? "";
  const durations = durationChoices(space);
  const asked = Number(params.get("duracion"));
  const durationMinutes = durations.includes(asked) ? asked : space.minDurationMinutes;
  // Without ?semana=, this week by the database clock (the procedure's default).
  const availability = await context.caller.availability.forSpace({ spaceId, durationMinutes, ...(isDate(requested) ? { from: weekStart(requested) } : {}) });
  const week = availability.from;
  const start = params.get("inicio");
  const chosen = start ? availability.days.flatMap((day) => day.slots).find((slot) => slot.startsAt.toISOString() === start) : undefined;
  const actor = context.ctx.actor;
  const organizations = actor ? (await context.caller.organization.mine()).map((o) => ({ id: o.id, name: o.name })) : [];
  // The Secretariat sees who booked the week, each booking a link to cancel it with a reason.
  const bookings = can(actor, "booking.decide", null) ? await context.caller.booking.ofSpace({ spaceId, from: week, to: addDays(week, 6) }) : null;
  return {
    space,
    week: {
      start: week,
      previous: addDays(week, -7),
      next: addDays(week, 7),
      isCurrent: week === weekStart(availability.today),
      days: availability.days.map((day) => ({
        date: day.date,
        closed: day.closed,
        hours: day.hours,
        slots: day.slots.map((slot) => ({ startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() })),
      })),
      rows: weekRows(availability.days, space.slotMinutes),
    },
    durationMinutes,
    durations,
    view: params.get("vista") === "lista" ? ("list" as const) : ("grid" as const),
    chosen: chosen ? { startsAt: chosen.startsAt.toISOString(), endsAt: chosen.endsAt.toISOString() } : null,
    /** A chosen slot that is no longer free (taken meanwhile, or a stale link). */
    chosenGone: Boolean(start) && !chosen,
    bookings,
    signedIn: actor !== null,
    organizations,
    constraint: schemaConstraint(bookForm),
  };
}

/** The lengths a booking of this space may have, from its minimum to its maximum. */
function durationChoices(space: { slotMinutes: number; minDurationMinutes: number; maxDurationMinutes: number }) {
  const choices: number[] = [];
  for (let minutes = space.minDurationMinutes; minutes <= space.maxDurationMinutes && choices.length < 48; minutes += space.slotMinutes) {
    choices.push(minutes);
  }
  return choices;
}

export async function spaceAction(context: AppLoadContext, request: Request, spaceId: string) {
  if (!context.ctx.user) throw redirect(`/ingresar?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  const form = await readForm({ request, context });
  return intentAction(context, form, { book: bookForm }, async (values) => {
    const { intent: _intent, durationMinutes, occurrences, mode, ...booking } = values;
    const input = { ...booking, spaceId, endsAt: new Date(booking.startsAt.getTime() + durationMinutes * 60_000) };
    if (occurrences === 1) {
      const created = await context.caller.booking.create(input);
      return redirect(`/reservas/${created.id}?hecho=creada`);
    }
    const series = await context.caller.booking.createSeries({ ...input, occurrences, mode });
    return json({
      ok: true as const,
      series: {
        created: series.created.map((b) => ({ id: b.id, startsAt: b.startsAt.toISOString(), status: b.status })),
        skipped: series.skipped.map((s) => ({ date: s.date, startsAt: s.startsAt.toISOString(), reason: s.reason })),
      },
    });
  });
}
