import type { PaymentProviders } from "../../domain/payments/provider";
import { sandboxFunding, sandboxPayouts } from "./sandbox";

/**
 * The payment providers of this deployment. Only the sandbox exists so far; the Stripe and USDC adapters
 * register here when their keys are configured (and then replace the sandbox for payouts).
 */
export function paymentProviders(): PaymentProviders {
  return { funding: { sandbox: sandboxFunding }, payouts: sandboxPayouts };
}
