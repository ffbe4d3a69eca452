/** Exact decimal arithmetic for rates and conversions: rates are fractions of BigInts, never floats. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** "0.9215" -> 9215/10000; null for anything that is not a plain positive decimal. */
export function parseDecimal(text: string): Fraction | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const [, whole, fraction = ""] = match;
  const num = BigInt(whole + fraction);
  if (num === 0n) return null;
  return { num, den: 10n ** BigInt(fraction.length) };
}

/** A finite positive number (as a feed sends it) as the shortest decimal string that round-trips. */
export function decimalFromNumber(value: number): string | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  const text = value.toString();
  if (!text.includes("e")) return text;
  // Very small or large numbers: write them out without exponent.
  return value.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}

export function divide(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.den, den: a.den * b.num };
}

/** num/den rounded to the nearest integer, halves away from zero. */
export function roundHalfAway(num: bigint, den: bigint): bigint {
  const negative = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

/** A fraction as a decimal string with at most `significant` significant digits (trailing zeros dropped). */
export function toDecimalString(f: Fraction, significant = 12): string {
  let scale = 0n;
  // Scale so the integer part has `significant` digits, then round once.
  const intDigits = (f.num / f.den).toString().length;
  const isZeroInt = f.num < f.den;
  let shift = significant - (isZeroInt ? 0 : intDigits);
  if (isZeroInt) {
    // Count leading zeros after the point.
    let probe = f.num * 10n;
    while (probe < f.den) {
      probe *= 10n;
      shift++;
    }
  }
  scale = BigInt(Math.max(shift, 0));
  const scaled = roundHalfAway(f.num * 10n ** scale, f.den);
  if (scale === 0n) return scaled.toString();
  const digits = scaled.toString().padStart(Number(scale) + 1, "0");
  const text = `${digits.slice(0, -Number(scale))}.${digits.slice(-Number(scale))}`;
  return text.replace(/0+$/, "").replace(/\.$/, "");
}

/**
 * An amount in minor units of one currency, converted at `rate` (units of `to` per unit of `from`) into
 * minor units of the other, rounded half away from zero to the target's minor units.
 */
export function convertMinor(amount: number, rate: Fraction, fromMinorUnits: number, toMinorUnits: number): number {
  const shift = toMinorUnits - fromMinorUnits;
  const num = BigInt(amount) * rate.num * 10n ** BigInt(Math.max(shift, 0));
  const den = rate.den * 10n ** BigInt(Math.max(-shift, 0));
  const result = roundHalfAway(num, den);
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError("converted amount is too large");
  }
  return Number(result);
}
