/**
 * The demo innovation center: its hours, a closure, five spaces with their rules and bookings.
 * Made through the bookings service as the Secretariat and the bookers would (validated by the
 * same schemas, audited, checked by the same rules and the exclusion constraint), on open days
 * counted from the database clock in Bogotá. Only the past, COMPLETED bookings are written
 * directly: the service books the future only.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { actorOf } from "./actors";
import { Prisma, type Db, type DbClient } from "../db/client";
import { addClosure, createCenter, createSpace } from "../booking/centers";
import { dayClosure, type CenterCalendar } from "../booking/rules";
import { centerFields, closureInput, createBookingInput, spaceFields } from "../booking/schemas";
import { createBooking, databaseNow } from "../booking/service";
import { addDays, instantAt, isoWeekday, localParts } from "../booking/time";
import type { z } from "../validation";

const SECRETARIAT = "secretaria@cocrea.demo";
const ENTREPRENEUR = "emprendedora@cocrea.demo";
const ACADEMIA = "academia@cocrea.demo";
const UNIVERSITY = "universidad-industrial-del-magdalena-medio";

export const DEMO_CENTER_NAME = "Centro de Innovación y Tecnología de Barrancabermeja";

/** "09:30" → 570, minutes after midnight (Bogotá). */
const minuteOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const hours = (from: string, to: string) => ({ opensMinute: minuteOf(from), closesMinute: minuteOf(to) });

const DEMO_CENTER: Omit<z.input<typeof centerFields>, "hours"> = {
  name: DEMO_CENTER_NAME,
  address: "Carrera 28 # 47-15, barrio Colombia, Barrancabermeja, Santander",
  latitude: 7.0653,
  longitude: -73.8547,
  description:
    "Centro público del Distrito para crear y probar prototipos: laboratorio de electrónica, taller de fabricación digital, coworking, " +
    "sala de reuniones y auditorio. Lo administra la Secretaría TIC, Ciencia e Innovación y lo pueden reservar emprendedores, " +
    "universidades, empresas y colectivos de Barrancabermeja.",
};

/** Monday to Friday 08:00–12:00 and 14:00–18:00 (closed at lunch), Saturday mornings. */
const DEMO_HOURS = [
  ...[1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, ...hours("08:00", "12:00") }, { weekday, ...hours("14:00", "18:00") }]),
  { weekday: 6, ...hours("08:00", "12:00") },
];

const CLOSURE_REASON = "Mantenimiento preventivo de la subestación eléctrica y del aire acondicionado";

type DemoSpace = Omit<z.input<typeof spaceFields>, "centerId">;

const LAB = "Laboratorio de prototipado electrónico";
const MAKERSPACE = "Taller de fabricación digital";
const COWORKING = "Coworking Yariguíes";
const MEETING_ROOM = "Sala de reuniones Ciénaga San Silvestre";
const AUDITORIUM = "Auditorio Río Magdalena";

export const DEMO_SPACES: DemoSpace[] = [
  {
    name: LAB,
    kind: "LAB",
    capacity: 12,
    amenities: ["Osciloscopios", "Estaciones de soldadura", "Fuentes de poder", "Kits Arduino y ESP32", "Impresora 3D"],
    accessibilityNotes: "Primer piso, entrada sin escalones; dos mesas de trabajo a la altura de una silla de ruedas.",
    description: "Para armar y probar circuitos, sensores y dispositivos conectados. El equipo de soldadura exige inducción previa.",
    slotMinutes: 30,
    minDurationMinutes: 60,
    maxDurationMinutes: 240,
    minLeadMinutes: 120,
    maxHorizonDays: 30,
    // Cooling the soldering stations and putting the instruments away before the next group.
    bufferMinutes: 15,
    userWeeklyHours: 6,
  },
  {
    name: MAKERSPACE,
    kind: "MAKERSPACE",
    capacity: 16,
    amenities: ["Cortadora láser", "Fresadora CNC", "Impresoras 3D", "Herramienta de mano", "Extractor de humos"],
    accessibilityNotes: "Primer piso, puerta doble de 1,2 m; el área de corte tiene señalización táctil en el piso.",
    description: "Fabricación digital en madera, acrílico y PLA. Trae tus archivos en DXF o STL.",
    slotMinutes: 30,
    minDurationMinutes: 60,
    maxDurationMinutes: 180,
    minLeadMinutes: 120,
    maxHorizonDays: 30,
    bufferMinutes: 30,
  },
  {
    name: COWORKING,
    kind: "COWORKING",
    capacity: 30,
    amenities: ["Wifi de 300 Mbps", "Tomas eléctricas en cada puesto", "Café y agua", "Casilleros"],
    accessibilityNotes: "Segundo piso con ascensor; baño accesible en el mismo piso.",
    description: "Espacio abierto para equipos y jornadas de trabajo; se reserva completo por bloques de una hora.",
    slotMinutes: 60,
    minDurationMinutes: 60,
    maxDurationMinutes: 240,
    minLeadMinutes: 30,
    maxHorizonDays: 21,
  },
  {
    name: MEETING_ROOM,
    kind: "MEETING_ROOM",
    capacity: 10,
    amenities: ["Pantalla de 65 pulgadas", "Equipo de videoconferencia", "Tablero", "Aire acondicionado"],
    accessibilityNotes: "Segundo piso con ascensor; mesa con espacio libre para silla de ruedas y bucle magnético para audífonos.",
    description: "Para reuniones con aliados, mentorías y entrevistas.",
    slotMinutes: 30,
    minDurationMinutes: 30,
    maxDurationMinutes: 180,
    minLeadMinutes: 60,
    maxHorizonDays: 60,
    orgWeeklyHours: 10,
  },
  {
    name: AUDITORIUM,
    kind: "AUDITORIUM",
    capacity: 120,
    amenities: ["Sonido y micrófonos inalámbricos", "Proyector", "Tarima", "Transmisión en vivo"],
    accessibilityNotes: "Primer piso; rampa a la tarima, cuatro lugares reservados para sillas de ruedas e intérprete de lengua de señas a solicitud.",
    description: "Para lanzamientos, muestras de proyectos y eventos abiertos. La Secretaría aprueba cada reserva.",
    slotMinutes: 60,
    minDurationMinutes: 60,
    maxDurationMinutes: 240,
    // A working day for the Secretariat to decide.
    minLeadMinutes: 1440,
    maxHorizonDays: 90,
    bufferMinutes: 60,
    requiresApproval: true,
  },
];

interface DemoBooking {
  space: string;
  booker: string;
  /** On behalf of this demo organization (slug), which the booker belongs to. */
  organization?: string;
  /** Index into the open weekdays from the day after tomorrow (future) or before today (past). */
  day: number;
  from: string;
  to: string;
  purpose: string;
  attendees: number;
}

/** CONFIRMED when booked (PENDING on the auditorium, which waits for the Secretariat). */
const UPCOMING: DemoBooking[] = [
  { space: LAB, booker: ENTREPRENEUR, day: 0, from: "09:00", to: "11:00", purpose: "Ensamblar los kits de sensores de calidad del aire para los colegios", attendees: 3 },
  { space: LAB, booker: ACADEMIA, day: 1, from: "14:00", to: "17:00", purpose: "Práctica del semillero de sistemas embebidos", attendees: 8 },
  { space: MEETING_ROOM, booker: ENTREPRENEUR, day: 1, from: "10:00", to: "11:30", purpose: "Reunión con la asociación de pescadores de San Silvestre", attendees: 6 },
  { space: COWORKING, booker: ACADEMIA, organization: UNIVERSITY, day: 2, from: "08:00", to: "12:00", purpose: "Jornada de mentorías para equipos del Reto Distrito Muy Digital", attendees: 18 },
  { space: MAKERSPACE, booker: ENTREPRENEUR, day: 3, from: "14:00", to: "16:00", purpose: "Corte láser de las carcasas de los sensores", attendees: 2 },
  { space: AUDITORIUM, booker: ACADEMIA, organization: UNIVERSITY, day: 4, from: "14:00", to: "17:00", purpose: "Muestra de proyectos del laboratorio abierto de programación", attendees: 90 },
];

/** Already held, with check-in: what the no-show sweep marks COMPLETED. */
const PAST: DemoBooking[] = [
  { space: LAB, booker: ENTREPRENEUR, day: 0, from: "09:00", to: "11:00", purpose: "Primeras pruebas del sensor de material particulado", attendees: 2 },
  { space: MEETING_ROOM, booker: ACADEMIA, day: 2, from: "14:00", to: "16:00", purpose: "Comité del semillero de innovación con la Cámara de Comercio", attendees: 7 },
];

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const checkInCode = () => Array.from(randomBytes(8), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join("");

/** Open weekdays (no holiday, closure or closed day), walking from `from` by `step` days. */
function openWeekdays(calendar: CenterCalendar, from: string, step: 1 | -1, count: number): string[] {
  const dates: string[] = [];
  for (let date = from; dates.length < count; date = addDays(date, step)) {
    if (isoWeekday(date) <= 5 && !dayClosure(calendar, date)) dates.push(date);
  }
  return dates;
}

/** A held booking as the service would have inserted it, checked in 5 minutes early. */
async function insertCompleted(db: DbClient, space: { id: string; bufferMinutes: number }, userId: string, organizationId: string | null, date: string, booking: DemoBooking) {
  const startsAt = instantAt(date, minuteOf(booking.from));
  const endsAt = instantAt(date, minuteOf(booking.to));
  const bookedAt = new Date(startsAt.getTime() - 3 * 24 * 60 * 60_000);
  const checkedInAt = new Date(startsAt.getTime() - 5 * 60_000);
  await db.$executeRaw(
    Prisma.sql`
      INSERT INTO "Booking" ("id", "spaceId", "userId", "organizationId", "startsAt", "endsAt", "bufferMinutes", "blockedRange",
                             "status", "purpose", "attendees", "checkInCode", "checkedInAt", "createdAt", "updatedAt")
      VALUES (${randomUUID()}::uuid, ${space.id}::uuid, ${userId}::uuid, ${organizationId}::uuid, ${startsAt.toISOString()}::timestamptz,
              ${endsAt.toISOString()}::timestamptz, ${space.bufferMinutes}::int,
              tstzrange(${startsAt.toISOString()}::timestamptz, ${endsAt.toISOString()}::timestamptz + make_interval(mins => ${space.bufferMinutes}::int), '[)'),
              'COMPLETED', ${booking.purpose}, ${booking.attendees}::int, ${checkInCode()}, ${checkedInAt.toISOString()}::timestamptz,
              ${bookedAt.toISOString()}::timestamptz, ${endsAt.toISOString()}::timestamptz)`,
  );
}

/** Idempotent: the center is matched by its name, and nothing is added once it exists. */
export async function seedDemoSpaces(db: Db, users: ReadonlyMap<string, string>): Promise<void> {
  if (await db.center.findFirst({ where: { name: DEMO_CENTER_NAME }, select: { id: true } })) return;
  const user = (email: string) => {
    const id = users.get(email);
    if (!id) throw new Error(`Demo spaces: account ${email} is not seeded`);
    return id;
  };
  const organizations = new Map((await db.organization.findMany({ select: { id: true, slug: true } })).map((o) => [o.slug, o.id]));
  const organization = (slug: string | undefined) => {
    if (!slug) return undefined;
    const id = organizations.get(slug);
    if (!id) throw new Error(`Demo spaces: organization ${slug} is not seeded`);
    return id;
  };
  await db.$transaction(
    async (tx) => {
      const secretariat = await actorOf(tx, user(SECRETARIAT));
      const today = localParts(await databaseNow(tx)).date;
      const center = await createCenter(tx, secretariat, centerFields.parse({ ...DEMO_CENTER, hours: DEMO_HOURS }));
      // Two open weekdays about a week ahead, so the calendar shows it while bookings go around it.
      const [closureStart] = openWeekdays({ hours: DEMO_HOURS, closures: [] }, addDays(today, 5), 1, 1);
      const closure = { startsOn: closureStart!, endsOn: addDays(closureStart!, 1), reason: CLOSURE_REASON };
      await addClosure(tx, secretariat, closureInput.parse({ centerId: center.id, ...closure }));
      const calendar: CenterCalendar = { hours: DEMO_HOURS, closures: [closure] };

      const spaces = new Map<string, { id: string; bufferMinutes: number }>();
      for (const space of DEMO_SPACES) {
        const created = await createSpace(tx, secretariat, spaceFields.parse({ ...space, centerId: center.id }));
        spaces.set(space.name, created);
      }
      const space = (name: string) => spaces.get(name)!;

      // From the day after tomorrow: every lead time (the auditorium's is a day) is met whenever the seed runs.
      const upcomingDays = openWeekdays(calendar, addDays(today, 2), 1, Math.max(...UPCOMING.map((b) => b.day)) + 1);
      for (const booking of UPCOMING) {
        const date = upcomingDays[booking.day]!;
        const input = createBookingInput.parse({
          spaceId: space(booking.space).id,
          startsAt: instantAt(date, minuteOf(booking.from)),
          endsAt: instantAt(date, minuteOf(booking.to)),
          purpose: booking.purpose,
          attendees: booking.attendees,
          organizationId: organization(booking.organization),
        });
        await createBooking(tx, await actorOf(tx, user(booking.booker)), input, "es");
      }

      const pastDays = openWeekdays(calendar, addDays(today, -1), -1, Math.max(...PAST.map((b) => b.day)) + 1);
      for (const booking of PAST) {
        await insertCompleted(tx, space(booking.space), user(booking.booker), organization(booking.organization) ?? null, pastDays[booking.day]!, booking);
      }
    },
    // Some twenty statements through the service, each a round trip.
    { timeout: 30_000 },
  );
}
