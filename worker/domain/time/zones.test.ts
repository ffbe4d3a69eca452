import { describe, expect, it } from "vitest";
import { localDate, weekStartAt } from "./weeks";
import { formatClock, knownZone, timeZonePreferenceInput, viewerZone } from "./zones";

describe("time zone rule", () => {
  it("accepts IANA zones and refuses anything else with a clear message", () => {
    expect(timeZonePreferenceInput.parse({ timeZone: "Europe/Berlin" })).toEqual({ timeZone: "Europe/Berlin" });
    expect(timeZonePreferenceInput.parse({ timeZone: " America/Argentina/Buenos_Aires " })).toEqual({
      timeZone: "America/Argentina/Buenos_Aires",
    });
    expect(timeZonePreferenceInput.parse({ timeZone: null })).toEqual({ timeZone: null });
    for (const bad of ["Mars/Olympus_Mons", "", "Europe/Berlin; rm", "a".repeat(65), "../etc/passwd"]) {
      const result = timeZonePreferenceInput.safeParse({ timeZone: bad });
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("Use an IANA time zone such as Europe/Berlin.");
    }
  });

  it("writes pages in the chosen zone, else the browser's, else UTC and says so", () => {
    expect(viewerZone({ timeZone: "Asia/Tokyo" }, "Europe/Paris")).toEqual({ timeZone: "Asia/Tokyo", source: "chosen" });
    expect(viewerZone({ timeZone: null }, "Europe/Paris")).toEqual({ timeZone: "Europe/Paris", source: "browser" });
    expect(viewerZone(null, "Not/AZone")).toEqual({ timeZone: "UTC", source: "utc" });
    expect(viewerZone(undefined, null)).toEqual({ timeZone: "UTC", source: "utc" });
  });

  it("knows someone's zone only from what they stated, their settings first", () => {
    expect(knownZone("Asia/Kolkata", "Europe/London")).toBe("Asia/Kolkata");
    expect(knownZone(null, "Europe/London")).toBe("Europe/London");
    expect(knownZone(null, "bogus", undefined, "America/Chicago")).toBe("America/Chicago");
    expect(knownZone(null)).toBeNull();
  });

  it("reads a wall clock in a zone, following summer time", () => {
    expect(formatClock(new Date("2026-07-01T12:05:00Z"), "Europe/London")).toBe("13:05");
    expect(formatClock(new Date("2026-12-01T12:05:00Z"), "Europe/London")).toBe("12:05");
    expect(formatClock(new Date("2026-12-01T12:05:00Z"), "Asia/Kolkata")).toBe("17:35");
  });
});

describe("weeks in the freelancer's zone (Monday 00:00 local)", () => {
  it("starts a week at Monday midnight local time, not UTC", () => {
    // Monday 7 Dec 2026, 00:30 in Auckland (UTC+13) is still Sunday 6 Dec in UTC.
    const aucklandMonday = new Date("2026-12-06T11:30:00Z");
    expect(weekStartAt(aucklandMonday, "Pacific/Auckland")).toBe("2026-12-07");
    expect(weekStartAt(aucklandMonday)).toBe("2026-11-30");
    // Sunday 6 Dec, 23:30 in New York is already Monday in UTC.
    const newYorkSunday = new Date("2026-12-07T04:30:00Z");
    expect(weekStartAt(newYorkSunday, "America/New_York")).toBe("2026-11-30");
    expect(weekStartAt(newYorkSunday, null)).toBe("2026-12-07");
    expect(localDate(newYorkSunday, "America/New_York")).toBe("2026-12-06");
  });

  it("keeps the boundary at local midnight across the spring and autumn clock changes", () => {
    // Europe/Berlin moves to summer time on Sunday 29 March 2026; Monday 30 March 00:00 CEST is 29 March 22:00 UTC.
    expect(weekStartAt(new Date("2026-03-29T21:59:59Z"), "Europe/Berlin")).toBe("2026-03-23");
    expect(weekStartAt(new Date("2026-03-29T22:00:00Z"), "Europe/Berlin")).toBe("2026-03-30");
    // Back to winter time on Sunday 25 October 2026; Monday 26 October 00:00 CET is 25 October 23:00 UTC.
    expect(weekStartAt(new Date("2026-10-25T22:59:59Z"), "Europe/Berlin")).toBe("2026-10-19");
    expect(weekStartAt(new Date("2026-10-25T23:00:00Z"), "Europe/Berlin")).toBe("2026-10-26");
    // New York changes on Sunday 8 March 2026: Monday 9 March 00:00 EDT is 04:00 UTC.
    expect(weekStartAt(new Date("2026-03-09T03:59:00Z"), "America/New_York")).toBe("2026-03-02");
    expect(weekStartAt(new Date("2026-03-09T04:00:00Z"), "America/New_York")).toBe("2026-03-09");
  });
});
