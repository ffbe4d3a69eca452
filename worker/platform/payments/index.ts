import type { PaymentProviders } from "../../domain/payments/provider";
import { readVars, type Env } from "../../env";
import { sandboxFunding, sandboxPayouts } from "./sandbox";
import { usdcChain, usdcConfig, usdcFunding } from "./usdc";
import { stripeFunding, stripeGateway } from "./stripe";

const cache = new WeakMap<object, PaymentProviders>();

/** The sandbox alone: what the demo seed pays with, outside any deployment. */
export function sandboxProviders(): PaymentProviders {
  return { funding: { sandbox: sandboxFunding }, payouts: sandboxPayouts };
}

/**
 * The payment providers of this deployment. The sandbox is always there; Stripe registers when its secret
 * key is set (without it, "stripe" answers 422 provider_unavailable). The USDC adapter registers here when
 * configured. Payouts from the balance stay with the sandbox; card-funded releases go to Stripe Connect.
 */
export function paymentProviders(env: Env): PaymentProviders {
  const known = cache.get(env);
  if (known) return known;
  const vars = readVars(env as unknown as Record<string, unknown>);
  const providers = sandboxProviders();
  if (vars.STRIPE_SECRET_KEY) {
    const gateway = stripeGateway(
      {
        secretKey: vars.STRIPE_SECRET_KEY,
        webhookSecret: vars.STRIPE_WEBHOOK_SECRET ?? "",
        publishableKey: vars.STRIPE_PUBLISHABLE_KEY ?? "",
        apiBase: vars.STRIPE_API_BASE,
      },
      async (milestoneId) => {
        await env.JOBS_QUEUE.send({ type: "stripe.settle", milestoneId });
      },
    );
    providers.funding.stripe = stripeFunding(gateway);
    providers.stripe = gateway;
  }
  const usdc = usdcConfig(vars);
  if (usdc) {
    providers.funding.usdc = usdcFunding(usdc);
    providers.usdc = usdcChain(usdc);
  }
  cache.set(env, providers);
  return providers;
}
