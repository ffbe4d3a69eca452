import type { PaymentProviderName } from "../../../db/schema";
import type { UsdcChain } from "./crypto";
import type { StripeGateway } from "../settlement/gateway";

export interface StartPaymentInput {
  paymentId: string;
  /** Card payments tag the charge with it (Stripe's transfer_group), so the later transfer can be matched. */
  milestoneId: string;
  amount: number;
  currency: string;
  payerId: string;
  description: string;
}

export interface StartedPayment {
  /** The provider's id for this payment; its webhook names the payment by it. */
  providerRef: string;
  /**
   * "succeeded": the provider settled it on the spot (the sandbox), and the caller confirms it right away
   * through confirmPayment, the same function a webhook calls. "pending": a webhook confirms it later.
   */
  status: "pending" | "succeeded";
  /** What the payer's browser needs to finish (a card form secret, an address to pay); none for the sandbox. */
  nextAction?: Record<string, unknown>;
}

/** An adapter that takes a client's money into the platform (worker/platform/payments/). */
export interface FundingProvider {
  readonly name: PaymentProviderName;
  /** Shown next to the payment; the sandbox says plainly that no real money moves. */
  readonly label: string;
  startPayment(input: StartPaymentInput): Promise<StartedPayment>;
  /** Throws an AppError (before anything is written) when this provider cannot take a charge of this kind. */
  assertCanCharge?(charge: { amount: number; currency: string }): void;
}

export interface SendPayoutInput {
  payoutId: string;
  userId: string;
  amount: number;
  currency: string;
}

/** An adapter that sends a freelancer's money out. */
export interface PayoutProvider {
  readonly name: PaymentProviderName;
  readonly label: string;
  sendPayout(input: SendPayoutInput): Promise<{ providerRef: string; status: "pending" | "paid" }>;
}

/** The providers configured for this deployment; a missing one answers 422 provider_unavailable. */
export interface PaymentProviders {
  funding: Partial<Record<PaymentProviderName, FundingProvider>>;
  payouts: PayoutProvider;
  /** Set when Stripe is configured: releases and refunds of card-funded milestones settle through it. */
  stripe?: StripeGateway;
  /** Set when USDC is configured: reads transfers on the chain for POST /payments/crypto/verify. */
  usdc?: UsdcChain;
}
