import { generateHOTP } from "@oslojs/otp";

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;

export function totpStep(timeMs: number, periodS = TOTP_PERIOD_S): bigint {
  return BigInt(Math.floor(timeMs / 1000 / periodS));
}

/** RFC 6238 TOTP (HMAC-SHA1) at a given time, so our clock, not the machine's, decides. */
export function totpAt(key: Uint8Array, timeMs: number, digits = TOTP_DIGITS, periodS = TOTP_PERIOD_S): string {
  return generateHOTP(key, totpStep(timeMs, periodS), digits);
}

/** The matching step within ±1 period (clock drift), or null. */
export function matchTotp(key: Uint8Array, code: string, timeMs: number): bigint | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = totpStep(timeMs);
  for (const step of [current, current - 1n, current + 1n]) {
    if (generateHOTP(key, step, TOTP_DIGITS) === code) return step;
  }
  return null;
}
