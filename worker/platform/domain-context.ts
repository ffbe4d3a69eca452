import { createDb } from "../../db/client";
import { createDomainContext, type DomainContext } from "../domain/context";
import { readVars, type Env } from "../env";
import { callsConfig } from "./calls-config";
import { paymentProviders } from "./payments";
import { durableRateLimiter } from "./rate-limiter";
import { roomPublisher } from "./rooms";

/** The production wiring of the domain's dependencies, from the Worker's bindings. */
export function domainContextFromEnv(env: Env): DomainContext {
  const vars = readVars(env as unknown as Record<string, unknown>);
  return createDomainContext({
    db: createDb(vars),
    config: {
      appOrigin: vars.APP_ORIGIN,
      secret: vars.SESSION_SECRET,
      calls: callsConfig(vars),
      ratesFeedUrl: vars.RATES_FEED_URL,
      billingEmail: vars.BILLING_EMAIL,
    },
    rateLimiter: durableRateLimiter(env.RateLimiter),
    sendEmail: async (message) => {
      await env.EMAIL_QUEUE.send(message);
    },
    enqueue: async (job, options) => {
      await env.JOBS_QUEUE.send(job, options);
    },
    rooms: roomPublisher(env),
    payments: paymentProviders(env),
    files: env.FILES,
  });
}
