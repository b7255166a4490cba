/** The daily digest's schedule: 7:00 in Bogotá (UTC−5), whatever the server's time zone. */
import { describe, expect, it } from "vitest";
import { bogotaDay, dailyDigestCron, isDigestMinute } from "../../server/notification/digest";

describe("the daily digest schedule", () => {
  it("is 7:00 in Bogotá, which is 12:00 UTC, and not 7:00 UTC", () => {
    expect(isDigestMinute(new Date("2026-11-24T12:00:00Z"))).toBe(true);
    expect(isDigestMinute(new Date("2026-11-24T07:00:00Z"))).toBe(false);
    expect(isDigestMinute(new Date("2026-11-24T12:01:00Z"))).toBe(false);
  });

  it("the cron matcher (graphile-worker hands it UTC fields) fires at 12:00 UTC only", () => {
    const match = dailyDigestCron.match as (digest: { min: number; hour: number; date: number; month: number; dow: number }) => boolean;
    const fires = [];
    for (let hour = 0; hour < 24; hour++) if (match({ min: 0, hour, date: 24, month: 11, dow: 2 })) fires.push(hour);
    expect(fires).toEqual([12]);
  });

  it("names the day by Bogotá's calendar: 02:00 UTC is still the day before there", () => {
    expect(bogotaDay(new Date("2026-11-25T02:00:00Z"))).toBe("2026-11-24");
    expect(bogotaDay(new Date("2026-11-25T12:00:00Z"))).toBe("2026-11-25");
  });
});
