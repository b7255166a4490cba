/**
 * What `npm run bench` measures. Each scenario names the request the app answers and what it is
 * compared with: the raw server answering the same URL (byte-identical JSON, checked before
 * measuring), or, for HTML pages, another scenario of the app itself. Later issues append their
 * scenarios (bookings, indicators, exports) here; targets.ts holds the pass/fail rules.
 */
import type { LoadRequest, RequestSource } from "./load";
import { ABSENT_WORD, COMMON_WORD, RARE_WORD } from "./spanish-text";

export type ScenarioKind = "list" | "page" | "html" | "write" | "login" | "availability" | "contention";

/** Scenarios that add rows, cleaned up after their checks and after their load. */
export const WRITING_KINDS: readonly ScenarioKind[] = ["write", "contention"];

/** How the app's answer is checked against the baseline's before any load. */
export type BodyCheck = "identical" | "same-shape" | "none";

/** Facts about the loaded database that requests need (found before measuring). */
export interface ScenarioContext {
  /** The cursor that opens page 20 of the 12-per-page list, as the app handed it out. */
  page20Cursor: string;
  /** A published idea with attachments. */
  ideaId: string;
  /** Cookie header of an entrepreneur's session, valid for both servers (same database). */
  entrepreneurCookie: string;
  /** Accounts the login scenario signs in with, in turn. */
  loginEmails: string[];
  password: string;
  /** A space with its share of the 10,000 seeded bookings, and a 31-day month ahead (Bogotá dates). */
  availability: { spaceId: string; from: string; to: string };
  /** A round-the-clock space and its free half-hour slots, in order. */
  contention: { spaceId: string; slots: { startsAt: string; endsAt: string }[] };
}

export interface Scenario {
  name: string;
  kind: ScenarioKind;
  description: string;
  /** "raw": the raw server answers the same request; otherwise the app scenario to compare with. */
  baseline: "raw" | { appScenario: string };
  check: BodyCheck;
  request(ctx: ScenarioContext): RequestSource;
  /** Statuses besides 2xx that are a correct answer under load (a lost race's 409): timed and counted as answered. */
  accepts?: number[];
  /** What each server answers for the body check, when it cannot be the same request (a slot is taken only once). */
  checkRequest?(ctx: ScenarioContext, server: "app" | "raw"): LoadRequest;
}

/** Ideas created by the write scenarios carry this title and are deleted afterwards. */
export const BENCH_IDEA_TITLE = "Idea de prueba de carga del banco de rendimiento";
/** Likewise the bookings of the contention scenario (the seeded ones have other purposes). */
export const BENCH_BOOKING_PURPOSE = "Reserva de prueba de carga del banco de rendimiento";

export function trpcQuery(procedure: string, input: unknown): LoadRequest {
  return { method: "GET", path: `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}` };
}

const list = (name: string, description: string, input: (ctx: ScenarioContext) => Record<string, unknown>): Scenario => ({
  name,
  kind: "list",
  description,
  baseline: "raw",
  check: "identical",
  request: (ctx) => trpcQuery("idea.list", input(ctx)),
});

/** Requests in a row that fight for one slot: the first wins, the others lose with 409. */
const REQUESTS_PER_SLOT = 48;

function bookingRequest(ctx: ScenarioContext, slot: { startsAt: string; endsAt: string }): LoadRequest {
  return {
    method: "POST",
    path: "/api/trpc/booking.create",
    headers: { cookie: ctx.entrepreneurCookie },
    body: JSON.stringify({ spaceId: ctx.contention.spaceId, ...slot, purpose: BENCH_BOOKING_PURPOSE, attendees: 2 }),
  };
}

export const SCENARIOS: Scenario[] = [
  list("list-12", "idea.list, first page of 12", () => ({ limit: 12 })),
  list("list-50", "idea.list, first page of 50", () => ({ limit: 50 })),
  list("page-20", "idea.list, page 20 (cursor)", (ctx) => ({ limit: 12, cursor: ctx.page20Cursor })),
  list("sector", "idea.list, sector TOURISM", () => ({ sector: "TOURISM", limit: 12 })),
  list("search-common", `idea.list, search "${COMMON_WORD}"`, () => ({ q: COMMON_WORD, limit: 12 })),
  list("search-rare", `idea.list, search "${RARE_WORD}"`, () => ({ q: RARE_WORD, limit: 12 })),
  list("search-none", `idea.list, search "${ABSENT_WORD}" (no match)`, () => ({ q: ABSENT_WORD, limit: 12 })),
  list("supports", "idea.list, most supported first", () => ({ sort: "supports", limit: 12 })),
  {
    name: "idea-page",
    kind: "page",
    description: "idea.byId, idea with attachments",
    baseline: "raw",
    check: "identical",
    request: (ctx) => trpcQuery("idea.byId", { id: ctx.ideaId }),
  },
  {
    name: "html-home",
    kind: "html",
    description: "GET / (HTML), vs the app's list-12",
    baseline: { appScenario: "list-12" },
    check: "none",
    request: () => ({ method: "GET", path: "/" }),
  },
  {
    name: "html-ideas",
    kind: "html",
    description: "GET /ideas (HTML), vs the app's list-12",
    baseline: { appScenario: "list-12" },
    check: "none",
    request: () => ({ method: "GET", path: "/ideas" }),
  },
  {
    name: "create",
    kind: "write",
    description: "idea.create (signed in) vs one INSERT",
    baseline: "raw",
    check: "same-shape",
    request: (ctx) => ({
      method: "POST",
      path: "/api/trpc/idea.create",
      headers: { cookie: ctx.entrepreneurCookie },
      body: JSON.stringify({
        title: BENCH_IDEA_TITLE,
        summary: "Medimos cuánto tarda publicar una idea sobre logística fluvial en el río Magdalena.",
        problem: "Los pequeños productores no tienen dónde almacenar su carga antes de embarcarla.",
        solution: "Una bodega fluvial compartida, administrada por una cooperativa de transportadores.",
        sector: "RIVER_LOGISTICS",
      }),
    }),
  },
  {
    name: "login",
    kind: "login",
    description: "auth.login (Argon2id), accounts in turn",
    baseline: "raw",
    check: "identical",
    request: (ctx) => {
      let turn = 0;
      return () => ({
        method: "POST",
        path: "/api/trpc/auth.login",
        body: JSON.stringify({ email: ctx.loginEmails[turn++ % ctx.loginEmails.length], password: ctx.password }),
      });
    },
  },
  // Bookings: throughput under contention and the availability of a 31-day month with 10,000 bookings in the table.
  {
    name: "availability-month",
    kind: "availability",
    description: "availability.forSpace, 31 days, 10,000 bookings in the table",
    baseline: "raw",
    // The raw server runs the SQL that reads the same rows (the space, its center's hours and
    // closures, the month's live bookings) but computes no slots, so no body can match: what is
    // measured is the price of the slot computation and the framework over the same reads.
    check: "none",
    request: (ctx) => trpcQuery("availability.forSpace", ctx.availability),
  },
  {
    name: "booking-contention",
    kind: "contention",
    description: `booking.create, ${REQUESTS_PER_SLOT} requests a slot (409s count) vs a plain INSERT`,
    baseline: "raw",
    // Both answers of a won slot: the booking row, the same fields in the same order.
    check: "same-shape",
    accepts: [409],
    // Slots 0 and 1 are the body check's; the load fights over the following ones, a fresh slot
    // every REQUESTS_PER_SLOT requests, so races keep happening instead of every slot being gone.
    checkRequest: (ctx, server) => bookingRequest(ctx, ctx.contention.slots[server === "app" ? 0 : 1]!),
    request: (ctx) => {
      let turn = 0;
      return () => {
        const slots = ctx.contention.slots;
        const slot = slots[2 + (Math.floor(turn++ / REQUESTS_PER_SLOT) % (slots.length - 2))]!;
        return bookingRequest(ctx, slot);
      };
    },
  },
];

/** Masks what differs between two correct answers of a write (ids, timestamps). */
export function shapeOf(body: string): string {
  return body
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>")
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, "<date>");
}
