import type { DomainContext } from "../../context";
import { AppError } from "../../errors";

/** How far a webhook's signed timestamp may be from our clock, either way (Stripe's own default). */
export const WEBHOOK_TOLERANCE_S = 300;

/**
 * A signed webhook is fresh only within the tolerance on *both* sides of now: an old one may be a replay,
 * and one from the future would stay replayable for as long as it lies ahead. Stripe's library checks the
 * old side only, so the signature is verified without its check and the time is judged here.
 */
export function requireFreshWebhook(ctx: DomainContext, signatureHeader: string): void {
  const match = /(?:^|,)\s*t=(\d+)/.exec(signatureHeader);
  if (!match) throw new AppError(400, "bad_signature", "The Stripe-Signature header has no timestamp.");
  const ageSeconds = Math.floor(ctx.clock.now().getTime() / 1000) - Number(match[1]);
  if (ageSeconds > WEBHOOK_TOLERANCE_S) {
    throw new AppError(
      400,
      "webhook_too_old",
      `This webhook was signed ${ageSeconds} seconds ago, more than the ${WEBHOOK_TOLERANCE_S} seconds allowed; it may be a replay.`,
    );
  }
  if (ageSeconds < -WEBHOOK_TOLERANCE_S) {
    throw new AppError(
      400,
      "webhook_from_the_future",
      `This webhook is signed ${-ageSeconds} seconds ahead of our clock, more than the ${WEBHOOK_TOLERANCE_S} seconds allowed.`,
    );
  }
}
