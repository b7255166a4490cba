/** Races over the HTTP API shared by the server and embedded concurrency tests. */
import type { Db } from "../../server/db/client";
import { booking, createSpace, createUsersWithSessions, overlappingPairs } from "./fixtures";

interface Answer {
  status: number;
  body: { result?: { data?: unknown }; error?: { message?: string } } | null;
}

async function post(base: string, path: string, cookie: string, input: unknown): Promise<Answer> {
  try {
    const response = await fetch(`${base}/api/trpc/${path}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "accept-language": "es" },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as Answer["body"] };
  } catch (error) {
    return { status: 0, body: { error: { message: String(error) } } };
  }
}

/** `count` people ask for the same slot at the same moment. */
export async function raceForOneSlot(db: Db, base: string, count: number) {
  const { id: spaceId } = await createSpace(db, { bufferMinutes: 15 });
  const people = await createUsersWithSessions(db, count);
  const input = booking(spaceId, "2026-12-09", "10:00", "11:00");
  const answers = await Promise.all(people.map((person) => post(base, "booking.create", person.cookie, input)));
  const messages = answers.filter((a) => a.status === 409).map((a) => a.body?.error?.message ?? "");
  return {
    succeeded: answers.filter((a) => a.status === 200).length,
    conflicts: messages.filter((m) => m.startsWith("Ese horario acaba de ser reservado. Horarios libres más cercanos: ")).length,
    serverErrors: answers.filter((a) => a.status >= 500 || a.status === 0).length,
    other: answers.filter((a) => a.status !== 200 && a.status !== 409).map((a) => `${a.status} ${a.body?.error?.message}`).slice(0, 3),
    rows: await db.booking.count({ where: { spaceId } }),
    overlaps: await overlappingPairs(db, spaceId),
  };
}

/** Weekly series that overlap each other (shifted by 30 minutes and by weeks), all sent at once. */
export async function raceOfSeries(db: Db, base: string, count: number) {
  const { id: spaceId } = await createSpace(db, { bufferMinutes: 10, maxHorizonDays: 120 });
  const people = await createUsersWithSessions(db, count);
  const starts = ["2026-12-02", "2026-12-09", "2026-12-16"];
  const times = [["09:00", "10:00"], ["09:30", "10:30"], ["10:00", "11:00"]] as const;
  const answers = await Promise.all(
    people.map((person, i) => {
      const [from, to] = times[i % times.length]!;
      return post(base, "booking.createSeries", person.cookie, {
        ...booking(spaceId, starts[Math.floor(i / times.length) % starts.length]!, from, to),
        occurrences: 6,
        mode: i % 2 === 0 ? "SKIP_CONFLICTS" : "ALL_OR_NOTHING",
      });
    }),
  );
  const created = answers
    .filter((a) => a.status === 200)
    .reduce((sum, a) => sum + ((a.body?.result?.data as { created: unknown[] }).created.length ?? 0), 0);
  return {
    serverErrors: answers.filter((a) => a.status >= 500 || a.status === 0).length,
    unexpected: answers.filter((a) => a.status !== 200 && a.status !== 409).map((a) => `${a.status} ${a.body?.error?.message}`).slice(0, 3),
    created,
    rows: await db.booking.count({ where: { spaceId } }),
    overlaps: await overlappingPairs(db, spaceId),
  };
}

/**
 * Sustained contention: `perSlot` people at once for each of `slots` consecutive half-hours of one
 * space. Losers that raised errors used to deadlock one another now and then (ADR 018): every
 * answer must be a booking or the conflict, and each slot must have exactly one booking.
 */
export async function raceForManySlots(db: Db, base: string, slots: number, perSlot: number) {
  const { id: spaceId } = await createSpace(db, { maxHorizonDays: 120 });
  const people = await createUsersWithSessions(db, perSlot);
  const starts = Array.from({ length: slots }, (_, i) => {
    const minute = 8 * 60 + 30 * (i % 8);
    const date = ["2026-12-09", "2026-12-10", "2026-12-11"][Math.floor(i / 8) % 3]!;
    const time = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    return booking(spaceId, date, time(minute), time(minute + 30));
  });
  const answers = await Promise.all(starts.flatMap((input) => people.map((person) => post(base, "booking.create", person.cookie, input))));
  return {
    succeeded: answers.filter((a) => a.status === 200).length,
    conflicts: answers.filter((a) => a.status === 409).length,
    serverErrors: answers.filter((a) => a.status >= 500 || a.status === 0).length,
    rows: await db.booking.count({ where: { spaceId } }),
    overlaps: await overlappingPairs(db, spaceId),
  };
}
