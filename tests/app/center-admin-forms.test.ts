/**
 * The Secretariat's center and space forms read as the pages send them: opening hours typed per
 * weekday (app/lib/opening-hours.ts) with a message on the weekday's own field, coordinates with a
 * decimal comma, amenities as one text, an unchecked "active" box meaning inactive.
 */
import { describe, expect, it } from "vitest";
import "../../app/i18n/messages.server";
import { centerForm } from "../../app/lib/center-admin.server";
import { parseSubmission } from "../../app/lib/forms.server";
import { spaceForm } from "../../app/lib/managed-space.server";
import { formatDayRanges, parseDayRanges } from "../../app/lib/opening-hours";
import { describeError } from "../../server/trpc/error-shape";

const context = { describeError: (error: unknown) => describeError(error, "es") };

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(name, item);
  return data;
}

async function refusal(reply: Response) {
  expect(reply.status).toBe(400);
  return (await reply.json()) as { fieldErrors: Record<string, string> };
}

const CENTER = { name: "Centro del Puerto", address: "Carrera 1 # 50-10, Barrancabermeja", latitude: "7,0653", longitude: "-73.854" };

describe("opening hours typed per weekday", () => {
  it("reads several ranges, sorted, and writes them back the same way", () => {
    expect(parseDayRanges(" 14:00-18:00 , 8:00 - 12:00")).toEqual({ ok: true, ranges: [{ opensMinute: 480, closesMinute: 720 }, { opensMinute: 840, closesMinute: 1080 }] });
    expect(parseDayRanges("")).toEqual({ ok: true, ranges: [] });
    expect(parseDayRanges("18:00-24:00")).toEqual({ ok: true, ranges: [{ opensMinute: 1080, closesMinute: 1440 }] });
    expect(formatDayRanges([{ opensMinute: 840, closesMinute: 1080 }, { opensMinute: 480, closesMinute: 720 }])).toBe("08:00-12:00, 14:00-18:00");
  });

  it("tells a malformed range from overlapping ones; back-to-back ranges are fine", () => {
    for (const text of ["8-12", "08:00-25:00", "12:00-08:00", "10:00-10:00", "08:00 12:00", "24:30-24:45"]) {
      expect(parseDayRanges(text), text).toEqual({ ok: false, problem: "format" });
    }
    expect(parseDayRanges("08:00-12:00, 11:00-13:00")).toEqual({ ok: false, problem: "overlap" });
    expect(parseDayRanges("08:00-12:00, 12:00-13:00").ok).toBe(true);
  });
});

describe("the center form", () => {
  it("builds the procedures' hours from the seven fields, closed days left out", () => {
    const parsed = parseSubmission(context, form({ ...CENTER, hours1: "08:00-12:00, 14:00-18:00", hours6: "09:00-13:00" }), centerForm);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.latitude).toBe(7.0653);
    expect(parsed.value.hours1).toEqual([{ opensMinute: 480, closesMinute: 720 }, { opensMinute: 840, closesMinute: 1080 }]);
    expect(parsed.value.hours2).toEqual([]);
    expect(parsed.value.hours6).toEqual([{ opensMinute: 540, closesMinute: 780 }]);
  });

  it("puts each weekday's problem on that weekday's field", async () => {
    const parsed = parseSubmission(context, form({ ...CENTER, hours1: "08:00-12:00, 11:00-14:00", hours3: "8 a 12", hours5: "08:00-12:00" }), centerForm);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const { fieldErrors } = await refusal(parsed.reply);
    expect(fieldErrors).toEqual({
      hours1: "Los horarios de un mismo día no pueden superponerse.",
      hours3: expect.stringContaining("08:00-12:00"),
    });
  });
});

describe("the space form", () => {
  const SPACE = { centerId: "6f1c2f4e-8a4b-4c47-9a38-2d1f7a0c9b11", name: "Laboratorio de prototipos", kind: "LAB", capacity: "8" };

  it("reads amenities from one text, roles from checkboxes, empty quotas as none and an unchecked box as inactive", () => {
    const parsed = parseSubmission(context, form({ ...SPACE, amenities: "Impresora 3D, Cortadora láser, , Impresora 3D", allowedRoles: ["ACADEMIA", "COMPANY"], requiresApproval: "on", userWeeklyHours: "" }), spaceForm);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toMatchObject({ amenities: ["Impresora 3D", "Cortadora láser"], allowedRoles: ["ACADEMIA", "COMPANY"], requiresApproval: true, active: false, userWeeklyHours: null, capacity: 8, slotMinutes: 30 });
  });

  it("refuses an amenity too long on the amenities field", async () => {
    const parsed = parseSubmission(context, form({ ...SPACE, amenities: `Proyector, ${"x".repeat(81)}`, active: "on" }), spaceForm);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect((await refusal(parsed.reply)).fieldErrors).toEqual({ amenities: "Puede tener como máximo 80 caracteres." });
  });
});
