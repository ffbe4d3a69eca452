import { z } from "zod";
import type { ConversationRoom } from "../party/conversation";
import type { PresenceRoom } from "../party/presence";
import type { UserRoom } from "../party/user";
import type { WhiteboardRoom } from "../party/whiteboard";
import type { CallRoom } from "../party/call";
import type { RateLimiterObject } from "./platform/rate-limiter";
import { relyingPartyProblem } from "./domain/auth/relying-party";

/** Bindings declared in wrangler.toml. */
export interface Bindings {
  ASSETS: Fetcher;
  FILES: R2Bucket;
  EMAIL_QUEUE: Queue<unknown>;
  JOBS_QUEUE: Queue<unknown>;
  Presence: DurableObjectNamespace<PresenceRoom>;
  Conversation: DurableObjectNamespace<ConversationRoom>;
  User: DurableObjectNamespace<UserRoom>;
  Whiteboard: DurableObjectNamespace<WhiteboardRoom>;
  Call: DurableObjectNamespace<CallRoom>;
  RateLimiter: DurableObjectNamespace<RateLimiterObject>;
}

/** Plain variables and secrets, validated once per isolate. */
export const varsSchema = z.object({
  /** The public origin; its host name is the passkey relying-party ID, so it cannot be an IP address. */
  APP_ORIGIN: z
    .url()
    .default("http://localhost:8787")
    .superRefine((origin, ctx) => {
      const problem = relyingPartyProblem(origin);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  DATABASE_URL: z.string().min(1),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  SESSION_SECRET: z.string().min(16).default("local-dev-session-secret-change-me"),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  GITHUB_CLIENT_ID: z.string().optional(),
  GITHUB_CLIENT_SECRET: z.string().optional(),
  /** Overrides the OAuth providers' endpoints (a local stand-in in tests). */
  OAUTH_ENDPOINT_OVERRIDE: z.string().optional(),
  /** The address invoices, credit notes and fee statements name as MegiLance's billing contact. */
  BILLING_EMAIL: z.email().default("billing@megilance.com"),
  /** Exchange-rate feed read by the hourly task (JSON: {base, timestamp, rates}); unset keeps the shipped rates. */
  RATES_FEED_URL: z.url().optional(),
  /** USDC funding: an EVM JSON-RPC endpoint, the token contract and the platform's receiving address. */
  USDC_RPC_URL: z.url().optional(),
  USDC_TOKEN_ADDRESS: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/)
    .optional(),
  USDC_PLATFORM_ADDRESS: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/)
    .optional(),
  USDC_CHAIN_ID: z.coerce.number().int().positive().default(1),
  USDC_CONFIRMATIONS: z.coerce.number().int().min(1).max(1000).default(3),
  /** Card payments and Connect payouts; without a secret key the sandbox provider stands in. */
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().optional(),
  /** Points the Stripe client at another API host (a local stand-in in tests), e.g. http://127.0.0.1:12111. */
  STRIPE_API_BASE: z.url().optional(),
  /** Cloudflare Calls (SFU) app; without both, calls are browser to browser only. */
  CALLS_APP_ID: z.string().optional(),
  CALLS_APP_SECRET: z.string().optional(),
  /** The Calls HTTP API (a local stand-in in tests). */
  CALLS_API_BASE: z.url().default("https://rtc.live.cloudflare.com/v1"),
});

export type Vars = z.infer<typeof varsSchema>;
export type Env = Bindings & Vars;

let cached: { source: unknown; vars: Vars } | undefined;

export function readVars(env: Record<string, unknown>): Vars {
  if (cached?.source === env) return cached.vars;
  const parsed = varsSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid Worker configuration: ${problems}`);
  }
  cached = { source: env, vars: parsed.data };
  return parsed.data;
}
