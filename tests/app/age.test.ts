import { describe, expect, it } from "vitest";
import { formatAge } from "../../app/lib/age";

// 08:00 in Bogotá (UTC−5).
const NOW = "2026-11-24T13:00:00.000Z";

describe("ages in the moderation queues", () => {
  it("says how long ago as people do, in Spanish and English", () => {
    expect(formatAge("2026-11-24T12:55:00.000Z", NOW, "es")).toBe("hace 5 minutos");
    expect(formatAge("2026-11-24T12:59:59.000Z", NOW, "es")).toBe("hace 1 minuto");
    expect(formatAge("2026-11-24T10:00:00.000Z", NOW, "es")).toBe("hace 3 horas");
    expect(formatAge("2026-11-21T13:00:00.000Z", NOW, "es")).toBe("hace 3 días");
    expect(formatAge("2026-11-21T13:00:00.000Z", NOW, "en")).toBe("3 days ago");
  });

  it("counts days on Bogotá's calendar, not UTC's", () => {
    // 23:00 in Bogotá the evening before is 04:00 UTC today: yesterday in Bogotá, 9 hours ago.
    expect(formatAge("2026-11-24T04:00:00.000Z", NOW, "es")).toBe("ayer");
    // 00:30 in Bogotá today is 05:30 UTC: the same Bogotá day, so hours.
    expect(formatAge("2026-11-24T05:30:00.000Z", NOW, "es")).toBe("hace 7 horas");
  });
});
