/** What the USDC rules need from a chain; the viem adapter in worker/platform/payments/usdc.ts provides it. */
export interface OnchainTransfer {
  /** Lower-case addresses. */
  token: string;
  from: string;
  to: string;
  value: bigint;
}

export type OnchainTransaction =
  | { state: "missing" }
  | { state: "pending" }
  | { state: "mined"; success: boolean; blockNumber: bigint; confirmations: number; transfers: OnchainTransfer[] };

export interface UsdcChain {
  readonly chainId: number;
  /** Lower-case addresses. */
  readonly tokenAddress: string;
  readonly platformAddress: string;
  readonly requiredConfirmations: number;
  readonly tokenDecimals: number;
  inspect(txHash: `0x${string}`): Promise<OnchainTransaction>;
}

/** The only currency USDC can fund: contracts in other currencies pay by card or sandbox. */
export const USDC_FUNDS_CURRENCY = "USD";

/** Minor units of a USD amount as token units (USDC: 6 decimals, so 1 cent = 10,000 units). */
export function tokenUnitsFor(amountMinor: number, minorUnits: number, tokenDecimals: number): bigint {
  const shift = tokenDecimals - minorUnits;
  return shift >= 0 ? BigInt(amountMinor) * 10n ** BigInt(shift) : BigInt(amountMinor) / 10n ** BigInt(-shift);
}

/** Token units as a plain decimal ("12.5" for 12,500,000 units of a 6-decimal token). */
export function formatTokenUnits(units: bigint, decimals: number): string {
  const text = units.toString().padStart(decimals + 1, "0");
  const whole = text.slice(0, -decimals) || "0";
  const fraction = text.slice(-decimals).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}
