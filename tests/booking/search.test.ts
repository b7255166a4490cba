import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, failureOf, useTestServices } from "../support/callers";
import { testClock } from "../support/clock";
import { NOW, bogota, booking, createCenter, createSpace } from "./fixtures";

const suite = useTestServices();

let lab: { id: string };
let room: { id: string };
let auditorium: { id: string };

beforeAll(async () => {
  await testClock(suite.db).set(NOW);
  const center = await createCenter(suite.db);
  lab = await createSpace(suite.db, { centerId: center.id, name: "Laboratorio de búsqueda", kind: "LAB", capacity: 8, amenities: ["Impresora 3D"], bufferMinutes: 30 });
  room = await createSpace(suite.db, { centerId: center.id, name: "Sala de búsqueda", kind: "MEETING_ROOM", capacity: 12, amenities: ["Televisor", "Impresora 3D"] });
  auditorium = await createSpace(suite.db, { centerId: center.id, name: "Auditorio de búsqueda", kind: "AUDITORIUM", capacity: 120, amenities: ["Sonido"] });
  await createSpace(suite.db, { centerId: center.id, name: "Sala cerrada", capacity: 500, active: false });
  const { caller } = await callerAs(suite.services, "ENTREPRENEUR");
  // The lab is taken 10:00–11:00 on Wednesday, and its 30-minute buffer keeps 11:00–11:30 too.
  await caller.booking.create(booking(lab.id, "2026-12-02", "10:00", "11:00"));
});

const ids = (spaces: { id: string }[]) => spaces.map((space) => space.id).sort();

describe("space.list filters", () => {
  it("filters by kind, capacity and amenity, and never lists an inactive space", async () => {
    const { caller } = await callerAs(suite.services, null);
    expect(ids(await caller.space.list({ kind: "LAB" }))).toEqual([lab.id]);
    expect(ids(await caller.space.list({ minCapacity: 10 }))).toEqual(ids([room, auditorium]));
    expect(ids(await caller.space.list({ amenity: "Impresora 3D" }))).toEqual(ids([lab, room]));
    expect(await caller.space.amenities()).toEqual(["Impresora 3D", "Sonido", "Televisor"]);
  });

  it("'free at' leaves out spaces booked then (buffer included) and times the center is closed", async () => {
    const { caller } = await callerAs(suite.services, null);
    const freeAt = (date: string, time: string, freeMinutes = 60) => caller.space.list({ freeAt: bogota(date, time), freeMinutes }).then(ids);
    expect(await freeAt("2026-12-02", "10:00")).toEqual(ids([room, auditorium]));
    expect(await freeAt("2026-12-02", "11:00", 30)).toEqual(ids([room, auditorium]));
    expect(await freeAt("2026-12-02", "11:30", 30)).toEqual(ids([lab, room, auditorium]));
    // 12:00–14:00 is the midday break; 8 December is a holiday (Inmaculada Concepción).
    expect(await freeAt("2026-12-02", "12:00")).toEqual([]);
    expect(await freeAt("2026-12-08", "09:00")).toEqual([]);
  });

  it("refuses a malformed filter with a 400", async () => {
    const { caller } = await callerAs(suite.services, null);
    expect((await failureOf(caller.space.list({ minCapacity: 0 }))).code).toBe("BAD_REQUEST");
  });
});
