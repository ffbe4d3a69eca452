import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import * as schema from "../../db/schema";
import { newId } from "../../db/schema/ids";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { confirmedClick } from "./demo-session";
import { signedIn } from "./people";

const baseUrl = inject("baseUrl");
const client = createClient({ url: inject("stackDatabaseUrl") });
const db = drizzle(client, { schema });

const browser = browserForThisFile();

afterAll(() => {
  client.close();
});

/** Setup only: the steps before the page under test go through the JSON API with the page's own session. */
function api<T = any>(page: Page, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([path, body]) => {
      const res = await fetch(path as string, {
        method: body === undefined ? "GET" : "POST",
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.json();
    },
    [path, body] as const,
  ) as Promise<T>;
}

/**
 * The client started paying with USDC and never sent it. This stack runs without a chain, so the payment is
 * written as starting a USDC payment writes it (pending, with its timeline entry), an hour ago.
 */
async function plantPendingUsdcPayment(ids: { contractId: string; milestoneId: string; clientId: string; amount: number }) {
  const id = newId();
  const at = new Date(Date.now() - 60 * 60 * 1000);
  await db.insert(schema.payments).values({
    id,
    provider: "usdc",
    status: "pending",
    amount: ids.amount,
    currency: "USD",
    milestoneId: ids.milestoneId,
    contractId: ids.contractId,
    payerId: ids.clientId,
    providerRef: `usdc_${id}`,
    idempotencyKey: `fund:${ids.milestoneId}:0`,
    createdAt: at,
  });
  await db.insert(schema.contractEvents).values({
    id: newId(),
    contractId: ids.contractId,
    milestoneId: ids.milestoneId,
    type: "milestone.funding_started",
    actorId: ids.clientId,
    data: { amount: ids.amount, currency: "USD", provider: "usdc", paymentId: id },
    createdAt: at,
  });
  return id;
}

const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));

describe("a payment started and never finished, on the contract page", () => {
  for (const theme of ["light", "dark"] as const) {
    it(`shows "Payment started with USDC — Cancel", cancels it and funds another way on a phone (${theme} theme)`, async () => {
      const word = `orbit${theme}${Date.now().toString(36)}`;
      const c = await signedIn(browser, "client@demo.test", { redirectTo: "/client", width: 375, theme });
      const f = await signedIn(browser, "freelancer@demo.test", { redirectTo: "/freelancer", width: 1100 });
      const watch = watchConsoleErrors(c.page);

      const { project } = await api(c.page, "/api/projects", {
        title: `Illustrate the ${word} onboarding`,
        description: "Six illustrations for an onboarding flow, in the brand's palette, delivered as SVG and PNG at two sizes.",
        category: "web-development",
        skills: ["React"],
        budgetType: "fixed",
        budgetMin: 20_000,
        budgetMax: 80_000,
        currency: "USD",
      });
      const { proposal } = await api(f.page, `/api/projects/${project.id}/proposals`, {
        coverLetter: `I illustrate onboarding flows for software products. For ${word} I would sketch all six scenes first, then colour them in your palette.`,
        bidAmount: 45_000,
        estimatedDays: 6,
      });
      const { contract } = await api(c.page, `/api/proposals/${proposal.id}/accept`, {});
      await api(f.page, `/api/contracts/${contract.id}/accept`, {});
      const title = `Scenes for ${word}`;
      const { milestone } = await api(c.page, `/api/contracts/${contract.id}/milestones`, { title, amount: 45_000 });
      const me = await api(c.page, "/api/auth/me");
      await plantPendingUsdcPayment({ contractId: contract.id, milestoneId: milestone.id, clientId: me.user.id, amount: 45_000 });

      const page = c.page;
      await page.goto(`${baseUrl}/contracts/${contract.id}`);
      await expect.poll(() => page.getByText("Payment started with USDC").count()).toBe(1);
      // While it waits, the milestone offers no second way to pay.
      expect(await page.getByRole("button", { name: "Fund $450.00" }).count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectAccessible(page);

      await page.getByRole("button", { name: `Cancel the USDC payment for ${title}` }).click();
      await expect.poll(() => page.getByRole("button", { name: "Fund $450.00" }).count()).toBe(1);
      expect(await page.getByText("Payment started with USDC").count()).toBe(0);
      expect(await page.getByText("Payment cancelled before any money moved").count()).toBe(1);
      await expectAccessible(page);

      await confirmedClick(page, "Fund $450.00");
      await expect.poll(() => page.getByText("Funded", { exact: true }).count()).toBe(1);
      await expectAccessible(page);

      expect(unexpected(watch.errors)).toEqual([]);
      await c.context.close();
      await f.context.close();
    });
  }
});
