/**
 * A domain context for tests on the real local parts (database, rate limiter, email queue), with a clock
 * you can move and a record of every email handed to the queue.
 */
import { createDomainContext, type DomainContext } from "../domain/context";
import type { Env } from "../env";
import type { EmailMessage } from "../platform/email/message";
import { domainContextFromEnv } from "../platform/domain-context";

export interface TestContext {
  ctx: DomainContext;
  emails: EmailMessage[];
  clock: { set(date: Date): void; advance(ms: number): void; now(): Date };
}

export function testContext(env: Env, options: { now?: Date } = {}): TestContext {
  const real = domainContextFromEnv(env);
  let now = options.now ?? new Date();
  const emails: EmailMessage[] = [];
  const clock = {
    now: () => new Date(now.getTime()),
    set: (date: Date) => void (now = date),
    advance: (ms: number) => void (now = new Date(now.getTime() + ms)),
  };
  const ctx = createDomainContext({
    ...real,
    clock,
    sendEmail: async (message) => {
      emails.push(message);
      await real.sendEmail(message);
    },
  });
  return { ctx, emails, clock };
}
