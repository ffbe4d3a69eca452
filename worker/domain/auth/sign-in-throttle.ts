import type { DomainContext, RateDecision } from "../context";
import { AppError } from "../errors";
import { normalizeEmail } from "./accounts";

/**
 * Failed password sign-ins are counted per account *and client*, so a stranger who types wrong passwords
 * for someone else's email only slows themselves down. A per-account ceiling far above that catches a
 * guesser spread over many clients, and a per-client ceiling catches one client spraying many accounts.
 * While any of them holds, the password alone is refused but the password plus a code we email to the
 * owner still signs in, so nobody can lock an owner out by failing on purpose.
 */
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILED_PER_ACCOUNT_AND_CLIENT = 10;
export const MAX_FAILED_PER_ACCOUNT = 100;
export const MAX_FAILED_PER_CLIENT = 100;
/** Wrong emailed codes while throttled, per account and client (an emailed code lives 10 minutes). */
export const MAX_FAILED_THROTTLED_CODES = 5;
export const FAILED_THROTTLED_CODE_WINDOW_MS = 30 * 60 * 1000;

/**
 * The client a request comes from: its IP, with IPv6 cut to its /64 (one subscriber's network), since a
 * single host can take any address of its /64 at will.
 */
export function clientOf(ip: string | null | undefined): string {
  if (!ip) return "unknown";
  if (!ip.includes(":")) return ip;
  const [head, tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

const keys = (email: string, client: string) => ({
  accountAndClient: `signin-fail:account-client:${normalizeEmail(email)}:${client}`,
  account: `signin-fail:account:${normalizeEmail(email)}`,
  client: `signin-fail:client:${client}`,
});

export interface ThrottleState {
  limited: boolean;
  retryAfterSeconds: number;
}

function combine(decisions: RateDecision[]): ThrottleState {
  const limited = decisions.filter((d) => d.limited);
  return { limited: limited.length > 0, retryAfterSeconds: Math.max(0, ...limited.map((d) => d.retryAfterSeconds)) };
}

/** Whether the password alone may be tried for this account from this client right now. */
export async function passwordThrottle(ctx: DomainContext, email: string, client: string): Promise<ThrottleState> {
  const k = keys(email, client);
  return combine(
    await Promise.all([
      ctx.rateLimiter.peek(k.accountAndClient, MAX_FAILED_PER_ACCOUNT_AND_CLIENT, FAILED_SIGN_IN_WINDOW_MS),
      ctx.rateLimiter.peek(k.account, MAX_FAILED_PER_ACCOUNT, FAILED_SIGN_IN_WINDOW_MS),
      ctx.rateLimiter.peek(k.client, MAX_FAILED_PER_CLIENT, FAILED_SIGN_IN_WINDOW_MS),
    ]),
  );
}

/** Counts one failure; says whether this one took the account past its ceiling (time to tell the owner). */
export async function countPasswordFailure(ctx: DomainContext, email: string, client: string): Promise<{ accountCeilingReached: boolean }> {
  const k = keys(email, client);
  const [, account] = await Promise.all([
    ctx.rateLimiter.hit(k.accountAndClient, MAX_FAILED_PER_ACCOUNT_AND_CLIENT, FAILED_SIGN_IN_WINDOW_MS),
    ctx.rateLimiter.hit(k.account, MAX_FAILED_PER_ACCOUNT, FAILED_SIGN_IN_WINDOW_MS),
    ctx.rateLimiter.hit(k.client, MAX_FAILED_PER_CLIENT, FAILED_SIGN_IN_WINDOW_MS),
  ]);
  return { accountCeilingReached: account.count === MAX_FAILED_PER_ACCOUNT + 1 };
}

const codeKey = (email: string, client: string) => `signin-code-fail:throttled:${normalizeEmail(email)}:${client}`;

export async function throttledCodeState(ctx: DomainContext, email: string, client: string): Promise<ThrottleState> {
  return combine([await ctx.rateLimiter.peek(codeKey(email, client), MAX_FAILED_THROTTLED_CODES, FAILED_THROTTLED_CODE_WINDOW_MS)]);
}

export async function countThrottledCodeFailure(ctx: DomainContext, email: string, client: string): Promise<void> {
  await ctx.rateLimiter.hit(codeKey(email, client), MAX_FAILED_THROTTLED_CODES, FAILED_THROTTLED_CODE_WINDOW_MS);
}

/** The answer while the throttle holds: wait, or sign in now with a code from the owner's inbox. */
export function throttledError(retryAfterSeconds: number): AppError {
  return new AppError(
    429,
    "too_many_attempts",
    "Too many failed sign-in attempts. To sign in now, ask for a sign-in code by email and enter it with your password; or wait and try again.",
    { code: ["Enter the sign-in code we email you, together with your password."] },
    { "Retry-After": String(Math.max(1, retryAfterSeconds)) },
  );
}
