import { z } from "zod";
import type { Resolved, SameShape } from "../../shared/views";
import type { ConnectStatus, startConnectOnboarding } from "./connect";
import type { handleStripeEvent } from "./webhooks";

/** Where a freelancer's Stripe Connect account stands; `available` is false when Stripe is not configured. */
export const connectStatusSchema = z.object({
  available: z.boolean(),
  connected: z.boolean(),
  detailsSubmitted: z.boolean(),
  payoutsEnabled: z.boolean(),
});

/** The Stripe-hosted onboarding page to send the freelancer to. */
export const connectOnboardingSchema = z.object({ url: z.url() });

/** A webhook event taken in; `duplicate` when its id was handled before. */
export const webhookReceiptSchema = z.object({ received: z.literal(true), duplicate: z.boolean() });

export const connectStatusShape: SameShape<ConnectStatus, z.infer<typeof connectStatusSchema>> = true;
export const connectOnboardingShape: SameShape<Resolved<typeof startConnectOnboarding>, z.infer<typeof connectOnboardingSchema>> = true;
export const webhookReceiptShape: SameShape<
  Resolved<typeof handleStripeEvent>,
  Omit<z.infer<typeof webhookReceiptSchema>, "received">
> = true;
