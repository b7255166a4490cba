/**
 * What bookers hear of their bookings: the Secretariat's decision (with its reason), its
 * cancellation, a release as a no-show, and a request nobody decided before its start (rejected
 * by the sweep, which frees the booker's quota). Never their own cancellation.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { es } from "../../app/i18n/es";
import { formatDateTime } from "../../app/i18n";
import { bookingTasks, RELEASE_NO_SHOWS_TASK } from "../../server/booking/jobs";
import { deliverEmail } from "../../server/notification/delivery";
import type { OutgoingMail } from "../../server/notification/email/transport";
import { callerAs, failureOf, useTestServices } from "../support/callers";
import { createTranslator } from "../../server/i18n/translate";
import { testClock } from "../support/clock";
import { NOW, booking, bogota, createSpace } from "./fixtures";

const suite = useTestServices();
const clock = () => testClock(suite.db);

beforeAll(async () => {
  await clock().set(NOW);
});

/** Runs the worker's sweep task as graphile-worker would. */
async function runSweep() {
  const task = bookingTasks({ db: suite.db, env: suite.services.env })[RELEASE_NO_SHOWS_TASK]!;
  await task({}, { logger: { debug() {} } } as never);
}

function notificationsOf(userId: string) {
  return suite.db.notification.findMany({ where: { recipientId: userId }, orderBy: { createdAt: "asc" } });
}

/** Sends the person's queued emails through a transport that keeps them. */
async function mailsTo(userId: string): Promise<OutgoingMail[]> {
  const sent: OutgoingMail[] = [];
  const transport = { kind: "files" as const, send: async (mail: OutgoingMail) => void sent.push(mail), close() {} };
  const outbox = await suite.db.emailOutbox.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  for (const row of outbox) await deliverEmail({ db: suite.db, env: suite.services.env, transport }, row.id);
  return sent;
}

describe("the Secretariat's decisions", () => {
  it("tells the booker of an approval, in the app and by email, naming the space, the Bogotá time and the booking's page", async () => {
    const { id: spaceId } = await createSpace(suite.db, { requiresApproval: true, name: "Auditorio Yariguíes" });
    const me = await callerAs(suite.services, "ACADEMIA");
    const secretariat = await callerAs(suite.services, "SECRETARIAT");
    const created = await me.caller.booking.create(booking(spaceId, "2026-12-09", "10:00", "11:00"));
    expect(created.status).toBe("PENDING");
    expect(await notificationsOf(me.user!.id)).toEqual([]);

    await secretariat.caller.booking.decide({ id: created.id, decision: "approve" });
    const [note, ...more] = (await me.caller.notification.list({ order: "newest" })).items;
    expect(more).toEqual([]);
    expect(note).toMatchObject({ kind: "BOOKING_DECISION", bookingId: created.id, actorName: secretariat.user!.name });
    expect(note!.data).toEqual({
      decision: "approve",
      spaceName: "Auditorio Yariguíes",
      startsAt: bogota("2026-12-09", "10:00").toISOString(),
      endsAt: bogota("2026-12-09", "11:00").toISOString(),
    });
    // The actor is never told of their own act.
    expect(await notificationsOf(secretariat.user!.id)).toEqual([]);

    const [mail, ...otherMails] = await mailsTo(me.user!.id);
    expect(otherMails).toEqual([]);
    expect(mail!.subject).toBe("Decisión sobre tu reserva de «Auditorio Yariguíes»");
    expect(mail!.text).toContain("La Secretaría aprobó tu reserva de «Auditorio Yariguíes» para el 9 de diciembre de 2026 a las 10:00 a. m. (hora de Colombia)");
    expect(mail!.text).toContain(`/reservas/${created.id}`);
  });

  it("carries the reason of a rejection, and mails only as the booker's preference says", async () => {
    const { id: spaceId } = await createSpace(suite.db, { requiresApproval: true });
    const me = await callerAs(suite.services, "ENTREPRENEUR");
    await me.caller.preferences.set({ preferences: [{ kind: "BOOKING_DECISION", delivery: "NONE" }] });
    const secretariat = await callerAs(suite.services, "SECRETARIAT");
    const created = await me.caller.booking.create(booking(spaceId, "2026-12-10", "14:00", "15:00"));

    await secretariat.caller.booking.decide({ id: created.id, decision: "reject", reason: "El espacio estará en mantenimiento." });
    const notes = await notificationsOf(me.user!.id);
    expect(notes.map((n) => [n.kind, n.bookingId])).toEqual([["BOOKING_DECISION", created.id]]);
    expect(notes[0]!.data).toMatchObject({ decision: "reject", reason: "El espacio estará en mantenimiento." });
    expect(await suite.db.emailOutbox.count({ where: { userId: me.user!.id } })).toBe(0);

    await me.caller.preferences.set({ preferences: [{ kind: "BOOKING_DECISION", delivery: "IMMEDIATE" }] });
    const second = await me.caller.booking.create(booking(spaceId, "2026-12-11", "14:00", "15:00"));
    await secretariat.caller.booking.decide({ id: second.id, decision: "reject", reason: "Evento distrital <ese día>." });
    const [mail] = await mailsTo(me.user!.id);
    expect(mail!.text).toContain("La Secretaría rechazó tu reserva de");
    expect(mail!.text).toContain("Motivo: Evento distrital <ese día>.");
    expect(mail!.html).toContain("Motivo: Evento distrital &lt;ese día&gt;.");
  });

  it("tells the booker when the Secretariat cancels their booking, but nobody when they cancel their own", async () => {
    const { id: spaceId } = await createSpace(suite.db, { name: "Laboratorio de prototipos" });
    const me = await callerAs(suite.services, "COMPANY");
    const secretariat = await callerAs(suite.services, "SECRETARIAT");
    const mine = await me.caller.booking.create(booking(spaceId, "2026-12-14", "08:00", "09:00"));
    const cancelled = await me.caller.booking.create(booking(spaceId, "2026-12-14", "10:00", "11:00"));

    await me.caller.booking.cancel({ id: mine.id });
    expect(await notificationsOf(me.user!.id)).toEqual([]);
    expect(await suite.db.emailOutbox.count({ where: { userId: me.user!.id } })).toBe(0);

    await secretariat.caller.booking.cancel({ id: cancelled.id, reason: "Corte de energía en el edificio" });
    const notes = await notificationsOf(me.user!.id);
    expect(notes.map((n) => [n.kind, n.bookingId, n.actorId])).toEqual([["BOOKING_CANCELLED", cancelled.id, secretariat.user!.id]]);
    expect(notes[0]!.data).toMatchObject({ spaceName: "Laboratorio de prototipos", reason: "Corte de energía en el edificio" });
    const [mail] = await mailsTo(me.user!.id);
    expect(mail!.subject).toBe("La Secretaría canceló tu reserva de «Laboratorio de prototipos»");
    expect(mail!.text).toContain("Motivo: Corte de energía en el edificio");
  });

  it("does not notify when the Secretariat cancels its own booking", async () => {
    const { id: spaceId } = await createSpace(suite.db);
    const secretariat = await callerAs(suite.services, "SECRETARIAT");
    const own = await secretariat.caller.booking.create(booking(spaceId, "2026-12-15", "08:00", "09:00"));
    await secretariat.caller.booking.cancel({ id: own.id });
    expect(await suite.db.notification.count({ where: { bookingId: own.id } })).toBe(0);
  });
});

describe("the sweep", () => {
  it("tells the booker of every booking released as a no-show, one notification each", async () => {
    const { id: spaceId } = await createSpace(suite.db, { name: "Sala de coworking", minLeadMinutes: 0 });
    const me = await callerAs(suite.services, "ENTREPRENEUR");
    const other = await callerAs(suite.services, "ACADEMIA");
    const first = await me.caller.booking.create(booking(spaceId, "2026-12-02", "08:00", "09:00"));
    const second = await me.caller.booking.create(booking(spaceId, "2026-12-02", "09:00", "10:00"));
    const checkedIn = await other.caller.booking.create(booking(spaceId, "2026-12-02", "10:00", "11:00"));
    try {
      await clock().set(bogota("2026-12-02", "09:15"));
      await runSweep();
      // Only the first one is 20 minutes past its start.
      expect((await notificationsOf(me.user!.id)).map((n) => [n.kind, n.bookingId])).toEqual([["BOOKING_NO_SHOW", first.id]]);

      await clock().set(bogota("2026-12-02", "10:00"));
      const { code } = await other.caller.booking.pass({ id: checkedIn.id });
      await other.caller.booking.checkIn({ code });
      await clock().set(bogota("2026-12-02", "11:00"));
      await runSweep();
      const notes = await notificationsOf(me.user!.id);
      expect(notes.map((n) => [n.kind, n.bookingId, n.actorId]).sort()).toEqual(
        [["BOOKING_NO_SHOW", first.id, null], ["BOOKING_NO_SHOW", second.id, null]].sort(),
      );
      expect(notes.find((n) => n.bookingId === second.id)!.data).toMatchObject({
        spaceName: "Sala de coworking",
        startsAt: bogota("2026-12-02", "09:00").toISOString(),
      });
      // Checked in and completed: nothing to tell.
      expect(await notificationsOf(other.user!.id)).toEqual([]);
      expect((await suite.db.booking.findUniqueOrThrow({ where: { id: checkedIn.id } })).status).toBe("COMPLETED");

      const mails = await mailsTo(me.user!.id);
      expect(mails.map((m) => m.subject)).toEqual(["Se liberó tu reserva de «Sala de coworking»", "Se liberó tu reserva de «Sala de coworking»"]);
      expect(mails[1]!.text).toContain("del 2 de diciembre de 2026 a las 9:00 a. m. (hora de Colombia)");
      // Running again releases and tells nothing more.
      await runSweep();
      expect(await notificationsOf(me.user!.id)).toHaveLength(2);
    } finally {
      await clock().set(NOW);
    }
  });

  it("rejects a request nobody decided before its start, tells the booker and frees the quota it held", async () => {
    const { id: spaceId } = await createSpace(suite.db, { requiresApproval: true, userWeeklyHours: 2, name: "Sala de juntas" });
    const me = await callerAs(suite.services, "ENTREPRENEUR");
    const later = await callerAs(suite.services, "ACADEMIA");
    const stale = await me.caller.booking.create(booking(spaceId, "2026-12-03", "10:00", "12:00"));
    const notYet = await later.caller.booking.create(booking(spaceId, "2026-12-03", "14:00", "15:00"));
    // The pending request holds the week's 2 hours.
    expect((await failureOf(me.caller.booking.create(booking(spaceId, "2026-12-04", "10:00", "11:00")))).message).toMatch(/límite de 2 horas/);
    try {
      await clock().set(bogota("2026-12-03", "09:59"));
      await runSweep();
      expect((await suite.db.booking.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe("PENDING");

      await clock().set(bogota("2026-12-03", "10:00"));
      await runSweep();
      expect(await suite.db.booking.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({
        status: "REJECTED",
        statusReason: "booking.expiredUndecided",
        decidedById: null,
      });
      expect((await suite.db.booking.findUniqueOrThrow({ where: { id: notYet.id } })).status).toBe("PENDING");
      expect(await notificationsOf(later.user!.id)).toEqual([]);

      const [note, ...more] = (await me.caller.notification.list({ order: "newest" })).items;
      expect(more).toEqual([]);
      expect(note).toMatchObject({ kind: "BOOKING_DECISION", bookingId: stale.id, actorName: null, data: { decision: "expired", spaceName: "Sala de juntas" } });
      const [mail] = await mailsTo(me.user!.id);
      expect(mail!.text).toContain("Tu solicitud de reserva de «Sala de juntas» para el 3 de diciembre de 2026 a las 10:00 a. m. (hora de Colombia)");
      expect(mail!.text).toContain("no fue aprobada a tiempo");

      // Its hours no longer count: the same week can be booked again.
      expect((await me.caller.booking.create(booking(spaceId, "2026-12-04", "10:00", "12:00"))).status).toBe("PENDING");
    } finally {
      await clock().set(NOW);
    }
  });
});

describe("in-app copy", () => {
  it("has a sentence for every booking notification in both languages, with the space and the Bogotá start", () => {
    const startsAt = bogota("2026-12-09", "10:00").toISOString();
    const keys = [
      "notification.BOOKING_DECISION.approve",
      "notification.BOOKING_DECISION.reject",
      "notification.BOOKING_DECISION.expired",
      "notification.BOOKING_CANCELLED",
      "notification.BOOKING_NO_SHOW",
    ];
    for (const [locale, messages] of [["es", es], ["en", en]] as const) {
      const t = createTranslator(locale, messages).t;
      const when = formatDateTime(startsAt, locale);
      expect(when).toMatch(/10:00/);
      for (const key of keys) {
        const sentence = t(key as never, { space: "Sala Magdalena", startsAt: when });
        expect(sentence).toContain("Sala Magdalena");
        expect(sentence).toContain(when);
      }
      for (const kind of ["BOOKING_DECISION", "BOOKING_CANCELLED", "BOOKING_NO_SHOW"]) expect(messages).toHaveProperty([`preferences.kind.${kind}`]);
    }
  });
});
