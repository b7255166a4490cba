import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOrganizationFor } from "./org";
import { callerAs, callerOfUser, failureOf, useTestServices } from "../support/callers";
import { testClock } from "../support/clock";
import { NOW, booking, bogota, createCenter, createSpace, overlappingPairs } from "./fixtures";

const suite = useTestServices();
const clock = () => testClock(suite.db);

beforeAll(async () => {
  await clock().set(NOW);
});

describe("centers and spaces (Secretariat)", () => {
  it("creates a center with several ranges a day, a closure and a space, and lists the holidays ahead", async () => {
    const { caller } = await callerAs(suite.services, "SECRETARIAT");
    const center = await caller.center.create({
      name: "Centro de Innovación del Puerto",
      address: "Carrera 1 # 50-10, Barrancabermeja",
      latitude: 7.07,
      longitude: -73.86,
      hours: [
        { weekday: 1, opensMinute: 480, closesMinute: 720 },
        { weekday: 1, opensMinute: 840, closesMinute: 1080 },
      ],
    });
    expect(center.hours).toHaveLength(2);
    await caller.center.addClosure({ centerId: center.id, startsOn: "2026-12-21", endsOn: "2026-12-24", reason: "Mantenimiento eléctrico" });
    const space = await caller.space.create({ centerId: center.id, name: "Laboratorio de prototipos", kind: "LAB", capacity: 8, amenities: ["Impresora 3D", "Cortadora láser"] });
    const detail = await caller.center.get({ id: center.id });
    expect(detail.closures).toEqual([expect.objectContaining({ startsOn: "2026-12-21", endsOn: "2026-12-24", reason: "Mantenimiento eléctrico" })]);
    expect(detail.holidays).toContainEqual({ date: "2026-12-08", name: expect.stringMatching(/inmaculada/i) });
    expect(detail.spaces.map((s) => s.id)).toEqual([space.id]);
  });

  it("refuses overlapping ranges of one weekday and inconsistent duration rules, with their messages", async () => {
    const { caller } = await callerAs(suite.services, "SECRETARIAT");
    const overlap = await failureOf(
      caller.center.create({
        name: "Centro con horario cruzado",
        address: "Calle 1 # 2-3, Barrancabermeja",
        latitude: 7,
        longitude: -73,
        hours: [
          { weekday: 2, opensMinute: 480, closesMinute: 720 },
          { weekday: 2, opensMinute: 700, closesMinute: 900 },
        ],
      }),
    );
    expect(overlap.message).toBe("Los horarios de un mismo día no pueden superponerse.");
    const center = await createCenter(suite.db);
    const rules = await failureOf(caller.space.create({ centerId: center.id, name: "Sala rara", kind: "COWORKING", capacity: 4, minDurationMinutes: 120, maxDurationMinutes: 60 }));
    expect(rules.fieldErrors.minDurationMinutes).toMatch(/duración mínima/);
  });
});

describe("booking rules, each with its message", () => {
  let spaceId: string;
  beforeAll(async () => {
    spaceId = (await createSpace(suite.db, { minDurationMinutes: 60, maxDurationMinutes: 180, capacity: 10 })).id;
    const center = (await suite.db.space.findUniqueOrThrow({ where: { id: spaceId } })).centerId;
    await suite.db.centerClosure.create({ data: { centerId: center, startsOn: new Date("2026-12-14T00:00:00Z"), endsOn: new Date("2026-12-15T00:00:00Z"), reason: "Inventario anual" } });
  });

  const cases: [string, () => ReturnType<typeof booking>, RegExp][] = [
    ["end before start", () => booking(spaceId, "2026-12-09", "10:00", "09:00"), /hora de fin debe ser posterior/],
    ["granularity", () => booking(spaceId, "2026-12-09", "10:15", "11:15"), /múltiplos de 30 minutos/],
    ["minimum duration", () => booking(spaceId, "2026-12-09", "10:00", "10:30"), /al menos 60 minutos/],
    ["maximum duration", () => booking(spaceId, "2026-12-09", "08:00", "12:00"), /como máximo 180 minutos/],
    ["holiday (8 December)", () => booking(spaceId, "2026-12-08", "09:00", "10:00"), /cerrado el martes, 8 de diciembre de 2026 por ser festivo \(La inmaculada concepción\)/],
    ["closure", () => booking(spaceId, "2026-12-14", "09:00", "10:00"), /cerrado del lunes, 14 de diciembre de 2026 al martes, 15 de diciembre de 2026: Inventario anual/],
    ["closed weekday (Sunday)", () => booking(spaceId, "2026-12-13", "09:00", "10:00"), /no abre ese día/],
    ["outside opening hours (lunch)", () => booking(spaceId, "2026-12-09", "11:00", "13:00"), /no está abierto en ese horario.*08:00–12:00, 14:00–18:00/],
    ["in the past", () => booking(spaceId, "2026-11-30", "09:00", "10:00"), /ya pasó/],
    ["lead time", () => booking(spaceId, "2026-12-01", "08:00", "09:00"), /al menos 60 minutos de anticipación/],
    ["horizon", () => booking(spaceId, "2027-02-03", "09:00", "10:00"), /como máximo con 60 días de anticipación/],
    ["capacity", () => booking(spaceId, "2026-12-09", "09:00", "10:00", { attendees: 11 }), /como máximo 10 personas/],
  ];
  for (const [rule, input, message] of cases) {
    it(`${rule}`, async () => {
      const { caller } = await callerAs(suite.services, "ENTREPRENEUR");
      const failure = await failureOf(caller.booking.create(input()));
      expect(failure.httpStatus).toBe(400);
      expect(failure.message).toMatch(message);
    });
  }

  it("speaks English too", async () => {
    const { caller } = await callerAs(suite.services, "ENTREPRENEUR", { locale: "en" });
    const failure = await failureOf(caller.booking.create(booking(spaceId, "2026-12-08", "09:00", "10:00")), "en");
    expect(failure.message).toMatch(/closed on Tuesday, December 8, 2026, a public holiday/);
  });

  it("lets only the roles the space allows book it", async () => {
    const labId = (await createSpace(suite.db, { allowedRoles: ["ACADEMIA", "COMPANY"] })).id;
    const { caller } = await callerAs(suite.services, "ENTREPRENEUR");
    const failure = await failureOf(caller.booking.create(booking(labId, "2026-12-09", "09:00", "10:00")));
    expect([failure.httpStatus, failure.message]).toEqual([403, "Tu tipo de cuenta no puede reservar este espacio."]);
    const academia = await callerAs(suite.services, "ACADEMIA");
    expect((await academia.caller.booking.create(booking(labId, "2026-12-09", "09:00", "10:00"))).status).toBe("CONFIRMED");
  });

  it("books for an organization only its members", async () => {
    const owner = await callerAs(suite.services, "COMPANY");
    const organizationId = await createOrganizationFor(suite.db, owner.user!.id);
    const stranger = await callerAs(suite.services, "COMPANY");
    const failure = await failureOf(stranger.caller.booking.create(booking(spaceId, "2026-12-10", "09:00", "10:00", { organizationId })));
    expect([failure.httpStatus, failure.message]).toEqual([403, "Solo puedes reservar a nombre de una organización de la que eres miembro."]);
  });
});

describe("buffers", () => {
  it("keeps the buffer after every booking, in both directions, and not twice", async () => {
    const { id: spaceId } = await createSpace(suite.db, { bufferMinutes: 30 });
    const { caller } = await callerAs(suite.services, "ENTREPRENEUR");
    await caller.booking.create(booking(spaceId, "2026-12-09", "10:00", "11:00"));
    // After: the next may start 30 minutes after the end, not before.
    const tooSoon = await failureOf(caller.booking.create(booking(spaceId, "2026-12-09", "11:00", "11:30")));
    expect([tooSoon.httpStatus, tooSoon.message]).toEqual([409, expect.stringMatching(/^Ese horario acaba de ser reservado/)]);
    expect((await caller.booking.create(booking(spaceId, "2026-12-09", "11:30", "12:00"))).status).toBe("CONFIRMED");
    // Before: one ending at 09:30 leaves exactly the buffer; one ending at 10:00 does not.
    expect(await failureOf(caller.booking.create(booking(spaceId, "2026-12-09", "09:00", "10:00")))).toMatchObject({ httpStatus: 409 });
    expect((await caller.booking.create(booking(spaceId, "2026-12-09", "09:00", "09:30"))).status).toBe("CONFIRMED");
    expect(await overlappingPairs(suite.db, spaceId)).toBe(0);
  });

  it("answers a taken slot with the three nearest free alternatives, in Bogotá time", async () => {
    const { id: spaceId } = await createSpace(suite.db, { bufferMinutes: 30, minDurationMinutes: 60 });
    const first = await callerAs(suite.services, "ENTREPRENEUR");
    await first.caller.booking.create(booking(spaceId, "2026-12-09", "10:00", "11:00"));
    const second = await callerAs(suite.services, "ACADEMIA");
    const failure = await failureOf(second.caller.booking.create(booking(spaceId, "2026-12-09", "10:00", "11:00")));
    expect(failure.httpStatus).toBe(409);
    // 08:00–09:00 and 08:30–09:30 end at least 30 minutes before 10:00; 11:30–12:30 does not fit before noon.
    expect(failure.message).toBe(
      "Ese horario acaba de ser reservado. Horarios libres más cercanos: " +
        "mié, 9 de diciembre, 08:00–09:00; mié, 9 de diciembre, 08:30–09:30; mié, 9 de diciembre, 14:00–15:00.",
    );
  });
});

describe("availability", () => {
  it("shows the holiday and the closure as closed days and leaves out slots a booking and its buffer block", async () => {
    const { id: spaceId } = await createSpace(suite.db, { bufferMinutes: 30, minDurationMinutes: 60 });
    const { caller } = await callerAs(suite.services, "ENTREPRENEUR");
    await caller.booking.create(booking(spaceId, "2026-12-09", "10:00", "11:00"));
    const anonymous = await callerAs(suite.services, null);
    const result = await anonymous.caller.availability.forSpace({ spaceId, from: "2026-12-07", to: "2026-12-13" });
    const day = (date: string) => result.days.find((d) => d.date === date)!;
    expect(day("2026-12-08")).toMatchObject({ closed: { kind: "HOLIDAY", name: "La inmaculada concepción" }, slots: [] });
    expect(day("2026-12-13")).toMatchObject({ closed: { kind: "CLOSED" }, slots: [] });
    const times = (date: string) => day(date).slots.map((s) => s.startsAt.toISOString());
    // 09:00–10:00 plus its 30-minute buffer reaches 10:30, past the booking's start;
    // 10:00–11:30 is the booking and its buffer; 11:00–12:00 overlaps them.
    expect(times("2026-12-09")).toEqual(["08:00", "08:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00"].map((t) => bogota("2026-12-09", t).toISOString()));
    expect(times("2026-12-12")).toEqual(["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00"].map((t) => bogota("2026-12-12", t).toISOString()));
    // Every listed slot is accepted by booking.create.
    const [slot] = day("2026-12-09").slots;
    expect((await caller.booking.create({ spaceId, startsAt: slot!.startsAt, endsAt: slot!.endsAt, purpose: "Taller de prototipado", attendees: 2 })).status).toBe("CONFIRMED");
  });

  it("refuses ranges longer than 31 days", async () => {
    const { id: spaceId } = await createSpace(suite.db);
    const { caller } = await callerAs(suite.services, null);
    const failure = await failureOf(caller.availability.forSpace({ spaceId, from: "2026-12-01", to: "2027-01-01" }));
    expect(failure.message).toBe("Consulta como máximo 31 días a la vez.");
  });
});

describe("quotas", () => {
  it("counts a person's hours per week (Monday to Sunday, Bogotá) and an organization's", async () => {
    const { id: spaceId } = await createSpace(suite.db, { userWeeklyHours: 3, orgWeeklyHours: 4 });
    const me = await callerAs(suite.services, "COMPANY");
    await me.caller.booking.create(booking(spaceId, "2026-12-09", "08:00", "10:00"));
    const over = await failureOf(me.caller.booking.create(booking(spaceId, "2026-12-10", "08:00", "10:00")));
    expect([over.httpStatus, over.message]).toEqual([
      409,
      "Con esta reserva superarías tu límite de 3 horas por semana en este espacio (semana del lunes, 7 de diciembre de 2026); te quedan 1 horas.",
    ]);
    // Next week is a new week.
    expect((await me.caller.booking.create(booking(spaceId, "2026-12-16", "08:00", "10:00"))).status).toBe("CONFIRMED");

    const owner = await callerAs(suite.services, "COMPANY");
    const colleague = await callerAs(suite.services, "COMPANY");
    const organizationId = await createOrganizationFor(suite.db, owner.user!.id, [colleague.user!.id]);
    const ownerSession = await callerOfUser(suite.services, owner.user!.id);
    const colleagueSession = await callerOfUser(suite.services, colleague.user!.id);
    await ownerSession.booking.create(booking(spaceId, "2026-12-17", "14:00", "16:00", { organizationId }));
    await colleagueSession.booking.create(booking(spaceId, "2026-12-18", "14:00", "16:00", { organizationId }));
    const orgOver = await failureOf(ownerSession.booking.create(booking(spaceId, "2026-12-18", "16:00", "17:00", { organizationId })));
    expect(orgOver.message).toMatch(/^Con esta reserva la organización superaría su límite de 4 horas por semana .*; le quedan 0 horas\.$/);
    // Without the organization, the same hour counts only against the person's own quota.
    expect((await ownerSession.booking.create(booking(spaceId, "2026-12-18", "16:00", "17:00"))).status).toBe("CONFIRMED");
  });

  it("holds under parallel requests: 8 at once for 1-hour slots with a 3-hour quota leave exactly 3", async () => {
    const { id: spaceId } = await createSpace(suite.db, { userWeeklyHours: 3, minDurationMinutes: 60 });
    const me = await callerAs(suite.services, "ENTREPRENEUR");
    const slots = ["08:00", "09:00", "10:00", "11:00", "14:00", "15:00", "16:00", "17:00"].map((t) => [t, `${String(Number(t.slice(0, 2)) + 1).padStart(2, "0")}:00`]);
    const requests = slots.map(([from, to], i) => me.caller.booking.create(booking(spaceId, i % 2 ? "2026-12-09" : "2026-12-10", from!, to!)));
    const results = await Promise.allSettled(requests);
    const failures = await Promise.all(results.filter((r) => r.status === "rejected").map((r) => failureOf(Promise.reject((r as PromiseRejectedResult).reason))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(failures).toHaveLength(5);
    for (const failure of failures) {
      expect([failure.httpStatus, failure.message]).toEqual([409, expect.stringMatching(/^Con esta reserva superarías tu límite de 3 horas por semana .*te quedan 0 horas\.$/)]);
    }
    const [row] = await suite.db.$queryRaw<{ hours: number }[]>`SELECT sum(extract(epoch FROM "endsAt" - "startsAt") / 3600)::int AS hours FROM "Booking" WHERE "spaceId" = ${spaceId}::uuid`;
    expect(row!.hours).toBe(3);
  });
});

describe("approval, cancellation", () => {
  it("makes bookings PENDING when the space requires approval; the Secretariat approves or rejects with a reason", async () => {
    const { id: spaceId } = await createSpace(suite.db, { requiresApproval: true, kind: "AUDITORIUM", capacity: 200 });
    const me = await callerAs(suite.services, "ACADEMIA");
    const a = await me.caller.booking.create(booking(spaceId, "2026-12-09", "08:00", "10:00"));
    const b = await me.caller.booking.create(booking(spaceId, "2026-12-10", "08:00", "10:00"));
    expect([a.status, b.status]).toEqual(["PENDING", "PENDING"]);
    // A pending booking already holds its time.
    const other = await callerAs(suite.services, "COMPANY");
    expect((await failureOf(other.caller.booking.create(booking(spaceId, "2026-12-09", "09:00", "10:00")))).httpStatus).toBe(409);
    const secretariat = await callerAs(suite.services, "SECRETARIAT");
    expect((await secretariat.caller.booking.pending({ spaceId })).map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect((await secretariat.caller.booking.decide({ id: a.id, decision: "approve" })).status).toBe("CONFIRMED");
    expect((await failureOf(secretariat.caller.booking.decide({ id: b.id, decision: "reject" }))).fieldErrors.reason).toBe("Este campo es obligatorio.");
    expect((await secretariat.caller.booking.decide({ id: b.id, decision: "reject", reason: "El auditorio está reservado para un evento distrital." })).status).toBe("REJECTED");
    expect((await failureOf(secretariat.caller.booking.decide({ id: a.id, decision: "reject", reason: "Tarde" }))).message).toBe("Esta reserva ya no está pendiente de aprobación.");
    const audit = await suite.db.auditEntry.findMany({ where: { subjectId: { in: [a.id, b.id] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["booking.approve", "booking.reject"]);
    // The rejected one's time is free again.
    expect((await other.caller.booking.create(booking(spaceId, "2026-12-10", "08:00", "09:00"))).status).toBe("PENDING");
  });

  it("lets the booker cancel until the start, and the Secretariat any live booking with a reason (audited)", async () => {
    const { id: spaceId } = await createSpace(suite.db);
    const me = await callerAs(suite.services, "ENTREPRENEUR");
    const mine = await me.caller.booking.create(booking(spaceId, "2026-12-09", "08:00", "09:00"));
    const later = await me.caller.booking.create(booking(spaceId, "2026-12-09", "10:00", "11:00"));
    expect((await me.caller.booking.cancel({ id: mine.id })).status).toBe("CANCELLED");
    // The time is free again for others.
    const other = await callerAs(suite.services, "COMPANY");
    await other.caller.booking.create(booking(spaceId, "2026-12-09", "08:00", "09:00"));
    const someoneElse = await failureOf(other.caller.booking.cancel({ id: later.id }));
    expect(someoneElse.httpStatus).toBe(404);

    await testClock(suite.db).set(bogota("2026-12-09", "10:05"));
    try {
      expect((await failureOf(me.caller.booking.cancel({ id: later.id }))).message).toBe("Esta reserva ya no se puede cancelar: ya empezó o no está activa.");
      const secretariat = await callerAs(suite.services, "SECRETARIAT");
      expect((await failureOf(secretariat.caller.booking.cancel({ id: later.id }))).fieldErrors.reason).toBe("Este campo es obligatorio.");
      expect((await secretariat.caller.booking.cancel({ id: later.id, reason: "Emergencia en el edificio" })).status).toBe("CANCELLED");
      const [entry] = await suite.db.auditEntry.findMany({ where: { subjectId: later.id } });
      expect(entry).toMatchObject({ action: "booking.cancel", reason: "Emergencia en el edificio", actorId: secretariat.user!.id });
    } finally {
      await testClock(suite.db).set(NOW);
    }
  });
});

describe("weekly series", () => {
  let spaceId: string;
  beforeEach(async () => {
    spaceId = (await createSpace(suite.db, { maxHorizonDays: 120 })).id;
  });

  it("SKIP_CONFLICTS books the possible weeks and lists the skipped dates with their reason", async () => {
    const other = await callerAs(suite.services, "COMPANY");
    await other.caller.booking.create(booking(spaceId, "2026-12-15", "09:00", "10:00"));
    const me = await callerAs(suite.services, "ENTREPRENEUR");
    // Tuesdays from 1 December, 09:00 (two hours after "now": past the lead time).
    const result = await me.caller.booking.createSeries({ ...booking(spaceId, "2026-12-01", "09:00", "10:00"), occurrences: 4, mode: "SKIP_CONFLICTS" });
    expect(result.created.map((b) => b.startsAt.toISOString())).toEqual([bogota("2026-12-01", "09:00").toISOString(), bogota("2026-12-22", "09:00").toISOString()]);
    expect(result.skipped).toEqual([
      { date: "2026-12-08", startsAt: bogota("2026-12-08", "09:00"), reason: "El centro está cerrado el martes, 8 de diciembre de 2026 por ser festivo (La inmaculada concepción)." },
      { date: "2026-12-15", startsAt: bogota("2026-12-15", "09:00"), reason: "Ese horario ya está reservado." },
    ]);
    expect(new Set(result.created.map((b) => b.seriesId))).toEqual(new Set([result.seriesId]));
  });

  it("ALL_OR_NOTHING books none when one date is impossible, and names it", async () => {
    const me = await callerAs(suite.services, "ENTREPRENEUR");
    const failure = await failureOf(me.caller.booking.createSeries({ ...booking(spaceId, "2026-12-01", "09:00", "10:00"), occurrences: 3, mode: "ALL_OR_NOTHING" }));
    expect([failure.httpStatus, failure.message]).toEqual([
      409,
      "No se reservó ninguna fecha de la serie: el martes, 8 de diciembre de 2026 no es posible. El centro está cerrado el martes, 8 de diciembre de 2026 por ser festivo (La inmaculada concepción).",
    ]);
    expect(await suite.db.booking.count({ where: { spaceId } })).toBe(0);
    const ok = await me.caller.booking.createSeries({ ...booking(spaceId, "2026-12-02", "09:00", "10:00"), occurrences: 12, mode: "ALL_OR_NOTHING" });
    expect(ok.created).toHaveLength(12);
    expect(ok.created.map((b) => b.startsAt.toISOString()).at(-1)).toBe(bogota("2027-02-17", "09:00").toISOString());
  });
});
