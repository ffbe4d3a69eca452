import type { Db } from "../../db/client";
import { newId } from "../../db/schema/ids";
import type { EmailMessage } from "../platform/email/message";
import type { DomainJob } from "./shared/jobs";
import type { PaymentProviders } from "./payments/provider";
import type { RoomPublisher } from "./shared/publisher";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Sliding-window counters shared by every Worker instance (a Durable Object in production and locally). */
export interface RateLimiter {
  /** Counts one hit and says whether the key is now over `limit` within `windowMs`. */
  hit(key: string, limit: number, windowMs: number): Promise<RateDecision>;
  /** Says whether the key is already over its limit, without counting. */
  peek(key: string, limit: number, windowMs: number): Promise<RateDecision>;
  reset(key: string): Promise<void>;
}

export interface RateDecision {
  limited: boolean;
  count: number;
  retryAfterSeconds: number;
}

export interface DomainConfig {
  appOrigin: string;
  /** Signs access tokens and room tickets. */
  secret: string;
  /** Where the hourly task reads exchange rates (RATES_FEED_URL); without it the shipped defaults stay. */
  ratesFeedUrl?: string;
  /** MegiLance's billing address on invoices, credit notes and fee statements (BILLING_EMAIL). */
  billingEmail?: string;
  /** Cloudflare Calls (SFU) credentials; absent when calls stay browser to browser. */
  calls?: CallsConfig;
}

export interface CallsConfig {
  appId: string;
  appSecret: string;
  apiBase: string;
}

/** Everything a domain function may touch, handed in so tests can pass real local parts. */
export interface DomainContext {
  db: Db;
  clock: Clock;
  newId: () => string;
  log: (message: string, data?: Record<string, unknown>) => void;
  config: DomainConfig;
  rateLimiter: RateLimiter;
  /** Hands mail to the email queue; delivery and retries happen in the queue consumer. */
  sendEmail: (message: EmailMessage) => Promise<void>;
  /** Hands work to the jobs queue, to run after the request answers; absent where no queue is wired. */
  enqueue?: (job: DomainJob, options?: { delaySeconds?: number }) => Promise<void>;
  /** Live delivery to rooms (conversations, personal rooms); absent outside the Worker. */
  rooms?: RoomPublisher;
  /** The deployment's payment providers; money movements settle with them after they commit. */
  payments?: PaymentProviders;
  /** The file bucket (R2), for areas that keep their own objects there (call recordings); absent in the seed. */
  files?: FileStore;
}

/** The slice of an R2 bucket the domain uses. */
export type FileStore = Pick<R2Bucket, "put" | "get" | "delete">;

export type DomainParts = Pick<DomainContext, "db" | "config" | "rateLimiter" | "sendEmail"> & Partial<Omit<DomainContext, "db">>;

export function createDomainContext(parts: DomainParts): DomainContext {
  return {
    db: parts.db,
    clock: parts.clock ?? systemClock,
    newId: parts.newId ?? (() => newId()),
    log: parts.log ?? ((message, data) => console.log(JSON.stringify({ message, ...data }))),
    config: parts.config,
    rateLimiter: parts.rateLimiter,
    sendEmail: parts.sendEmail,
    enqueue: parts.enqueue,
    rooms: parts.rooms,
    payments: parts.payments,
    files: parts.files,
  };
}

/**
 * The deployment's payment providers, which arrive only through the request's context. A context without them
 * is a wiring mistake, refused loudly rather than quietly paying in the sandbox.
 */
export function paymentsOf(ctx: DomainContext): PaymentProviders {
  if (!ctx.payments) throw new Error("This context has no payment providers: build it with the deployment's (domainContextFromEnv).");
  return ctx.payments;
}
