import { describe, expect, it } from "vitest";
import { chargeForMinutes, isoWeekLabel, parseWeek, weekStartAt, weekStartOf } from "./weeks";

describe("ISO weeks (UTC, Monday start)", () => {
  it("puts Sunday in the week before Monday", () => {
    expect(weekStartOf("2026-12-06")).toBe("2026-11-30"); // Sunday
    expect(weekStartOf("2026-12-07")).toBe("2026-12-07"); // Monday
    expect(weekStartAt(new Date("2026-12-06T23:59:59.999Z"))).toBe("2026-11-30");
    expect(weekStartAt(new Date("2026-12-07T00:00:00.000Z"))).toBe("2026-12-07");
  });

  it("names weeks the ISO way, across year ends", () => {
    expect(isoWeekLabel("2026-11-30")).toBe("2026-W49");
    expect(isoWeekLabel("2026-12-28")).toBe("2026-W53");
    expect(isoWeekLabel(weekStartOf("2027-01-01"))).toBe("2026-W53");
    expect(isoWeekLabel("2027-01-04")).toBe("2027-W01");
    expect(isoWeekLabel("2024-12-30")).toBe("2025-W01");
  });

  it("parses a week from a label or any date in it, and refuses nonsense", () => {
    expect(parseWeek("2026-W49")).toBe("2026-11-30");
    expect(parseWeek("2025-W01")).toBe("2024-12-30");
    expect(parseWeek("2026-12-03")).toBe("2026-11-30");
    expect(parseWeek("2025-W53")).toBeNull();
    expect(parseWeek("2026-02-30")).toBeNull();
    expect(parseWeek("last week")).toBeNull();
  });

  it("charges minutes × rate rounded half up to the minor unit", () => {
    expect(chargeForMinutes(150, 5_000)).toBe(12_500);
    expect(chargeForMinutes(1, 5_000)).toBe(83); // 83.33
    expect(chargeForMinutes(1, 4_530)).toBe(76); // 75.5 rounds up
    expect(chargeForMinutes(10_080, 10_000_000_000)).toBe(1_680_000_000_000);
  });
});
