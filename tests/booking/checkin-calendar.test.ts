import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookingTasks, RELEASE_NO_SHOWS_TASK } from "../../server/booking/jobs";
import { notificationTasks } from "../../server/notification/worker";
import { callerAs, failureOf, useTestServices } from "../support/callers";
import { testClock } from "../support/clock";
import { startInProcessApp, type InProcessApp } from "../support/http-app";
import { NOW, booking, bogota, createSpace } from "./fixtures";

const suite = useTestServices();
const clock = () => testClock(suite.db);
let app: InProcessApp;
let base: string;

beforeAll(async () => {
  await clock().set(NOW);
  // The whole HTTP app as it runs, where the calendar routes are mounted (server/http/app.ts).
  app = await startInProcessApp(suite.services, { remix: false });
  base = app.base;
});
afterAll(() => app?.close());

/** Runs the worker's sweep task as graphile-worker would. */
async function runSweep() {
  const task = bookingTasks({ db: suite.db, env: suite.services.env })[RELEASE_NO_SHOWS_TASK]!;
  await task({}, { logger: { debug() {} } } as never);
}

describe("check-in and no-shows", () => {
  it("gives a short code and a QR, opens check-in 15 minutes before the start, and only once", async () => {
    const { id: spaceId } = await createSpace(suite.db);
    const me = await callerAs(suite.services, "ENTREPRENEUR");
    const created = await me.caller.booking.create(booking(spaceId, "2026-12-09", "10:00", "11:00"));
    const pass = await me.caller.booking.pass({ id: created.id });
    expect(pass.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(pass.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(pass.validFrom).toEqual(bogota("2026-12-09", "09:45"));

    await clock().set(bogota("2026-12-09", "09:40"));
    try {
      expect((await failureOf(me.caller.booking.checkIn({ code: pass.code }))).message).toBe(
        "El registro de llegada abre 15 minutos antes del inicio, a las mié, 9 de diciembre, 09:45.",
      );
      await clock().set(bogota("2026-12-09", "09:45"));
      // The database clock keeps running from 09:45.
      const { checkedInAt } = await me.caller.booking.checkIn({ code: pass.code.toLowerCase() });
      expect(checkedInAt.getTime() - bogota("2026-12-09", "09:45").getTime()).toBeGreaterThanOrEqual(0);
      expect(checkedInAt.getTime() - bogota("2026-12-09", "09:45").getTime()).toBeLessThan(5000);
      expect((await failureOf(me.caller.booking.checkIn({ code: pass.code }))).message).toBe("Esta reserva ya registró su llegada.");
      const stranger = await callerAs(suite.services, "COMPANY");
      expect((await failureOf(stranger.caller.booking.checkIn({ code: pass.code }))).httpStatus).toBe(404);
      // After the end, the sweep marks it COMPLETED.
      await clock().set(bogota("2026-12-09", "11:00"));
      await runSweep();
      expect((await suite.db.booking.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("COMPLETED");
    } finally {
      await clock().set(NOW);
    }
  });

  it("releases a booking nobody checked in 20 minutes after the start as NO_SHOW, freeing the slot", async () => {
    const { id: spaceId } = await createSpace(suite.db, { minLeadMinutes: 0 });
    const me = await callerAs(suite.services, "ENTREPRENEUR");
    const created = await me.caller.booking.create(booking(spaceId, "2026-12-10", "10:00", "12:00"));
    const { code } = await me.caller.booking.pass({ id: created.id });
    try {
      await clock().set(bogota("2026-12-10", "10:19"));
      await runSweep();
      expect((await suite.db.booking.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("CONFIRMED");
      await clock().set(bogota("2026-12-10", "10:20"));
      expect((await failureOf(me.caller.booking.checkIn({ code }))).message).toBe("El registro de llegada de esta reserva ya no está disponible.");
      await runSweep();
      expect((await suite.db.booking.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("NO_SHOW");
      // The rest of its time can be booked again.
      const other = await callerAs(suite.services, "ACADEMIA");
      expect((await other.caller.booking.create(booking(spaceId, "2026-12-10", "10:30", "11:30"))).status).toBe("CONFIRMED");
    } finally {
      await clock().set(NOW);
    }
  });

  it("is registered with the background worker (every minute)", () => {
    const tasks = { ...notificationTasks({ db: suite.db, env: suite.services.env, transport: {} as never }), ...bookingTasks({ db: suite.db, env: suite.services.env }) };
    expect(Object.keys(tasks)).toContain(RELEASE_NO_SHOWS_TASK);
  });
});

/** The properties of the first VEVENT of an iCalendar text (unfolded lines). */
function parseIcs(text: string) {
  expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(text.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") (events.push(current!), (current = null));
    else if (current) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return { lines, events };
}

describe("calendar files", () => {
  it("writes a booking's .ics with DTSTART in America/Bogota (with its VTIMEZONE), for its booker only", async () => {
    const { id: spaceId } = await createSpace(suite.db);
    const me = await callerAs(suite.services, "ENTREPRENEUR");
    const created = await me.caller.booking.create(booking(spaceId, "2026-12-09", "14:00", "15:30", { purpose: "Mentoría; con «comillas», y comas" }));
    const response = await fetch(`${base}/reservas/${created.id}.ics`, { headers: { cookie: me.cookie! } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    const { lines, events } = parseIcs(await response.text());
    expect(lines).toEqual(expect.arrayContaining(["BEGIN:VTIMEZONE", "TZID:America/Bogota", "TZOFFSETTO:-0500", "END:VTIMEZONE"]));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      "DTSTART;TZID=America/Bogota": "20261209T140000",
      "DTEND;TZID=America/Bogota": "20261209T153000",
      UID: `${created.id}@cocrea`,
      STATUS: "CONFIRMED",
      DESCRIPTION: "Mentoría\\; con «comillas»\\, y comas",
    });
    const stranger = await callerAs(suite.services, "COMPANY");
    expect((await fetch(`${base}/reservas/${created.id}.ics`, { headers: { cookie: stranger.cookie! } })).status).toBe(404);
    expect((await fetch(`${base}/reservas/${created.id}.ics`)).status).toBe(404);
  });

  it("serves a private feed per person behind a secret token; regenerating it retires the old address", async () => {
    const { id: spaceId } = await createSpace(suite.db);
    const me = await callerAs(suite.services, "ACADEMIA");
    await me.caller.booking.create(booking(spaceId, "2026-12-09", "08:00", "09:00"));
    await me.caller.booking.create(booking(spaceId, "2026-12-10", "16:00", "17:00"));
    expect(await me.caller.booking.calendarFeed()).toEqual({ active: false, createdAt: null });
    const first = await me.caller.booking.regenerateCalendarFeed();
    const feed = parseIcs(await (await fetch(`${base}${first.path}`)).text());
    expect(feed.events.map((e) => e["DTSTART;TZID=America/Bogota"])).toEqual(["20261209T080000", "20261210T160000"]);
    const second = await me.caller.booking.regenerateCalendarFeed();
    expect((await fetch(`${base}${first.path}`)).status).toBe(404);
    expect((await fetch(`${base}${second.path}`)).status).toBe(200);
    expect((await me.caller.booking.calendarFeed()).active).toBe(true);
  });
});
