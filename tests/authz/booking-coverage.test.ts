/**
 * Authorization of centers, spaces, availability and bookings: every procedure with these
 * prefixes declares, for anonymous callers, every role and the booker, the outcome of a real call
 * (the structure of procedure-coverage.test.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE, createSession } from "../../server/auth/session";
import { appRouter, type Caller } from "../../server/router";
import { bogota, createSpace } from "../booking/fixtures";
import { testClock } from "../support/clock";
import { ROLES, callerAs, callerFor, createUser, useTestServices, type Role } from "../support/callers";
import { DELEGATED_COVERAGE, proceduresOwnedBy, outcomeOf } from "./coverage-scope";

const suite = useTestServices();

type Outcome = "allowed" | 401 | 403 | 404 | 409;
type Who = "anonymous" | Role | "booker";

interface Fixtures {
  centerId: string;
  /** A new space of the center (no role restriction unless given): each booking call gets its own. */
  freshSpace(allowedRoles?: Role[]): Promise<string>;
  /** A new booking by the "booker", starting 10 minutes from "now" (check-in is open). */
  freshBooking(options?: { pending?: boolean }): Promise<{ id: string; code: string }>;
}

interface Case {
  about?: string;
  call: (caller: Caller, fixtures: Fixtures) => Promise<unknown>;
  expect: Partial<Record<Who, Outcome>> & Record<"anonymous" | Role, Outcome>;
}

const everyone = { anonymous: "allowed", ENTREPRENEUR: "allowed", ACADEMIA: "allowed", COMPANY: "allowed", SECRETARIAT: "allowed" } as const;
const signedIn = { ...everyone, anonymous: 401 } as const;
const secretariatOnly = { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403, SECRETARIAT: "allowed" } as const;
/** A booking's own matters: its booker and the Secretariat; for anyone else it does not exist. */
const bookerOrSecretariat = { anonymous: 401, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: "allowed", booker: "allowed" } as const;

/** "Now" for this file: Tuesday 1 December 2026, 09:50 in Bogotá. */
const NOW = bogota("2026-12-01", "09:50");
let n = 0;
const centerFields = () => ({
  name: `Centro de cobertura ${++n}`,
  address: "Calle 52 # 20-10, Barrancabermeja",
  latitude: 7.06,
  longitude: -73.85,
  hours: [{ weekday: 3, opensMinute: 480, closesMinute: 1080 }],
});
/** A PNG uploaded by the caller (by the booker for an anonymous caller): photos attach only the uploader's own images. */
async function imageOf(caller: Caller) {
  const uploaderId = (await caller.auth.me())?.id ?? bookerId;
  const file = await suite.db.storedFile.create({
    data: { store: "LOCAL", storageKey: `photo-${++n}-${Date.now()}`, name: "foto.png", contentType: "image/png", size: 10, sha256: "0".repeat(64), uploadedById: uploaderId },
  });
  return file.id;
}
const photoAlt = "Sala con mesa larga y sillas";
const bookingOn = (spaceId: string) => ({
  spaceId,
  startsAt: bogota("2026-12-09", "09:00"),
  endsAt: bogota("2026-12-09", "10:00"),
  purpose: "Reunión de cobertura",
  attendees: 2,
});

const expectations: Record<string, Case[]> = {
  "center.list": [{ call: (c) => c.center.list(), expect: everyone }],
  "center.get": [{ call: (c, f) => c.center.get({ id: f.centerId }), expect: everyone }],
  "center.create": [{ call: (c) => c.center.create(centerFields()), expect: secretariatOnly }],
  "center.update": [
    {
      // A center of its own: the others keep the hours their bookings need.
      call: async (c) => c.center.update({ id: (await suite.db.center.create({ data: { ...centerFields(), hours: undefined } })).id, ...centerFields() }),
      expect: secretariatOnly,
    },
  ],
  "center.addClosure": [
    { call: (c, f) => c.center.addClosure({ centerId: f.centerId, startsOn: "2027-03-01", endsOn: "2027-03-02", reason: "Mantenimiento" }), expect: secretariatOnly },
  ],
  "center.removeClosure": [
    {
      call: async (c, f) => {
        const closure = await suite.db.centerClosure.create({ data: { centerId: f.centerId, startsOn: new Date("2027-04-01"), endsOn: new Date("2027-04-01"), reason: "Jornada" } });
        return c.center.removeClosure({ id: closure.id });
      },
      expect: secretariatOnly,
    },
  ],
  "center.addPhoto": [{ call: async (c, f) => c.center.addPhoto({ centerId: f.centerId, fileId: await imageOf(c), alt: photoAlt }), expect: secretariatOnly }],
  "center.removePhoto": [
    {
      call: async (c, f) => {
        const center = await suite.db.center.create({ data: { ...centerFields(), hours: undefined } });
        const photo = await suite.db.placePhoto.create({ data: { centerId: center.id, fileId: await imageOf(c), alt: photoAlt, position: 0 } });
        return c.center.removePhoto({ centerId: center.id, photoId: photo.id });
      },
      expect: secretariatOnly,
    },
  ],
  "space.list": [{ call: (c, f) => c.space.list({ centerId: f.centerId }), expect: everyone }],
  "space.get": [{ call: async (c, f) => c.space.get({ id: await f.freshSpace() }), expect: everyone }],
  "space.amenities": [{ call: (c) => c.space.amenities(), expect: everyone }],
  "booking.ofSpace": [{ call: async (c, f) => c.booking.ofSpace({ spaceId: await f.freshSpace(), from: "2026-12-07", to: "2026-12-13" }), expect: secretariatOnly }],
  "space.listAll": [{ call: (c) => c.space.listAll(), expect: secretariatOnly }],
  "space.create": [{ call: (c, f) => c.space.create({ centerId: f.centerId, name: "Sala de cobertura", kind: "COWORKING", capacity: 6 }), expect: secretariatOnly }],
  "space.update": [
    { call: async (c, f) => c.space.update({ id: await f.freshSpace(), centerId: f.centerId, name: "Sala renombrada", kind: "LAB", capacity: 9 }), expect: secretariatOnly },
  ],
  "space.addPhoto": [{ call: async (c, f) => c.space.addPhoto({ spaceId: await f.freshSpace(), fileId: await imageOf(c), alt: photoAlt }), expect: secretariatOnly }],
  "space.removePhoto": [
    {
      call: async (c, f) => {
        const spaceId = await f.freshSpace();
        const photo = await suite.db.placePhoto.create({ data: { spaceId, fileId: await imageOf(c), alt: photoAlt, position: 0 } });
        return c.space.removePhoto({ spaceId, photoId: photo.id });
      },
      expect: secretariatOnly,
    },
  ],
  "availability.forSpace": [{ call: async (c, f) => c.availability.forSpace({ spaceId: await f.freshSpace(), from: "2026-12-07", to: "2026-12-13" }), expect: everyone }],
  "booking.create": [
    { about: "an open space", call: async (c, f) => c.booking.create(bookingOn(await f.freshSpace())), expect: signedIn },
    {
      about: "a space for academia",
      call: async (c, f) => c.booking.create(bookingOn(await f.freshSpace(["ACADEMIA"]))),
      expect: { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: "allowed", COMPANY: 403, SECRETARIAT: 403 },
    },
  ],
  "booking.createSeries": [
    { call: async (c, f) => c.booking.createSeries({ ...bookingOn(await f.freshSpace()), occurrences: 2, mode: "SKIP_CONFLICTS" }), expect: signedIn },
  ],
  "booking.get": [{ call: async (c, f) => c.booking.get({ id: (await f.freshBooking()).id }), expect: bookerOrSecretariat }],
  "booking.mine": [{ call: (c) => c.booking.mine({ scope: "upcoming" }), expect: signedIn }],
  "booking.pending": [{ call: (c) => c.booking.pending({}), expect: secretariatOnly }],
  "booking.cancel": [{ call: async (c, f) => c.booking.cancel({ id: (await f.freshBooking()).id, reason: "Cambio de planes" }), expect: bookerOrSecretariat }],
  "booking.decide": [
    { call: async (c, f) => c.booking.decide({ id: (await f.freshBooking({ pending: true })).id, decision: "approve" }), expect: { ...secretariatOnly, booker: 403 } },
  ],
  "booking.pass": [{ call: async (c, f) => c.booking.pass({ id: (await f.freshBooking()).id }), expect: bookerOrSecretariat }],
  "booking.checkIn": [{ call: async (c, f) => c.booking.checkIn({ code: (await f.freshBooking()).code }), expect: bookerOrSecretariat }],
  "booking.calendarFeed": [{ call: (c) => c.booking.calendarFeed(), expect: signedIn }],
  "booking.regenerateCalendarFeed": [{ call: (c) => c.booking.regenerateCalendarFeed(), expect: signedIn }],
};

let fixtures: Fixtures;
let bookerId: string;

beforeAll(async () => {
  await testClock(suite.db).set(NOW);
  const booker = await createUser(suite.db, "ENTREPRENEUR");
  bookerId = booker.id;
  const center = await suite.db.center.create({ data: { ...centerFields(), hours: { create: [{ weekday: 2, opensMinute: 480, closesMinute: 1080 }, { weekday: 3, opensMinute: 480, closesMinute: 1080 }] } } });
  fixtures = {
    centerId: center.id,
    freshSpace: async (allowedRoles = []) => (await createSpace(suite.db, { centerId: center.id, allowedRoles, minLeadMinutes: 0 })).id,
    async freshBooking(options = {}) {
      const space = await createSpace(suite.db, { centerId: center.id, minLeadMinutes: 0, requiresApproval: options.pending === true });
      const { token } = await createSession(suite.db, bookerId, {});
      const caller = (await callerFor(suite.services, { cookie: `${SESSION_COOKIE}=${token}` })).caller;
      const created = await caller.booking.create({ ...bookingOn(space.id), startsAt: bogota("2026-12-01", "10:00"), endsAt: bogota("2026-12-01", "11:00") });
      const { checkInCode } = await suite.db.booking.findUniqueOrThrow({ where: { id: created.id }, select: { checkInCode: true } });
      return { id: created.id, code: checkInCode };
    },
  };
});

async function callerOf(who: Who): Promise<Caller> {
  if (who === "booker") {
    const { token } = await createSession(suite.db, bookerId, {});
    return (await callerFor(suite.services, { cookie: `${SESSION_COOKIE}=${token}` })).caller;
  }
  return (await callerAs(suite.services, who === "anonymous" ? null : who, { ip: `198.18.${++n % 250}.${n % 200}` })).caller;
}


describe("booking authorization coverage", () => {
  it("declares an expectation for every procedure of its prefixes, and for nothing else", () => {
    expect(proceduresOwnedBy(Object.keys(appRouter._def.procedures), DELEGATED_COVERAGE["tests/authz/booking-coverage.test.ts"])).toEqual(
      Object.keys(expectations).sort(),
    );
  });

  for (const [path, cases] of Object.entries(expectations)) {
    for (const testCase of cases) {
      const relations = (["booker"] as const).filter((relation) => testCase.expect[relation] !== undefined);
      for (const who of ["anonymous", ...ROLES, ...relations] as Who[]) {
        const expected = testCase.expect[who]!;
        it(`${path}${testCase.about ? ` on ${testCase.about}` : ""}: ${who} → ${expected}`, async () => {
          expect(await outcomeOf(testCase.call(await callerOf(who), fixtures))).toBe(expected);
        });
      }
    }
  }
});
