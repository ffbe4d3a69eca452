/** The platform's cut of every release, in basis points (1000 = 10%). The one place to change it. */
export const PLATFORM_FEE_BPS = 1000;

const BPS_PER_WHOLE = 10_000n;

/**
 * The fee on a released amount, rounded up to the next minor unit: rounding favours the platform, so the
 * sum of the freelancer's share and the fee always equals the released amount exactly.
 */
export function platformFee(amount: number, bps: number = PLATFORM_FEE_BPS): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`Fee on a non-integer or negative amount: ${amount}`);
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) throw new Error(`Fee rate out of range: ${bps} bps`);
  // BigInt: amount * bps can pass 2^53 for large amounts.
  const scaled = BigInt(amount) * BigInt(bps);
  return Number((scaled + BPS_PER_WHOLE - 1n) / BPS_PER_WHOLE);
}
