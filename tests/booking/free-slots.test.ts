/**
 * freeSlots builds its candidates inside the opening ranges and checks only length and timing
 * (fast); it must list exactly the slots that slotProblem, the rule booking.create applies, accepts
 * and no live booking blocks. Checked against that definition, slot by slot, on random rules,
 * clocks and bookings, across holidays, a closure and both ranges of a day.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blockedRangeOf, freeSlots, overlapsAny, slotProblem, type CenterCalendar, type SpaceRules } from "../../server/booking/rules";
import { addDays, instantAt } from "../../server/booking/time";
import { WEEK_HOURS } from "./fixtures";

const CALENDAR: CenterCalendar = { hours: WEEK_HOURS, closures: [{ startsOn: "2026-12-16", endsOn: "2026-12-17", reason: "Mantenimiento" }] };
const FROM = "2026-12-05";
const TO = "2026-12-19";

function byDefinition(rules: SpaceRules, taken: { from: Date; to: Date }[], duration: number, now: Date) {
  const slots: string[] = [];
  for (let date = FROM; date <= TO; date = addDays(date, 1)) {
    for (let minute = 0; minute + duration <= 1440; minute += 5) {
      const start = instantAt(date, minute);
      const end = instantAt(date, minute + duration);
      if (slotProblem(rules, CALENDAR, start, end, now)) continue;
      if (overlapsAny(blockedRangeOf(rules, start, end), taken)) continue;
      slots.push(start.toISOString());
    }
  }
  return slots;
}

describe("freeSlots", () => {
  it("lists exactly the slots slotProblem accepts and no booking blocks", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(15, 30, 60),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 180 }),
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 10 * 24 * 60 }),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 14 }), minute: fc.integer({ min: 0, max: 47 }), length: fc.integer({ min: 1, max: 8 }) }), { maxLength: 12 }),
        (slotMinutes, lengthInSlots, minLeadMinutes, maxHorizonDays, bufferMinutes, nowOffset, bookings) => {
          const rules: SpaceRules = { slotMinutes, minDurationMinutes: slotMinutes, maxDurationMinutes: 8 * slotMinutes, minLeadMinutes, maxHorizonDays, bufferMinutes };
          const duration = lengthInSlots * slotMinutes;
          const now = new Date(instantAt(FROM, 0).getTime() - 2 * 24 * 60 * 60_000 + nowOffset * 60_000);
          const taken = bookings.map((b) => {
            const start = instantAt(addDays(FROM, b.day), 6 * 60 + b.minute * 15);
            return blockedRangeOf(rules, start, new Date(start.getTime() + b.length * 30 * 60_000));
          });
          const fast = freeSlots(rules, CALENDAR, taken, FROM, TO, duration, now).flatMap((day) => day.slots.map((slot) => slot.startsAt.toISOString()));
          expect(fast).toEqual(byDefinition(rules, taken, duration, now));
        },
      ),
      { numRuns: 40 },
    );
  });
});
