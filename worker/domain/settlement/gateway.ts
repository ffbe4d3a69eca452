/**
 * What the domain asks of Stripe (worker/platform/payments/stripe.ts speaks the protocol). Every call that
 * moves money carries an idempotency key, so a retry after a lost answer never moves it twice.
 */
export interface StripeGateway {
  /** Given to the browser with a PaymentIntent's client secret, so Stripe.js can confirm the card. */
  readonly publishableKey: string;
  createPaymentIntent(input: {
    amount: number;
    currency: string;
    transferGroup: string;
    description: string;
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<{ id: string; clientSecret: string }>;
  /** The client secret of an existing PaymentIntent, so a card payment left half-way can be finished. */
  paymentIntentSecret(id: string): Promise<string>;
  /**
   * Cancels a PaymentIntent that has not taken the money yet. Stripe refuses once it succeeded (or while it is
   * processing); either way the answer is the intent as it now stands, so the caller sees whether it was cancelled
   * (`canceled`, also when it already was) or went through (`succeeded`, with its charge).
   */
  cancelPaymentIntent(id: string): Promise<StripeEvent["data"]["object"] & { status: string }>;
  createTransfer(input: {
    amount: number;
    currency: string;
    destination: string;
    sourceTransaction: string;
    transferGroup: string;
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<{ id: string }>;
  refundCharge(input: {
    charge: string;
    amount: number;
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<{ id: string }>;
  reverseTransfer(input: {
    transfer: string;
    amount: number;
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<{ id: string }>;
  createExpressAccount(input: { email: string; metadata: Record<string, string>; idempotencyKey: string }): Promise<{ id: string }>;
  createAccountLink(input: { account: string; refreshUrl: string; returnUrl: string }): Promise<{ url: string }>;
  /** Checks the `Stripe-Signature` header against the raw body; throws when it does not match (time is not judged). */
  verifyEvent(rawBody: string, signature: string): Promise<StripeEvent>;
  /** Hands the milestone's unfinished Stripe work to the jobs queue, which retries it with backoff. */
  settleLater(milestoneId: string): Promise<void>;
}

/** The part of a Stripe event the platform reads. */
export interface StripeEvent {
  id: string;
  type: string;
  /** Unix seconds. */
  created: number;
  data: { object: Record<string, unknown> & { id: string } };
}
