/**
 * Every public indicator against numbers counted by hand from a small dataset written below. The
 * database clock is fixed at Friday 2026-03-20, 10:00 in Bogotá; all seeded instants are 15:00 UTC
 * (10:00 Bogotá) unless said otherwise, so whole days between events are whole numbers.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb, Prisma } from "../../server/db/client";
import type { BookingStatus, IdeaStatus, OrganizationKind, Sector } from "../../server/db/generated/enums";
import { computeIndicators, INDICATOR_KEYS, type IndicatorValue } from "../../server/stats/indicators";
import { callerAs, createUser, failureOf, useTestServices } from "../support/callers";
import { createApprovedCall } from "../support/calls";
import { testClock } from "../support/clock";

const suite = useTestServices();
const at = (date: string, time = "15:00") => new Date(`${date}T${time}:00Z`);
/** A Bogotá local time as an instant (UTC−5). */
const bogota = (date: string, time: string) => new Date(`${date}T${time}:00-05:00`);

let counter = 0;
const ids = {} as Record<string, string>;

async function idea(key: string, authorId: string, sector: Sector, status: IdeaStatus, moves: [IdeaStatus, IdeaStatus, string][], publishedAt?: string) {
  counter += 1;
  const row = await suite.db.idea.create({
    data: {
      title: `Idea ${key}`, summary: "Resumen de prueba.", problem: "Problema de prueba.", solution: "Solución de prueba.",
      sector, status, authorId, createdAt: at("2025-12-01"),
      submittedAt: moves.find((m) => m[1] === "SUBMITTED") ? at(moves.filter((m) => m[1] === "SUBMITTED").at(-1)![2]) : null,
      publishedAt: publishedAt ? at(publishedAt) : null,
    },
  });
  for (const [fromStatus, toStatus, date] of moves) {
    await suite.db.ideaEvent.create({
      data: { ideaId: row.id, kind: "TRANSITION", fromStatus, toStatus, createdAt: at(date), actorId: toStatus === "SUBMITTED" ? authorId : ids.secretariat! },
    });
  }
  ids[key] = row.id;
}

async function organization(key: string, kind: OrganizationKind, createdAt: string) {
  ids[key] = (await suite.db.organization.create({ data: { name: `Org ${key}`, slug: `org-${key.toLowerCase()}`, kind, createdAt: at(createdAt) } })).id;
}

async function alliance(key: string, ideaKey: string, status: "FORMING" | "ACTIVE" | "COMPLETED" | "WITHDRAWN", tripleHelix: boolean, activatedAt: string | null, closedAt: string | null, commitments: ["MENTORING_HOURS" | "FUNDING_COP", number, boolean][]) {
  const row = await suite.db.alliance.create({
    data: {
      title: `Alianza ${key}`, purpose: "Propósito de prueba de la alianza.", expectedOutcome: "Resultado esperado.",
      ideaId: ids[ideaKey]!, status, tripleHelix, proposedById: ids.e1!,
      activatedAt: activatedAt ? at(activatedAt) : null, closedAt: closedAt ? at(closedAt) : null,
    },
  });
  const party = await suite.db.allianceParty.create({ data: { allianceId: row.id, userId: ids.e1!, sector: "ENTREPRENEUR", status: "ACCEPTED", isProposer: true, invitedById: ids.e1! } });
  for (const [kind, quantity, publishAmount] of commitments) {
    await suite.db.commitment.create({ data: { allianceId: row.id, partyId: party.id, kind, quantity: BigInt(quantity), description: "Compromiso", publishAmount } });
  }
}

async function booking(spaceKey: string, userKey: string, status: BookingStatus, date: string, from: string, to: string, createdOn: string) {
  const startsAt = bogota(date, from).toISOString();
  const endsAt = bogota(date, to).toISOString();
  await suite.db.$executeRaw(Prisma.sql`
    INSERT INTO "Booking" ("id", "spaceId", "userId", "startsAt", "endsAt", "bufferMinutes", "blockedRange", "status", "purpose", "attendees", "checkInCode", "createdAt", "updatedAt")
    VALUES (${randomUUID()}::uuid, ${ids[spaceKey]!}::uuid, ${ids[userKey]!}::uuid, ${startsAt}::timestamptz, ${endsAt}::timestamptz, 0,
            tstzrange(${startsAt}::timestamptz, ${endsAt}::timestamptz, '[)'), ${status}::"BookingStatus", 'Prueba', 2,
            ${randomUUID().slice(0, 12)}, ${at(createdOn).toISOString()}::timestamptz, now())`);
}

beforeAll(async () => {
  await testClock(suite.db).set(bogota("2026-03-20", "10:00"));
  for (const key of ["e1", "e2", "e3", "e4", "e5"]) ids[key] = (await createUser(suite.db, "ENTREPRENEUR")).id;
  ids.a1 = (await createUser(suite.db, "ACADEMIA")).id;
  ids.secretariat = (await createUser(suite.db, "SECRETARIAT")).id;

  // Ideas. Posted = first submission; decisions are timed from the submission they decided.
  await idea("I1", ids.e1!, "ICT", "PUBLISHED", [["DRAFT", "SUBMITTED", "2026-01-10"], ["SUBMITTED", "PUBLISHED", "2026-01-14"]], "2026-01-14");
  await idea("I2", ids.e1!, "ICT", "REJECTED", [["DRAFT", "SUBMITTED", "2026-02-01"], ["SUBMITTED", "REJECTED", "2026-02-11"]]);
  await idea("I3", ids.e1!, "TOURISM", "PUBLISHED", [
    ["DRAFT", "SUBMITTED", "2026-01-20"], ["SUBMITTED", "CHANGES_REQUESTED", "2026-01-22"],
    ["CHANGES_REQUESTED", "SUBMITTED", "2026-02-02"], ["SUBMITTED", "PUBLISHED", "2026-02-04"],
  ], "2026-02-04");
  await idea("I4", ids.e2!, "TOURISM", "SUBMITTED", [["DRAFT", "SUBMITTED", "2026-03-05"]]);
  await idea("I5", ids.e1!, "ICT", "DRAFT", []);
  await idea("I6", ids.e1!, "AGROINDUSTRY", "IN_DEVELOPMENT", [
    ["DRAFT", "SUBMITTED", "2025-12-20"], ["SUBMITTED", "PUBLISHED", "2025-12-28"], ["PUBLISHED", "IN_DEVELOPMENT", "2026-02-20"],
  ], "2025-12-28");
  await idea("I7", ids.e1!, "ICT", "PUBLISHED", [["DRAFT", "SUBMITTED", "2026-03-02"], ["SUBMITTED", "PUBLISHED", "2026-03-08"]], "2026-03-08");

  await organization("U", "UNIVERSITY", "2025-06-01");
  await organization("Co", "COMPANY", "2025-06-01");
  await organization("P", "PUBLIC_ENTITY", "2025-06-01");
  await organization("N", "NGO", "2025-06-01");
  await organization("St", "STARTUP", "2026-03-10");

  // Calls: C1 (ICT) open 5 Jan – 15 Feb; C2 (tourism) open 1 Mar – 30 Apr; C3 only proposed; C4 (ICT) in late 2025.
  const call = async (key: string, sectors: Sector[], opens: string, closes: string, status: "APPROVED" | "PROPOSED" = "APPROVED") => {
    ids[key] = (await createApprovedCall(suite.db, {
      opensAt: at(opens), closesAt: at(closes), evaluationEndsAt: at("2026-06-01"), resultsAt: at("2026-06-15"),
      proposedById: ids.secretariat!, sectors, status, title: `Reto ${key}`,
    })).id;
  };
  await call("C1", ["ICT"], "2026-01-05", "2026-02-15");
  await call("C2", ["TOURISM"], "2026-03-01", "2026-04-30");
  await call("C3", ["ICT"], "2026-01-05", "2026-04-30", "PROPOSED");
  await call("C4", ["ICT"], "2025-10-01", "2025-11-30");
  const submit = (callKey: string, ideaKey: string, date: string, withdrawn = false) =>
    suite.db.callSubmission.create({
      data: { callId: ids[callKey]!, ideaId: ids[ideaKey]!, submitterId: ids.e1!, submittedAt: at(date), status: withdrawn ? "WITHDRAWN" : "SUBMITTED", withdrawnAt: withdrawn ? at(date) : null },
    });
  await submit("C1", "I1", "2026-01-20");
  await submit("C1", "I6", "2026-01-25");
  await submit("C2", "I3", "2026-03-10");
  await submit("C2", "I7", "2026-03-10", true);
  const participate = (callKey: string, orgKey: string, role: "ALLY" | "MENTOR" | "JURY", status: "ACCEPTED" | "REQUESTED" = "ACCEPTED") =>
    suite.db.callParticipation.create({ data: { callId: ids[callKey]!, organizationId: ids[orgKey]!, role, status, createdById: ids.secretariat! } });
  await participate("C1", "U", "ALLY");
  await participate("C1", "U", "MENTOR");
  await participate("C1", "Co", "JURY");
  await participate("C1", "N", "ALLY", "REQUESTED");
  await participate("C2", "P", "ALLY");
  await participate("C2", "U", "JURY");
  await participate("C4", "Co", "MENTOR");

  // Alliances: [kind, quantity, publishAmount].
  await alliance("AL1", "I3", "ACTIVE", true, "2026-02-10", null, [["MENTORING_HOURS", 40, true], ["MENTORING_HOURS", 15, false], ["FUNDING_COP", 5_000_000, true]]);
  await alliance("AL2", "I6", "COMPLETED", false, "2025-11-01", "2026-01-15", [["FUNDING_COP", 2_000_000, true], ["MENTORING_HOURS", 10, true]]);
  await alliance("AL3", "I6", "WITHDRAWN", true, "2026-01-05", "2026-02-01", [["MENTORING_HOURS", 100, true]]);
  await alliance("AL4", "I7", "FORMING", false, null, null, [["MENTORING_HOURS", 7, true]]);
  await alliance("AL5", "I1", "COMPLETED", false, "2025-06-01", "2025-09-01", [["MENTORING_HOURS", 20, true]]);

  // One center open Monday to Friday 08:00–12:00 (4 h a day), closed 16–17 February; two spaces.
  const center = await suite.db.center.create({
    data: {
      name: "Centro de prueba", address: "Calle 1", latitude: 7.06, longitude: -73.85,
      hours: { create: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensMinute: 480, closesMinute: 720 })) },
      closures: { create: [{ startsOn: new Date("2026-02-16T00:00:00Z"), endsOn: new Date("2026-02-17T00:00:00Z"), reason: "Mantenimiento" }] },
    },
  });
  for (const key of ["SP1", "SP2"]) ids[key] = (await suite.db.space.create({ data: { centerId: center.id, name: `Sala ${key}`, kind: "MEETING_ROOM", capacity: 8 } })).id;
  await booking("SP1", "e3", "COMPLETED", "2026-02-03", "08:00", "10:00", "2026-01-28");
  await booking("SP1", "e3", "CONFIRMED", "2026-02-24", "09:00", "12:00", "2026-02-20");
  await booking("SP1", "a1", "NO_SHOW", "2026-02-05", "08:00", "09:00", "2026-02-01");
  await booking("SP2", "e2", "COMPLETED", "2026-02-10", "10:00", "11:00", "2026-02-02");
  await booking("SP2", "e3", "CANCELLED", "2026-02-11", "08:00", "12:00", "2026-02-03");
  await booking("SP2", "a1", "COMPLETED", "2026-01-15", "08:00", "10:00", "2026-01-10");
  await booking("SP1", "e3", "PENDING", "2026-03-25", "08:00", "09:00", "2026-03-18");

  // Participation besides submissions and bookings: E4 supports and comments in February; E5 only in 2025; A1 is not an entrepreneur.
  await suite.db.ideaSupport.create({ data: { ideaId: ids.I1!, userId: ids.e4!, createdAt: at("2026-02-12") } });
  await suite.db.comment.create({ data: { ideaId: ids.I1!, authorId: ids.e4!, body: "Buen trabajo", createdAt: at("2026-02-12") } });
  await suite.db.ideaSupport.create({ data: { ideaId: ids.I1!, userId: ids.e5!, createdAt: at("2025-12-01") } });
  await suite.db.comment.create({ data: { ideaId: ids.I1!, authorId: ids.a1!, body: "Comentario académico", createdAt: at("2026-01-15") } });
});

const byKey = (indicators: IndicatorValue[]) => Object.fromEntries(indicators.map((i) => [i.key, i]));
const breakdown = (indicator: IndicatorValue | undefined) => Object.fromEntries((indicator?.breakdown ?? []).map((b) => [b.key, b.value]));
const series = (indicator: IndicatorValue | undefined) => Object.fromEntries((indicator?.series ?? []).map((s) => [s.period, s.value]));

describe("stats.indicators for the current quarter (1 January – 20 March 2026)", () => {
  let all: Record<string, IndicatorValue>;
  beforeAll(async () => {
    const { caller } = await callerAs(suite.services, null);
    const answer = await caller.stats.indicators({ period: "quarter" });
    expect(answer.filters).toEqual({ period: "quarter", from: "2026-01-01", to: "2026-03-20" });
    expect(answer.indicators.map((i) => i.key)).toEqual([...INDICATOR_KEYS]);
    all = byKey(answer.indicators);
  });

  it("counts ideas: posted, published, by state and sector, reach and the median wait for a decision", () => {
    // Posted (first submission in range): I1 10 Jan, I3 20 Jan, I2 1 Feb, I4 5 Mar, I7 2 Mar. I6 was first submitted in December; I5 never.
    expect(all["ideas.posted"]!.value).toBe(5);
    expect(series(all["ideas.posted"])).toEqual({ "2026-01": 2, "2026-02": 1, "2026-03": 2 });
    // First published in range: I1 (Jan), I3 (Feb), I7 (Mar).
    expect(all["ideas.published"]!.value).toBe(3);
    expect(series(all["ideas.published"])).toEqual({ "2026-01": 1, "2026-02": 1, "2026-03": 1 });
    // Current states of the five posted: I4 submitted; I1, I3, I7 published; I2 rejected.
    expect(all["ideas.byState"]!.breakdown).toEqual([
      { key: "SUBMITTED", label: "En revisión", value: 1 },
      { key: "PUBLISHED", label: "Publicada", value: 3 },
      { key: "REJECTED", label: "Rechazada", value: 1 },
    ]);
    // ICT: I1, I2, I7; tourism: I3, I4.
    expect(breakdown(all["ideas.bySector"])).toEqual({ ICT: 3, TOURISM: 2 });
    // Of I1, I3, I7: I1 submitted to C1, I3 in the active alliance AL1 (and C2); I7's submission was withdrawn and AL4 never activated: 2/3.
    expect(all["ideas.reachedCallOrAlliance"]!.value).toBe(66.7);
    // Decisions in range: I1 4 days, I3 2 days (from its second submission), I7 6 days, I2 10 days → median of 2, 4, 6, 10 = 5.
    expect(all["ideas.daysToDecision"]!.value).toBe(5);
  });

  it("counts calls, their submissions and the organizations taking part", () => {
    // C1 and C2 accepted submissions in the range; C3 was never approved; C4 closed in 2025.
    expect(all["calls.open"]!.value).toBe(2);
    // Only C1's deadline (15 Feb) passed in the range.
    expect(all["calls.closed"]!.value).toBe(1);
    // C1: I1 and I6; C2: I3 (I7's was withdrawn).
    expect(all["calls.submissions"]!.value).toBe(3);
    expect(all["calls.submissions"]!.breakdown!.map((b) => [b.label, b.value])).toEqual([["Reto C1", 2], ["Reto C2", 1]]);
    // Accepted in C1 and C2: university (ally, mentor, jury), company (jury), public entity (ally). The NGO only requested; C4 is out of range.
    expect(all["calls.organizationsByKind"]!.value).toBe(3);
    expect(breakdown(all["calls.organizationsByKind"])).toEqual({ UNIVERSITY: 1, COMPANY: 1, PUBLIC_ENTITY: 1, NGO: 0, STARTUP: 0 });
    expect(all["calls.participationsByRole"]!.value).toBe(5);
    expect(breakdown(all["calls.participationsByRole"])).toEqual({ ALLY: 2, MENTOR: 1, JURY: 2 });
  });

  it("counts alliances and only the amounts their parties allowed publishing, in active or completed ones", () => {
    // Active at some point: AL1 (from 10 Feb), AL2 (until 15 Jan), AL3 (5 Jan – 1 Feb). AL4 never activated, AL5 closed in 2025.
    expect(all["alliances.active"]!.value).toBe(3);
    expect(all["alliances.tripleHelix"]!.value).toBe(2);
    expect(breakdown(all["alliances.tripleHelix"])).toEqual({ tripleHelix: 2, other: 1 });
    // AL1 40 published (15 not) + AL2 10; AL3 was withdrawn.
    expect(all["alliances.mentoringHours"]!.value).toBe(50);
    expect(all["alliances.fundingCop"]!.value).toBe(7_000_000);
  });

  it("counts bookings, occupancy over opening hours without holidays or closures, and no-shows", () => {
    // Held bookings starting in range: 15 Jan, 3, 5, 10 and 24 Feb (the cancelled and the pending one do not count).
    expect(all["spaces.bookings"]!.value).toBe(5);
    expect(series(all["spaces.bookings"])).toEqual({ "2026-01": 1, "2026-02": 4, "2026-03": 0 });
    // Open days: January 22 weekdays − 1 Jan and 12 Jan (holidays) = 20; February 20 − 2 closure days = 18;
    // 1–20 March 15 weekdays (San José moves to the 23rd) → 53 days × 4 h = 212 h per space.
    // SP1: 2 h + 3 h = 5/212 = 2.4 %; SP2: 1 h + 2 h = 3/212 = 1.4 %; the center: 8/424 = 1.9 %.
    expect(all["spaces.occupancyBySpace"]!.value).toBe(1.9);
    expect(all["spaces.occupancyBySpace"]!.breakdown!.map((b) => [b.label, b.value])).toEqual([
      ["Sala SP1 (Centro de prueba)", 2.4],
      ["Sala SP2 (Centro de prueba)", 1.4],
    ]);
    expect(all["spaces.occupancyByCenter"]!.breakdown!.map((b) => [b.label, b.value])).toEqual([["Centro de prueba", 1.9]]);
    // One no-show over three completed plus one no-show.
    expect(all["spaces.noShowRate"]!.value).toBe(25);
  });

  it("counts active entrepreneurs and organizations, never naming anyone", () => {
    // E1 submitted ideas, E2 submitted I4 and booked, E3 booked, E4 supported and commented; E5 acted only in 2025; A1 is academia.
    expect(all["participation.activeEntrepreneurs"]!.value).toBe(4);
    // January: E1, E3 · February: E1, E2, E3, E4 · March: E1, E2, E3.
    expect(series(all["participation.activeEntrepreneurs"])).toEqual({ "2026-01": 2, "2026-02": 4, "2026-03": 3 });
    expect(all["participation.organizationsByKind"]!.value).toBe(5);
    expect(breakdown(all["participation.organizationsByKind"])).toEqual({ UNIVERSITY: 1, COMPANY: 1, PUBLIC_ENTITY: 1, NGO: 1, STARTUP: 1 });
    const text = JSON.stringify(Object.values(all));
    for (const key of ["e1", "e2", "e3", "e4", "a1"]) expect(text).not.toContain(ids[key]);
    expect(text).not.toMatch(/@example\.co|Usuaria/);
  });

  it("shows each indicator's name and written definition in the caller's language", async () => {
    expect(all["ideas.posted"]!.name).toBe("Ideas postuladas");
    expect(all["ideas.posted"]!.definition).toMatch(/primera vez/);
    const { caller } = await callerAs(suite.services, null, { locale: "en" });
    const definitions = await caller.stats.definitions();
    expect(definitions.map((d) => d.key)).toEqual([...INDICATOR_KEYS]);
    expect(definitions.find((d) => d.key === "spaces.noShowRate")).toMatchObject({ family: "spaces", unit: "percent", name: "Booking no-shows" });
    for (const d of definitions) expect(d.definition.length).toBeGreaterThan(20);
  });
});

describe("filters", () => {
  it("a sector narrows ideas and calls and leaves the other families as they are", async () => {
    const { caller } = await callerAs(suite.services, null);
    const quarter = byKey((await caller.stats.indicators({ period: "quarter" })).indicators);
    const ict = byKey((await caller.stats.indicators({ period: "quarter", sector: "ICT" })).indicators);
    // ICT ideas: I1, I2, I7 posted; I1, I7 published, only I1 reached a call → 50 %; decisions 4, 10, 6 days → median 6.
    expect([ict["ideas.posted"]!.value, ict["ideas.published"]!.value, ict["ideas.reachedCallOrAlliance"]!.value, ict["ideas.daysToDecision"]!.value]).toEqual([3, 2, 50, 6]);
    // ICT calls: C1 only (open, closed, 2 submissions; university and company as ally, mentor, jury).
    expect([ict["calls.open"]!.value, ict["calls.closed"]!.value, ict["calls.submissions"]!.value, ict["calls.organizationsByKind"]!.value]).toEqual([1, 1, 2, 2]);
    expect(breakdown(ict["calls.participationsByRole"])).toEqual({ ALLY: 1, MENTOR: 1, JURY: 1 });
    for (const key of ["alliances.active", "spaces.bookings", "participation.activeEntrepreneurs"]) expect(ict[key]!.value).toBe(quarter[key]!.value);
  });

  it("a custom range (February 2026) changes every number accordingly", async () => {
    const { caller } = await callerAs(suite.services, null);
    const answer = await caller.stats.indicators({ period: "custom", from: "2026-02-01", to: "2026-02-28" });
    expect(answer.filters).toEqual({ period: "custom", from: "2026-02-01", to: "2026-02-28" });
    const feb = byKey(answer.indicators);
    // Posted: I2 only; published: I3, which reached AL1 → 100 %; decisions I2 10 days and I3 2 days → median 6.
    expect([feb["ideas.posted"]!.value, feb["ideas.published"]!.value, feb["ideas.reachedCallOrAlliance"]!.value, feb["ideas.daysToDecision"]!.value]).toEqual([1, 1, 100, 6]);
    expect(series(feb["ideas.posted"])).toEqual({ "2026-02": 1 });
    // AL1 (from 10 Feb) and AL3 (closed 1 Feb), both triple helix; amounts: AL1's 40 h and 5,000,000.
    expect([feb["alliances.active"]!.value, feb["alliances.tripleHelix"]!.value, feb["alliances.mentoringHours"]!.value, feb["alliances.fundingCop"]!.value]).toEqual([2, 2, 40, 5_000_000]);
    // 18 open days × 4 h = 72 h per space: SP1 5/72 = 6.9 %, SP2 1/72 = 1.4 %, center 6/144 = 4.2 %; 1 no-show of 3.
    expect(feb["spaces.bookings"]!.value).toBe(4);
    expect(breakdown(feb["spaces.occupancyBySpace"])).toEqual({ [ids.SP1!]: 6.9, [ids.SP2!]: 1.4 });
    expect(feb["spaces.occupancyByCenter"]!.value).toBe(4.2);
    expect(feb["spaces.noShowRate"]!.value).toBe(33.3);
    // The startup registered in March.
    expect(breakdown(feb["participation.organizationsByKind"])).toMatchObject({ STARTUP: 0, NGO: 1 });
    expect(feb["participation.activeEntrepreneurs"]!.value).toBe(4);
    // Nothing was decided in an empty range: the median is not computable, shares neither.
    const empty = byKey((await caller.stats.indicators({ period: "custom", from: "2024-01-01", to: "2024-01-31" })).indicators);
    expect([empty["ideas.daysToDecision"]!.value, empty["ideas.reachedCallOrAlliance"]!.value, empty["spaces.noShowRate"]!.value]).toEqual([null, null, null]);
  });

  it("the current month and year run from their first day up to today in Bogotá", async () => {
    const { caller } = await callerAs(suite.services, null);
    expect((await caller.stats.indicators({ period: "month" })).filters).toMatchObject({ from: "2026-03-01", to: "2026-03-20" });
    expect((await caller.stats.indicators({ period: "year" })).filters).toMatchObject({ from: "2026-01-01", to: "2026-03-20" });
  });

  it("bad filters are a 400 with a message saying what to fix", async () => {
    const { caller } = await callerAs(suite.services, null);
    const missing = await failureOf(caller.stats.indicators({ period: "custom", from: "2026-02-01" }));
    expect(missing).toMatchObject({ httpStatus: 400, fieldErrors: { from: expect.stringMatching(/fecha de inicio y la de fin/) } });
    const inverted = await failureOf(caller.stats.indicators({ period: "custom", from: "2026-03-01", to: "2026-02-01" }));
    expect(inverted).toMatchObject({ httpStatus: 400, fieldErrors: { to: expect.stringMatching(/igual o anterior/) } });
    const tooLong = await failureOf(caller.stats.indicators({ period: "custom", from: "2020-01-01", to: "2025-01-01" }));
    expect(tooLong).toMatchObject({ httpStatus: 400, fieldErrors: { to: expect.stringMatching(/5 años/) } });
    await expect(caller.stats.indicators({ period: "custom", from: "2020-01-01", to: "2024-12-31" })).resolves.toBeTruthy();
    expect(await failureOf(caller.stats.indicators({ period: "custom", from: "2026-02-30", to: "2026-03-01" }))).toMatchObject({ httpStatus: 400 });
    expect(await failureOf(caller.stats.indicators({ period: "week" as never }))).toMatchObject({ httpStatus: 400 });
    expect(await failureOf(caller.stats.indicators({ period: "month", sector: "MINING" as never }))).toMatchObject({ httpStatus: 400 });
  });
});

it("computes every indicator in five statements, one per family, whatever the data", async () => {
  const statements: string[] = [];
  const counted = createDb(suite.database.url, { onQuery: (sql) => statements.push(sql) });
  try {
    await computeIndicators(counted, { from: "2026-01-01", to: "2026-03-20" }, "es");
    expect(statements).toHaveLength(5);
  } finally {
    await counted.$disconnect();
  }
});
