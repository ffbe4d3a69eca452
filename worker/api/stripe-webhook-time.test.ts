import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { stripeEvents } from "../../db/schema";
import { WEBHOOK_TOLERANCE_S } from "../domain/payments/stripe/webhook-time";
import { testContext } from "../test-support/context";
import { deliver, stripeEvent } from "../test-support/stripe";

const MINUTE_MS = 60_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs);

async function recorded(eventId: string) {
  return testContext(env).ctx.db.select().from(stripeEvents).where(eq(stripeEvents.id, eventId));
}

describe("the Stripe webhook judges the signed timestamp on both sides of now", () => {
  it.each([
    ["an hour ahead", 60 * MINUTE_MS],
    ["a day ahead", 24 * 60 * MINUTE_MS],
  ])("refuses an event signed %s, and records nothing", async (_label, aheadMs) => {
    const event = stripeEvent("customer.created", { id: `cus_${crypto.randomUUID().slice(0, 8)}` });
    const res = await deliver(event, { signedAt: at(aheadMs) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("webhook_from_the_future");
    expect(await recorded(event.id)).toEqual([]);
  });

  it("refuses an old event as too old, not as a signature mismatch", async () => {
    const event = stripeEvent("customer.created", { id: `cus_${crypto.randomUUID().slice(0, 8)}` });
    const res = await deliver(event, { signedAt: at(-(WEBHOOK_TOLERANCE_S * 1000 + 5 * MINUTE_MS)) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("webhook_too_old");
    expect(res.body.error.message).toMatch(/signed \d+ seconds ago/);
    expect(await recorded(event.id)).toEqual([]);
  });

  it("accepts a small clock difference either way", async () => {
    for (const skewMs of [-2 * MINUTE_MS, 2 * MINUTE_MS]) {
      const event = stripeEvent("customer.created", { id: `cus_${crypto.randomUUID().slice(0, 8)}` });
      expect((await deliver(event, { signedAt: at(skewMs) })).status).toBe(200);
    }
  });
});
