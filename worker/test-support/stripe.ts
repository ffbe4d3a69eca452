/**
 * Driving Stripe's side in tests: the local stand-in (tests/setup/stripe-stand-in.global.ts) plays the
 * customer's browser and Stripe's back office; webhooks are signed with Stripe's real scheme.
 */
import { env, SELF } from "cloudflare:test";
import Stripe from "stripe";
import type { User } from "../../db/schema";
import type { DomainContext } from "../domain/context";
import { startConnectOnboarding } from "../domain/payments/stripe/connect";
import type { RecordedRequest } from "../../tests/setup/stripe-stand-in.global";

let counter = 0;

async function standIn<T = any>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${env.STRIPE_API_BASE}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "Content-Type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`stand-in ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * The customer confirms the card in the browser: the stand-in charges it and answers the succeeded intent.
 * A cancelled intent cannot be charged, unless `despiteCancel` plays Stripe reporting money for it anyway.
 */
export const chargeCard = (intentId: string, options: { despiteCancel?: boolean } = {}) =>
  standIn(`/__stand-in/payment_intents/${intentId}/succeed`, {
    method: "POST",
    body: options.despiteCancel ? { despiteCancel: true } : undefined,
  });
/** The bank is still working on the payment (Stripe's `processing`). */
export const processCard = (intentId: string) => standIn(`/__stand-in/payment_intents/${intentId}/processing`, { method: "POST" });
export const declineCard = (intentId: string) => standIn(`/__stand-in/payment_intents/${intentId}/fail`, { method: "POST" });
export const stripeObject = (id: string) => standIn(`/__stand-in/objects/${id}`);
/** The next `times` matching Stripe calls fail with a 400 (e.g. the platform balance is short). */
export const failNext = (method: string, path: string, times = 1) => standIn("/__stand-in/fail-next", { body: { method, path, times } });

export async function stripeRequests(filter: (r: RecordedRequest) => boolean): Promise<RecordedRequest[]> {
  return (await standIn<RecordedRequest[]>("/__stand-in/requests")).filter(filter);
}

export interface TestEvent {
  id: string;
  type: string;
  created: number;
  object: Record<string, unknown>;
}

export function stripeEvent(type: string, object: Record<string, unknown>, options: { created?: number } = {}): TestEvent {
  return {
    id: `evt_test_${Date.now().toString(36)}_${(counter++).toString(36)}`,
    type,
    created: options.created ?? Math.floor(Date.now() / 1000),
    object,
  };
}

/** The two configured signing secrets: the platform endpoint's, then the Connect endpoint's. */
export function webhookSecrets() {
  const [platform, connect] = env.STRIPE_WEBHOOK_SECRET!.split(",");
  return { platform, connect };
}

/** Delivers an event to the webhook endpoint as Stripe does: raw JSON body, Stripe-Signature header. */
export async function deliver(event: TestEvent, options: { secret?: string; tamper?: boolean; signedAt?: Date } = {}) {
  const payload = JSON.stringify({
    id: event.id,
    object: "event",
    api_version: "2026-10-28.endive",
    created: event.created,
    livemode: false,
    type: event.type,
    data: { object: event.object },
  });
  const header = await Stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret: options.secret ?? webhookSecrets().platform,
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
    timestamp: options.signedAt ? Math.floor(options.signedAt.getTime() / 1000) : undefined,
  });
  const body = options.tamper ? payload.replace(/"amount":(\d+)/, (_, n) => `"amount":${Number(n) + 1}`) : payload;
  const res = await SELF.fetch("http://localhost/api/webhooks/stripe", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Stripe-Signature": header },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** A freelancer with a Stripe Express account that Stripe has enabled for payouts. */
export async function connectFreelancer(ctx: DomainContext, freelancer: User): Promise<string> {
  const { url } = await startConnectOnboarding(ctx, freelancer);
  const accountId = /\/setup\/e\/(acct_[0-9a-f]+)\//.exec(url)![1];
  const account = await standIn(`/__stand-in/accounts/${accountId}/enable`, { method: "POST" });
  const res = await deliver(stripeEvent("account.updated", account), { secret: webhookSecrets().connect });
  if (res.status !== 200) throw new Error(`account.updated refused: ${JSON.stringify(res.body)}`);
  return accountId;
}
