import { describe, expect, it } from "vitest";
import { matchTotp, totpAt } from "./totp";

// RFC 6238 appendix B, SHA-1 rows: key "12345678901234567890", 8 digits, 30-second steps.
const RFC_KEY = new TextEncoder().encode("12345678901234567890");
const RFC_VECTORS: Array<[number, string]> = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP", () => {
  it.each(RFC_VECTORS)("matches RFC 6238 at T=%i", (seconds, expected) => {
    expect(totpAt(RFC_KEY, seconds * 1000, 8)).toBe(expected);
  });

  it("accepts the current code and one step of drift either way, nothing further", () => {
    const now = 1_700_000_000_000;
    const code = totpAt(RFC_KEY, now);
    expect(matchTotp(RFC_KEY, code, now)).not.toBeNull();
    expect(matchTotp(RFC_KEY, totpAt(RFC_KEY, now - 30_000), now)).not.toBeNull();
    expect(matchTotp(RFC_KEY, totpAt(RFC_KEY, now + 30_000), now)).not.toBeNull();
    expect(matchTotp(RFC_KEY, totpAt(RFC_KEY, now - 90_000), now)).toBeNull();
    expect(matchTotp(RFC_KEY, "12345", now)).toBeNull();
    expect(matchTotp(RFC_KEY, "abcdef", now)).toBeNull();
  });
});
