import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    stripeApiUrl: string;
  }
}

/** The keys the Worker tests are configured with; the stand-in accepts only this secret key. */
export const STRIPE_TEST_KEYS = {
  secret: "sk_test_megilance_stand_in",
  publishable: "pk_test_megilance_stand_in",
  webhookSecret: "whsec_megilance_stand_in_secret",
  /** The Connect endpoint's own secret (connected accounts' events). */
  connectWebhookSecret: "whsec_megilance_stand_in_connect",
} as const;

/** One API call as the stand-in saw it, for tests to assert on (idempotency keys included). */
export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: Record<string, unknown>;
  status: number;
  replayed: boolean;
}

type Obj = Record<string, unknown> & { id: string; object: string };
type Params = Record<string, unknown>;
interface Failure {
  method: string;
  path: string;
  status: number;
  code: string;
  times: number;
}

class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** More fields of Stripe's error object (e.g. the `payment_intent` a state error is about). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The states in which Stripe lets a PaymentIntent be cancelled. */
const CANCELABLE = ["requires_payment_method", "requires_capture", "requires_confirmation", "requires_action"];

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
const now = () => Math.floor(Date.now() / 1000);

/** `metadata[a]=1&capabilities[transfers][requested]=true` -> nested objects, as Stripe's form encoding sends them. */
function parseForm(body: string): Params {
  const out: Params = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, "").split("[");
    let at: Params = out;
    for (const part of path.slice(0, -1)) at = (at[part] ??= {}) as Params;
    at[path[path.length - 1]] = value;
  }
  return out;
}

function amountOf(params: Params): number {
  const amount = Number(params.amount);
  if (!Number.isInteger(amount) || amount <= 0) throw new StripeError(400, "parameter_invalid_integer", "Invalid positive integer: amount");
  return amount;
}

function required(params: Params, name: string): string {
  const value = params[name];
  if (typeof value !== "string" || value === "") throw new StripeError(400, "parameter_missing", `Missing required param: ${name}.`);
  return value;
}

/**
 * A local stand-in for the Stripe API endpoints MegiLance uses (payment intents and their cancellation, transfers and reversals,
 * refunds, Connect accounts and account links), with Stripe's idempotency-key semantics, so the real
 * `stripe` client runs against it. `/__stand-in/*` lets tests play the customer and Stripe's side.
 */
export function startStripeStandIn(): Promise<{ url: string; close: () => Promise<void> }> {
  const objects = new Map<string, Obj>();
  const idempotent = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  const requests: RecordedRequest[] = [];
  const failures: Failure[] = [];

  const get = (id: string, object: string): Obj => {
    const found = objects.get(id);
    if (!found || found.object !== object) throw new StripeError(404, "resource_missing", `No such ${object}: '${id}'`);
    return found;
  };
  const put = (obj: Obj) => (objects.set(obj.id, obj), obj);

  function paymentIntent(params: Params): Obj {
    const id = newId("pi");
    return put({
      id,
      object: "payment_intent",
      client_secret: `${id}_secret_${randomBytes(8).toString("hex")}`,
      amount: amountOf(params),
      currency: required(params, "currency"),
      status: "requires_payment_method",
      transfer_group: params.transfer_group ?? null,
      description: params.description ?? null,
      metadata: params.metadata ?? {},
      latest_charge: null,
      created: now(),
      livemode: false,
    });
  }

  /** Cancelling as Stripe does: only before the money moved; a succeeded or cancelled intent answers a state error naming it. */
  function cancelIntent(id: string, params: Params): Obj {
    const intent = get(id, "payment_intent");
    if (!CANCELABLE.includes(String(intent.status))) {
      throw new StripeError(
        400,
        "payment_intent_unexpected_state",
        `You cannot cancel this PaymentIntent because it has a status of ${String(intent.status)}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`,
        { payment_intent: { ...intent } },
      );
    }
    intent.status = "canceled";
    intent.canceled_at = now();
    intent.cancellation_reason = params.cancellation_reason ?? null;
    return intent;
  }

  function transfer(params: Params): Obj {
    const amount = amountOf(params);
    const destination = get(required(params, "destination"), "account");
    if (destination.payouts_enabled !== true)
      throw new StripeError(400, "account_invalid", "The destination account cannot receive transfers yet.");
    const charge = get(required(params, "source_transaction"), "charge");
    const currency = required(params, "currency");
    if (currency !== charge.currency)
      throw new StripeError(400, "currency_mismatch", "The transfer currency must match the source transaction.");
    const already = [...objects.values()]
      .filter((o) => o.object === "transfer" && o.source_transaction === charge.id)
      .reduce((sum, o) => sum + Number(o.amount), 0);
    if (already + amount > Number(charge.amount))
      throw new StripeError(400, "insufficient_funds", "Transfers from this charge would exceed its amount.");
    return put({
      id: newId("tr"),
      object: "transfer",
      amount,
      currency,
      destination: destination.id,
      source_transaction: charge.id,
      transfer_group: params.transfer_group ?? null,
      metadata: params.metadata ?? {},
      amount_reversed: 0,
      reversed: false,
      created: now(),
    });
  }

  function refund(params: Params): Obj {
    const charge = get(required(params, "charge"), "charge");
    const amount = params.amount === undefined ? Number(charge.amount) - Number(charge.amount_refunded) : amountOf(params);
    if (Number(charge.amount_refunded) + amount > Number(charge.amount))
      throw new StripeError(400, "charge_already_refunded", "Refund amount is greater than what is left on the charge.");
    charge.amount_refunded = Number(charge.amount_refunded) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    return put({
      id: newId("re"),
      object: "refund",
      amount,
      charge: charge.id,
      currency: charge.currency,
      status: "succeeded",
      metadata: params.metadata ?? {},
    });
  }

  function reversal(transferId: string, params: Params): Obj {
    const t = get(transferId, "transfer");
    const amount = params.amount === undefined ? Number(t.amount) - Number(t.amount_reversed) : amountOf(params);
    if (Number(t.amount_reversed) + amount > Number(t.amount))
      throw new StripeError(400, "transfer_reversal_too_large", "Reversal amount is greater than what is left on the transfer.");
    t.amount_reversed = Number(t.amount_reversed) + amount;
    t.reversed = t.amount_reversed === t.amount;
    return put({
      id: newId("trr"),
      object: "transfer_reversal",
      amount,
      transfer: t.id,
      currency: t.currency,
      metadata: params.metadata ?? {},
    });
  }

  function account(params: Params): Obj {
    if (params.type !== "express") throw new StripeError(400, "parameter_invalid", "Only express accounts are supported here.");
    return put({
      id: newId("acct"),
      object: "account",
      type: "express",
      email: params.email ?? null,
      metadata: params.metadata ?? {},
      details_submitted: false,
      payouts_enabled: false,
      charges_enabled: false,
      created: now(),
    });
  }

  function accountLink(params: Params, base: string): Obj {
    const acct = get(required(params, "account"), "account");
    required(params, "refresh_url");
    required(params, "return_url");
    if (params.type !== "account_onboarding") throw new StripeError(400, "parameter_invalid", "Unsupported account link type.");
    return {
      id: newId("link"),
      object: "account_link",
      url: `${base}/setup/e/${acct.id}/${randomBytes(6).toString("hex")}`,
      expires_at: now() + 300,
      created: now(),
    };
  }

  function api(method: string, path: string, params: Params, base: string): Obj {
    const parts = path.split("/").filter(Boolean);
    if (method === "POST" && path === "/v1/payment_intents") return paymentIntent(params);
    if (method === "GET" && parts[1] === "payment_intents" && parts.length === 3) return get(parts[2], "payment_intent");
    if (method === "POST" && parts[1] === "payment_intents" && parts[3] === "cancel" && parts.length === 4)
      return cancelIntent(parts[2], params);
    if (method === "POST" && path === "/v1/transfers") return transfer(params);
    if (method === "POST" && parts[1] === "transfers" && parts[3] === "reversals" && parts.length === 4) return reversal(parts[2], params);
    if (method === "POST" && path === "/v1/refunds") return refund(params);
    if (method === "POST" && path === "/v1/accounts") return account(params);
    if (method === "POST" && path === "/v1/account_links") return accountLink(params, base);
    throw new StripeError(404, "resource_missing", `Unrecognized request URL (${method}: ${path}).`);
  }

  /** Test-side controls: what the customer's browser and Stripe's back office would do. */
  function control(method: string, path: string, body: string): unknown {
    const parts = path.split("/").filter(Boolean);
    if (method === "GET" && path === "/__stand-in/requests") return requests;
    if (method === "GET" && parts[1] === "objects")
      return get(parts[2], parts[2].startsWith("acct") ? "account" : (objects.get(parts[2])?.object ?? "object"));
    if (method === "POST" && parts[1] === "payment_intents" && parts[3] === "succeed") {
      const intent = get(parts[2], "payment_intent");
      // A cancelled intent cannot be confirmed any more. `despiteCancel` plays the rare case a webhook handler must
      // still survive: Stripe reporting money for an intent the platform believes cancelled (e.g. one that was processing).
      const { despiteCancel } = (body ? JSON.parse(body) : {}) as { despiteCancel?: boolean };
      if (intent.status === "canceled" && !despiteCancel)
        throw new StripeError(400, "payment_intent_unexpected_state", "This PaymentIntent was canceled and cannot be confirmed.");
      if (!intent.latest_charge) {
        const charge = put({
          id: newId("ch"),
          object: "charge",
          amount: intent.amount,
          currency: intent.currency,
          payment_intent: intent.id,
          transfer_group: intent.transfer_group,
          amount_refunded: 0,
          refunded: false,
          status: "succeeded",
          created: now(),
        });
        intent.latest_charge = charge.id;
      }
      intent.status = "succeeded";
      return intent;
    }
    if (method === "POST" && parts[1] === "payment_intents" && parts[3] === "processing") {
      const intent = get(parts[2], "payment_intent");
      intent.status = "processing";
      return intent;
    }
    if (method === "POST" && parts[1] === "payment_intents" && parts[3] === "fail") {
      const intent = get(parts[2], "payment_intent");
      intent.status = "requires_payment_method";
      intent.last_payment_error = { code: "card_declined", message: "Your card was declined." };
      return intent;
    }
    if (method === "POST" && parts[1] === "accounts" && parts[3] === "enable") {
      const acct = get(parts[2], "account");
      Object.assign(acct, { details_submitted: true, payouts_enabled: true, charges_enabled: true });
      return acct;
    }
    if (method === "POST" && path === "/__stand-in/fail-next") {
      failures.push({ times: 1, status: 400, code: "balance_insufficient", ...(JSON.parse(body) as Partial<Failure>) } as Failure);
      return { ok: true };
    }
    throw new StripeError(404, "resource_missing", `No stand-in control ${method} ${path}`);
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { "Content-Type": "application/json", "Request-Id": newId("req"), ...headers });
    res.end(JSON.stringify(body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse, base: string) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", base);
    const method = req.method ?? "GET";
    if (url.pathname.startsWith("/__stand-in/")) {
      try {
        return send(res, 200, control(method, url.pathname, body));
      } catch (error) {
        return send(res, error instanceof StripeError ? error.status : 500, { error: { message: String(error) } });
      }
    }
    const params = method === "GET" ? {} : parseForm(body);
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const record = (status: number, replayed: boolean) =>
      requests.push({ method, path: url.pathname, idempotencyKey: key, params, status, replayed });
    if (req.headers.authorization !== `Bearer ${STRIPE_TEST_KEYS.secret}`) {
      record(401, false);
      return send(res, 401, { error: { type: "invalid_request_error", message: "Invalid API Key provided." } });
    }
    const fingerprint = `${method} ${url.pathname} ${body}`;
    const prior = key ? idempotent.get(key) : undefined;
    if (prior) {
      if (prior.fingerprint !== fingerprint) {
        record(400, false);
        return send(res, 400, {
          error: {
            type: "idempotency_error",
            message: "Keys for idempotent requests can only be used with the same parameters they were first used with.",
          },
        });
      }
      record(prior.status, true);
      return send(res, prior.status, prior.body, { "Idempotent-Replayed": "true" });
    }
    const failure = failures.find((f) => f.times > 0 && f.method === method && f.path === url.pathname);
    if (failure) {
      // A refused request is not stored under its key, as with Stripe's errors that are safe to retry.
      failure.times--;
      record(failure.status, false);
      return send(res, failure.status, {
        error: { type: "invalid_request_error", code: failure.code, message: `Stand-in refusal: ${failure.code}` },
      });
    }
    let status = 200;
    let answer: unknown;
    try {
      answer = api(method, url.pathname, params, base);
    } catch (error) {
      if (!(error instanceof StripeError)) throw error;
      status = error.status;
      answer = { error: { type: "invalid_request_error", code: error.code, message: error.message, ...error.extra } };
    }
    if (key && method === "POST") idempotent.set(key, { fingerprint, status, body: answer });
    record(status, false);
    send(res, status, answer);
  }

  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const { port } = server.address() as AddressInfo;
      handle(req, res, `http://127.0.0.1:${port}`).catch((error: unknown) => send(res, 500, { error: { message: String(error) } }));
    });
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

/** Stands in for Stripe's API during the Worker tests. */
export default async function setup(project: TestProject) {
  const standIn = await startStripeStandIn();
  project.provide("stripeApiUrl", standIn.url);
  return standIn.close;
}
