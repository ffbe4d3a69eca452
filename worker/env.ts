import { z } from "zod";
import type { ConversationRoom } from "../party/conversation";
import type { PresenceRoom } from "../party/presence";
import type { UserRoom } from "../party/user";
import type { RateLimiterObject } from "./platform/rate-limiter";

/** Bindings declared in wrangler.toml. */
export interface Bindings {
  ASSETS: Fetcher;
  FILES: R2Bucket;
  EMAIL_QUEUE: Queue<unknown>;
  JOBS_QUEUE: Queue<unknown>;
  Presence: DurableObjectNamespace<PresenceRoom>;
  Conversation: DurableObjectNamespace<ConversationRoom>;
  User: DurableObjectNamespace<UserRoom>;
  RateLimiter: DurableObjectNamespace<RateLimiterObject>;
}

/** Plain variables and secrets, validated once per isolate. */
export const varsSchema = z.object({
  APP_ORIGIN: z.url().default("http://localhost:8787"),
  DATABASE_URL: z.string().min(1),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  SESSION_SECRET: z.string().min(16).default("local-dev-session-secret-change-me"),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  GITHUB_CLIENT_ID: z.string().optional(),
  GITHUB_CLIENT_SECRET: z.string().optional(),
  /** Overrides the OAuth providers' endpoints (a local stand-in in tests). */
  OAUTH_ENDPOINT_OVERRIDE: z.string().optional(),
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
