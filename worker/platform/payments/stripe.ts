import type Stripe from "stripe";
import type { FundingProvider } from "../../domain/payments/provider";
import type { StripeEvent, StripeGateway } from "../../domain/settlement/gateway";

export const STRIPE_LABEL = "Card payment (Stripe)";

export interface StripeSettings {
  secretKey: string;
  /** One or more signing secrets, comma-separated (the platform endpoint's and the Connect endpoint's). */
  webhookSecret: string;
  publishableKey: string;
  /** Another API host, e.g. http://127.0.0.1:12111 for the local stand-in. */
  apiBase?: string;
}

/** Where settlement retries go: the Worker's jobs queue. */
export type SettleQueue = (milestoneId: string) => Promise<void>;

type StripeLibrary = typeof import("stripe").default;

// Loaded when first used: the library is large, and most requests never talk to Stripe.
let library: Promise<StripeLibrary> | undefined;
const loadStripe = () => (library ??= import("stripe").then((m) => m.default));

function client(StripeClient: StripeLibrary, settings: StripeSettings): Stripe {
  const base = settings.apiBase ? new URL(settings.apiBase) : null;
  return new StripeClient(settings.secretKey, {
    httpClient: StripeClient.createFetchHttpClient(),
    // Stripe retries network failures with the same idempotency key, which is safe.
    maxNetworkRetries: 1,
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === "https:" ? "443" : "80"),
          protocol: base.protocol.replace(":", "") as "http" | "https",
        }
      : {}),
  });
}

/** The Stripe API behind the domain's gateway: fetch for HTTP, SubtleCrypto for webhook signatures. */
export function stripeGateway(settings: StripeSettings, settleLater: SettleQueue): StripeGateway {
  let instance: Promise<Stripe> | undefined;
  const api = () => (instance ??= loadStripe().then((StripeClient) => client(StripeClient, settings)));
  return {
    publishableKey: settings.publishableKey,
    async createPaymentIntent(input) {
      const intent = await (
        await api()
      ).paymentIntents.create(
        {
          amount: input.amount,
          currency: input.currency.toLowerCase(),
          transfer_group: input.transferGroup,
          description: input.description,
          metadata: input.metadata,
          automatic_payment_methods: { enabled: true },
        },
        { idempotencyKey: input.idempotencyKey },
      );
      if (!intent.client_secret) throw new Error(`PaymentIntent ${intent.id} came back without a client secret`);
      return { id: intent.id, clientSecret: intent.client_secret };
    },
    async paymentIntentSecret(id) {
      const intent = await (await api()).paymentIntents.retrieve(id);
      if (!intent.client_secret) throw new Error(`PaymentIntent ${id} came back without a client secret`);
      return intent.client_secret;
    },
    async cancelPaymentIntent(id) {
      const asObject = (intent: Stripe.PaymentIntent) => intent as unknown as Record<string, unknown> & { id: string; status: string };
      const [StripeClient, stripe] = await Promise.all([loadStripe(), api()]);
      try {
        return asObject(await stripe.paymentIntents.cancel(id, { cancellation_reason: "abandoned" }));
      } catch (error) {
        // Too late (or already done): Stripe's state error carries the intent; read it again if it does not.
        if (!(error instanceof StripeClient.errors.StripeInvalidRequestError) || error.code !== "payment_intent_unexpected_state")
          throw error;
        const carried = error.payment_intent as Stripe.PaymentIntent | undefined;
        return asObject(carried?.id === id ? carried : await stripe.paymentIntents.retrieve(id));
      }
    },
    async createTransfer(input) {
      const transfer = await (
        await api()
      ).transfers.create(
        {
          amount: input.amount,
          currency: input.currency.toLowerCase(),
          destination: input.destination,
          source_transaction: input.sourceTransaction,
          transfer_group: input.transferGroup,
          metadata: input.metadata,
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return { id: transfer.id };
    },
    async refundCharge(input) {
      const refund = await (
        await api()
      ).refunds.create({ charge: input.charge, amount: input.amount, metadata: input.metadata }, { idempotencyKey: input.idempotencyKey });
      return { id: refund.id };
    },
    async reverseTransfer(input) {
      const reversal = await (
        await api()
      ).transfers.createReversal(
        input.transfer,
        { amount: input.amount, metadata: input.metadata },
        { idempotencyKey: input.idempotencyKey },
      );
      return { id: reversal.id };
    },
    async createExpressAccount(input) {
      const account = await (
        await api()
      ).accounts.create(
        {
          type: "express",
          email: input.email,
          metadata: input.metadata,
          capabilities: { transfers: { requested: true } },
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return { id: account.id };
    },
    async createAccountLink(input) {
      const link = await (
        await api()
      ).accountLinks.create({
        account: input.account,
        refresh_url: input.refreshUrl,
        return_url: input.returnUrl,
        type: "account_onboarding",
      });
      return { url: link.url };
    },
    async verifyEvent(rawBody, signature) {
      // The platform's endpoint and the Connect endpoint (connected accounts' events) each have their own secret.
      const secrets = settings.webhookSecret
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const [StripeClient, stripe] = await Promise.all([loadStripe(), api()]);
      const crypto = StripeClient.createSubtleCryptoProvider();
      let failure: unknown = new Error("No webhook secret is configured.");
      for (const secret of secrets) {
        try {
          // Tolerance 0: the library would only refuse old timestamps; requireFreshWebhook judges both sides.
          return (await stripe.webhooks.constructEventAsync(rawBody, signature, secret, 0, crypto)) as unknown as StripeEvent;
        } catch (error) {
          failure = error;
        }
      }
      throw failure;
    },
    settleLater,
  };
}

/**
 * Card payments: a PaymentIntent charged on the platform account, tagged with the milestone as its
 * transfer group. It stays pending until the `payment_intent.succeeded` webhook confirms it.
 */
export function stripeFunding(gateway: StripeGateway): FundingProvider {
  return {
    name: "stripe",
    label: STRIPE_LABEL,
    async startPayment(input) {
      const intent = await gateway.createPaymentIntent({
        amount: input.amount,
        currency: input.currency,
        transferGroup: input.milestoneId,
        description: input.description,
        metadata: { payment_id: input.paymentId, milestone_id: input.milestoneId, payer_id: input.payerId },
        idempotencyKey: `payment-intent:${input.paymentId}`,
      });
      return {
        providerRef: intent.id,
        status: "pending",
        nextAction: { clientSecret: intent.clientSecret, publishableKey: gateway.publishableKey },
      };
    },
  };
}
