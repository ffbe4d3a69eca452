import { describe, expect, it } from "vitest";
import { cronMatches } from "./cron-match";

const at = (iso: string) => new Date(iso);

describe("cronMatches", () => {
  it("matches the hourly, quarter-hourly and daily expressions at the right minutes only", () => {
    expect(cronMatches("0 * * * *", at("2026-03-01T10:00:00Z"))).toBe(true);
    expect(cronMatches("0 * * * *", at("2026-03-01T10:01:00Z"))).toBe(false);
    expect(cronMatches("*/15 * * * *", at("2026-03-01T10:45:00Z"))).toBe(true);
    expect(cronMatches("*/15 * * * *", at("2026-03-01T10:50:00Z"))).toBe(false);
    expect(cronMatches("0 6 * * *", at("2026-03-01T06:00:00Z"))).toBe(true);
    expect(cronMatches("0 6 * * *", at("2026-03-01T07:00:00Z"))).toBe(false);
  });

  it("handles lists, ranges and steps within ranges", () => {
    expect(cronMatches("5,10 * * * *", at("2026-03-01T10:10:00Z"))).toBe(true);
    expect(cronMatches("0 9-17 * * 1-5", at("2026-03-02T12:00:00Z"))).toBe(true); // a Monday
    expect(cronMatches("0 9-17 * * 1-5", at("2026-03-01T12:00:00Z"))).toBe(false); // a Sunday
    expect(cronMatches("10-30/10 * * * *", at("2026-03-01T10:20:00Z"))).toBe(true);
    expect(cronMatches("10-30/10 * * * *", at("2026-03-01T10:25:00Z"))).toBe(false);
  });

  it("rejects expressions it cannot read", () => {
    expect(() => cronMatches("* * *", new Date())).toThrow(/Unsupported/);
  });
});
