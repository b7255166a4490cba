import { describe, expect, it } from "vitest";
import { bogotaLocalToInstant, instantToBogotaLocal } from "../../app/lib/bogota-time";

describe("the call form's datetime-local values, read in America/Bogota", () => {
  it("reads a wall-clock time as Bogotá's (UTC−5), whatever this machine's zone", () => {
    const instant = bogotaLocalToInstant("2026-12-14T17:00");
    expect(instant).toBe("2026-12-14T17:00:00.000-05:00");
    expect(new Date(instant!).toISOString()).toBe("2026-12-14T22:00:00.000Z");
  });

  it("crosses midnight into the next UTC day without moving the Bogotá date", () => {
    expect(new Date(bogotaLocalToInstant("2026-03-01T21:30")!).toISOString()).toBe("2026-03-02T02:30:00.000Z");
    expect(instantToBogotaLocal("2026-03-02T02:30:00.000Z")).toBe("2026-03-01T21:30");
  });

  it("accepts seconds when a browser sends them", () => {
    expect(new Date(bogotaLocalToInstant("2026-06-01T08:00:45")!).toISOString()).toBe("2026-06-01T13:00:45.000Z");
  });

  it("refuses what is not a real date and time instead of moving it", () => {
    for (const value of ["", "2026-02-30T10:00", "2026-13-01T10:00", "2026-12-14T25:00", "2026-12-14", "14/12/2026 17:00", "2026-12-14T17:00Z"]) {
      expect(bogotaLocalToInstant(value), value).toBeNull();
    }
  });

  it("round-trips: an instant shown in the form comes back as the same instant", () => {
    for (const iso of ["2026-01-01T05:00:00.000Z", "2026-12-31T23:59:00.000Z", "2027-07-04T12:15:00.000Z"]) {
      expect(new Date(bogotaLocalToInstant(instantToBogotaLocal(iso))!).toISOString()).toBe(iso);
    }
  });
});
