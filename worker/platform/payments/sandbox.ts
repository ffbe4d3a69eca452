import type { FundingProvider, PayoutProvider } from "../../domain/payments/provider";

export const SANDBOX_LABEL = "Sandbox: test money, nothing is charged or paid out";

/**
 * The local stand-in for a payment provider, used when no real provider is configured. It settles every
 * payment on the spot and reports it through the same confirmation path a provider's webhook takes, so the
 * ledger, timeline and notifications behave exactly as with real money.
 */
export const sandboxFunding: FundingProvider = {
  name: "sandbox",
  label: SANDBOX_LABEL,
  async startPayment(input) {
    return { providerRef: `sandbox_pay_${input.paymentId}`, status: "succeeded" };
  },
};

/** Payouts in the sandbox are marked paid at once; no money leaves anywhere. */
export const sandboxPayouts: PayoutProvider = {
  name: "sandbox",
  label: SANDBOX_LABEL,
  async sendPayout(input) {
    return { providerRef: `sandbox_po_${input.payoutId}`, status: "paid" };
  },
};
