import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { domainContextFromEnv } from "../../platform/domain-context";
import { uniqueEmail } from "../../test-support/api";
import { waitForMail } from "../../test-support/mail";
import { createDomainContext, type DomainContext } from "../context";
import type { DomainJob } from "../shared/jobs";
import { registerUser } from "./accounts";
import { requestPasswordReset } from "./password-reset";

/** A context that writes down every dependency the code under test touches, and does nothing else. */
function recordingContext() {
  const real = domainContextFromEnv(env);
  const work: string[] = [];
  const jobs: DomainJob[] = [];
  const trap = <T extends object>(name: string): T =>
    new Proxy({} as T, {
      get(_target, prop) {
        work.push(`${name}.${String(prop)}`);
        throw new Error(`the request path touched ${name}.${String(prop)}`);
      },
    });
  const ctx: DomainContext = createDomainContext({
    config: real.config,
    db: trap("db"),
    rateLimiter: trap("rateLimiter"),
    sendEmail: async () => void work.push("sendEmail"),
    payments: trap<NonNullable<DomainContext["payments"]>>("payments"),
    enqueue: async (job) => {
      work.push(`enqueue:${job.type}`);
      jobs.push(job);
    },
  });
  return { ctx, work, jobs };
}

describe("forgot password", () => {
  it("does the same work for a known and an unknown address: one queued job, no lookup", async () => {
    const known = uniqueEmail("known");
    await registerUser(domainContextFromEnv(env), { email: known, password: "a sturdy passphrase 42", name: "Known", role: "client" }, {});
    const meta = { ip: "203.0.113.5", userAgent: "tests", country: null };

    const forKnown = recordingContext();
    await requestPasswordReset(forKnown.ctx, known.toUpperCase(), meta);
    const forUnknown = recordingContext();
    await requestPasswordReset(forUnknown.ctx, uniqueEmail("nobody"), meta);

    expect(forKnown.work).toEqual(["enqueue:auth.password_reset"]);
    expect(forUnknown.work).toEqual(forKnown.work);
    expect(forKnown.jobs).toEqual([{ type: "auth.password_reset", email: known, meta }]);
  });

  it("mails the link from the queue, only to an account that exists", async () => {
    const known = uniqueEmail("known");
    const ctx = domainContextFromEnv(env);
    await registerUser(ctx, { email: known, password: "a sturdy passphrase 42", name: "Known", role: "client" }, {});
    await requestPasswordReset(ctx, known, {});
    expect((await waitForMail(known, "auth.reset_password")).textBody).toMatch(/\/reset-password\?token=/);
  });
});
