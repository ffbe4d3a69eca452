import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createLoadContext } from "../../app/load-context";
import { domainFrom } from "../../app/utils/domain.server";
import { paymentsOf } from "../domain/context";
import { addMilestone } from "../domain/milestones/manage";
import { fundMilestone } from "../domain/payments/fund";
import { activeContract } from "../domain/contracts/test-fixtures";
import { testContext } from "../test-support/context";

describe("a page request's load context", () => {
  it("builds one domain context, however many loaders and actions of the request ask for it", () => {
    const context = createLoadContext(env, createExecutionContext());
    const asked = Array.from({ length: 5 }, () => domainFrom(context));
    expect(new Set(asked).size).toBe(1);
    expect(asked[0].db).toBeDefined();
  });

  it("gives every request its own", () => {
    const first = domainFrom(createLoadContext(env, createExecutionContext()));
    const second = domainFrom(createLoadContext(env, createExecutionContext()));
    expect(first).not.toBe(second);
  });

  it("carries the deployment's payment providers: the sandbox and, configured here, Stripe and USDC", () => {
    const providers = paymentsOf(domainFrom(createLoadContext(env, createExecutionContext())));
    expect(Object.keys(providers.funding).sort()).toEqual(["sandbox", "stripe", "usdc"]);
    expect(providers.stripe).toBeDefined();
  });
});

describe("payment providers", () => {
  it("arrive only through the context: a context without them moves no money instead of quietly using the sandbox", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "No providers", amount: 1_000 });
    await expect(fundMilestone({ ...ctx, payments: undefined }, f.client, m.id, { provider: "sandbox" })).rejects.toThrow(
      /no payment providers/,
    );
    const funded = await fundMilestone(ctx, f.client, m.id, { provider: "sandbox" });
    expect(funded.milestone.status).toBe("funded");
  });
});
