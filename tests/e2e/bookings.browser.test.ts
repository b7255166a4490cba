/**
 * Spaces and bookings in a real Chromium against the real server: an entrepreneur finds a free lab
 * slot in the week view (keyboard), books it, downloads its .ics and cancels it; a space that needs
 * approval is approved by the Secretariat from /moderacion; the booking form works without
 * JavaScript, and a slot taken meanwhile is answered with the nearest free times.
 */
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../support/callers";
import { SESSION_COOKIE, createSession } from "../../server/auth/session";
import { testClock } from "../support/clock";
import { NOW, bogota, booking, createCenter, createSpace } from "../booking/fixtures";
import { dayLabel } from "~/lib/booking-format";
import { axeViolations, focusedElement, signedIn, useBrowserSuite, waitForHydration } from "./browser-suite";

const TEST_MS = 120_000;
const SCREENSHOTS = path.resolve(import.meta.dirname, "..", "..", "test-results", "e2e");
const suite = useBrowserSuite();

let lab: { id: string; name: string };
let auditorium: { id: string; name: string };

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  const { db } = suite.database;
  // Tuesday 1 December 2026, 07:00 in Bogotá: the database clock the server reads.
  await testClock(db).set(NOW);
  const center = await createCenter(db);
  lab = await createSpace(db, { centerId: center.id, name: "Laboratorio de prototipado electrónico", kind: "LAB", capacity: 8, amenities: ["Impresora 3D"], bufferMinutes: 15 });
  auditorium = await createSpace(db, { centerId: center.id, name: "Auditorio del río", kind: "AUDITORIUM", capacity: 120, requiresApproval: true });
});

/** The accessible name of a free cell of the week table. */
const freeCell = (date: string, from: string, to: string) => `Libre reservar ${dayLabel(date, "es")}, ${from} a ${to}`;

describe("bookings in a real browser", () => {
  it(
    "an entrepreneur finds a free lab slot in the week view by keyboard, books it, downloads its .ics and cancels it",
    async () => {
      const { page, user, problems } = await signedIn(suite, "ENTREPRENEUR");
      await page.goto(suite.url("/espacios"));
      await waitForHydration(page);
      await page.getByLabel("Tipo de espacio").selectOption("LAB");
      await page.getByRole("button", { name: "Buscar" }).click();
      await page.waitForURL((u) => u.searchParams.get("tipo") === "LAB");
      await page.getByRole("link", { name: lab.name }).click();
      await page.getByRole("heading", { level: 1, name: lab.name }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // Keyboard: the free cell is a link; Enter opens the form and focus lands on its heading.
      const cell = page.getByRole("link", { name: freeCell("2026-12-02", "10:00", "10:30") });
      await cell.focus();
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.searchParams.has("inicio"));
      await page.getByRole("heading", { name: /^Reservar: / }).waitFor();
      expect((await focusedElement(page)).id).toBe("booking-form-title");
      await page.screenshot({ path: path.join(SCREENSHOTS, "espacio-semana.png"), fullPage: true });
      // Sent empty: the errors, summarized and next to their fields, pass axe too.
      await page.getByRole("button", { name: "Reservar", exact: true }).click();
      await page.locator(".error-summary").waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.locator("#field-durationMinutes").selectOption("60");
      await page.getByLabel("Para qué es la reserva").fill("Prototipo del sensor de calidad del aire");
      await page.getByLabel("Personas que asistirán").fill("4");
      await page.getByRole("button", { name: "Reservar", exact: true }).click();
      await page.waitForURL((u) => /^\/reservas\/[0-9a-f-]{36}$/.test(u.pathname));
      await page.getByText("¡Listo! Tu reserva quedó registrada.").waitFor();
      expect(await page.locator(".tag.status").first().textContent()).toBe("Estado: Confirmada");
      const row = await suite.database.db.booking.findFirstOrThrow({ where: { userId: user.id } });
      expect(row).toMatchObject({ status: "CONFIRMED", startsAt: bogota("2026-12-02", "10:00"), endsAt: bogota("2026-12-02", "11:00"), attendees: 4 });
      await page.getByRole("img", { name: /Código QR de llegada/ }).waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, "reserva.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Añadir a mi calendario (.ics)" }).click()]);
      const ics = await readFile((await download.path())!, "utf8");
      expect(ics).toContain("BEGIN:VCALENDAR");
      expect(ics).toContain("TZID:America/Bogota");
      expect(ics).toMatch(/DTSTART;TZID=America\/Bogota:20261202T100000/);
      expect(ics).toContain(lab.name);

      await page.getByRole("link", { name: "← Mis reservas" }).click();
      await page.getByRole("heading", { level: 1, name: "Mis reservas" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("button", { name: /^Cancelar la reserva/ }).click();
      await page.getByText("Reserva cancelada. El horario quedó libre.").waitFor();
      expect((await suite.database.db.booking.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("CANCELLED");
      // It stays in the list as cancelled, with nothing left to cancel.
      const item = page.locator(".booking-item").filter({ hasText: lab.name });
      expect(await item.locator(".tag.status").textContent()).toBe("Estado: Cancelada");
      expect(await item.getByRole("button", { name: /^Cancelar la reserva/ }).count()).toBe(0);
      // Chromium logs the 400 of the empty form as a failed resource.
      expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "a booking of a space that needs approval waits in /moderacion until the Secretariat approves it; the Secretariat cancels it with a reason",
    async () => {
      const booker = await signedIn(suite, "ACADEMIA");
      const { page } = booker;
      await page.goto(suite.url(`/espacios/${auditorium.id}`));
      await waitForHydration(page);
      // The list alternative of the week.
      await page.getByRole("link", { name: "Ver como lista" }).click();
      await page.waitForURL((u) => u.searchParams.get("vista") === "lista");
      await page.locator(`#dia-2026-12-03`).getByRole("link", { name: "14:00–14:30" }).click();
      await page.getByText("Este espacio requiere aprobación").first().waitFor();
      await page.getByLabel("Para qué es la reserva").fill("Foro de emprendimiento universitario");
      await page.getByLabel("Personas que asistirán").fill("90");
      await page.getByRole("button", { name: "Solicitar la reserva" }).click();
      await page.waitForURL((u) => u.pathname.startsWith("/reservas/"));
      expect(await page.locator(".tag.status").first().textContent()).toBe("Estado: Pendiente de aprobación");
      const pending = await suite.database.db.booking.findFirstOrThrow({ where: { userId: booker.user.id } });
      expect(pending.status).toBe("PENDING");

      const secretariat = await signedIn(suite, "SECRETARIAT");
      await secretariat.page.goto(suite.url("/moderacion"));
      await waitForHydration(secretariat.page);
      await secretariat.page.getByRole("link", { name: "Reservas por aprobar (1)" }).click();
      const item = secretariat.page.locator("ol.queue > li").filter({ hasText: auditorium.name });
      await item.waitFor();
      expect(await axeViolations(secretariat.page)).toEqual([]);
      await item.getByRole("button", { name: `Aprobar ${auditorium.name}` }).click();
      await secretariat.page.getByRole("link", { name: "Reservas por aprobar (0)" }).waitFor();
      expect((await suite.database.db.booking.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("CONFIRMED");
      expect(await suite.database.db.notification.count({ where: { recipientId: booker.user.id, kind: "BOOKING_DECISION" } })).toBe(1);

      // The space's page shows the Secretariat who booked the week; it cancels this one with a reason.
      await secretariat.page.goto(suite.url(`/espacios/${auditorium.id}?semana=2026-11-30`));
      await secretariat.page.getByRole("heading", { name: "Reservas de esta semana" }).waitFor();
      await secretariat.page.locator(".booking-item").filter({ hasText: booker.user.name }).getByRole("link").click();
      await secretariat.page.getByLabel("Motivo de la cancelación").fill("El auditorio se necesita para un consejo de gobierno.");
      await secretariat.page.getByRole("button", { name: "Cancelar la reserva" }).click();
      await secretariat.page.getByText("Reserva cancelada. El horario quedó libre.").waitFor();
      expect(await secretariat.page.locator(".tag.status").first().textContent()).toBe("Estado: Cancelada");
      expect(await suite.database.db.auditEntry.count({ where: { subjectId: pending.id, action: "booking.cancel" } })).toBe(1);
      expect(await suite.database.db.notification.count({ where: { recipientId: booker.user.id, kind: "BOOKING_CANCELLED" } })).toBe(1);
      expect([...booker.problems, ...secretariat.problems]).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "without JavaScript the booking form answers a missing purpose next to its field and a slot taken meanwhile with the nearest free times; the pass checks in before the start",
    async () => {
      const { page, problems } = await signedIn(suite, "COMPANY", { javaScriptEnabled: false });
      await page.goto(suite.url(`/espacios/${lab.id}?semana=2026-12-07`));
      await page.getByRole("link", { name: freeCell("2026-12-09", "09:00", "09:30") }).click();
      await page.getByRole("heading", { name: /^Reservar: / }).waitFor();
      await page.getByRole("button", { name: "Reservar", exact: true }).click();
      const purpose = page.getByLabel("Para qué es la reserva");
      await purpose.waitFor();
      expect(await page.locator(".field.has-error").filter({ has: purpose }).count()).toBe(1);

      // Someone else books the same time while this form is open.
      const other = await createUser(suite.database.db, "ENTREPRENEUR");
      const { token } = await createSession(suite.database.db, other.id, {});
      const taken = await fetch(suite.url("/api/trpc/booking.create"), {
        method: "POST",
        headers: { cookie: `${SESSION_COOKIE}=${token}`, "content-type": "application/json" },
        body: JSON.stringify(booking(lab.id, "2026-12-09", "09:00", "09:30")),
      });
      expect(taken.status).toBe(200);
      await purpose.fill("Reunión con el equipo de la planta piloto");
      await page.getByLabel("Personas que asistirán").fill("3");
      await page.getByRole("button", { name: "Reservar", exact: true }).click();
      // The slot left the week, so the form gives way to the refusal.
      const conflict = page.locator("#slot-gone");
      await conflict.waitFor();
      // The nearest free times of the same length, around the lost one.
      expect(await conflict.textContent()).toMatch(/^Ese horario acaba de ser reservado\. Horarios libres más cercanos: .*9 de diciembre.*/);

      // The same slot one hour later goes through.
      await page.goto(suite.url(`/espacios/${lab.id}?semana=2026-12-07`));
      await page.getByRole("link", { name: freeCell("2026-12-09", "10:00", "10:30") }).click();
      await page.getByLabel("Para qué es la reserva").fill("Reunión con el equipo de la planta piloto");
      await page.getByLabel("Personas que asistirán").fill("3");
      await page.getByRole("button", { name: "Reservar", exact: true }).click();
      await page.getByText("¡Listo! Tu reserva quedó registrada.").waitFor();

      // Ten minutes before it starts, the pass's QR code leads to the arrival page, which checks in.
      const booked = await suite.database.db.booking.findFirstOrThrow({ where: { spaceId: lab.id, startsAt: bogota("2026-12-09", "10:00") } });
      await testClock(suite.database.db).set(bogota("2026-12-09", "09:50"));
      await page.goto(suite.url(`/reservas/llegada/${booked.checkInCode}`));
      expect(await page.getByLabel("Código").inputValue()).toBe(booked.checkInCode);
      await page.getByRole("button", { name: "Registrar llegada" }).click();
      await page.getByText("Llegada registrada. ¡Bienvenido(a)!").waitFor();
      expect((await suite.database.db.booking.findUniqueOrThrow({ where: { id: booked.id } })).checkedInAt).not.toBeNull();
      // Chromium logs the 400 and 409 answers the steps above expect as failed resources.
      expect(problems.filter((p) => !/status of (400|409)/.test(p))).toEqual([]);
    },
    TEST_MS,
  );
});
