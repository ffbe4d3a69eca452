import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convertMinor, decimalFromNumber, divide, parseDecimal, roundHalfAway, toDecimalString } from "./decimal";

describe("exact rate arithmetic", () => {
  it("parses plain positive decimals only", () => {
    expect(parseDecimal("0.9215")).toEqual({ num: 9215n, den: 10_000n });
    expect(parseDecimal("155")).toEqual({ num: 155n, den: 1n });
    for (const bad of ["0", "-1", "1e3", "abc", "", "1.2.3"]) expect(parseDecimal(bad)).toBeNull();
    expect(decimalFromNumber(1e-7)).toBe("0.0000001");
    expect(decimalFromNumber(0)).toBeNull();
  });

  it("rounds halves away from zero", () => {
    expect([roundHalfAway(5n, 2n), roundHalfAway(-5n, 2n), roundHalfAway(7n, 3n), roundHalfAway(8n, 3n)]).toEqual([3n, -3n, 2n, 3n]);
  });

  it("writes rates with 12 significant digits", () => {
    expect(toDecimalString(divide({ num: 1n, den: 1n }, { num: 3n, den: 1n }))).toBe("0.333333333333");
    expect(toDecimalString({ num: 144n, den: 1n })).toBe("144");
    expect(toDecimalString({ num: 1n, den: 144n })).toBe("0.00694444444444");
  });

  it("converts between minor units exactly: the result is the true value rounded to the nearest unit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        (amount, rateMillionths, fromUnits, toUnits) => {
          const rate = { num: BigInt(rateMillionths), den: 1_000_000n };
          const result = convertMinor(amount, rate, fromUnits, toUnits);
          // |result - exact| <= 1/2, checked in integers: exact = amount * rate * 10^(to-from).
          const scale = 10n ** BigInt(Math.abs(toUnits - fromUnits));
          const exactNum = BigInt(amount) * rate.num * (toUnits >= fromUnits ? scale : 1n);
          const exactDen = rate.den * (toUnits >= fromUnits ? 1n : scale);
          const diff = BigInt(result) * exactDen - exactNum;
          expect(2n * (diff < 0n ? -diff : diff) <= exactDen).toBe(true);
        },
      ),
    );
  });
});
