import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { hydrated } from "./demo-session";
import { signedIn } from "./people";

const baseUrl = inject("baseUrl");

const browser = browserForThisFile();

/** Setup only: the steps before the dispute go through the JSON API with the page's own session. */
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

const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n" + " ".repeat(200));

describe("a dispute in the browser", () => {
  it("the client opens a dispute with evidence, the freelancer answers, an admin splits the held funds", async () => {
    const word = `nebula${Date.now().toString(36)}`;
    const client = await signedIn(browser, "client@demo.test", { redirectTo: "/client" });
    const freelancer = await signedIn(browser, "freelancer@demo.test", { redirectTo: "/freelancer", width: 375 });
    const admin = await signedIn(browser, "admin@demo.test", { redirectTo: "/admin/disputes" });
    const watches = [client, freelancer, admin].map((s) => watchConsoleErrors(s.page));

    const { project } = await api(client.page, "/api/projects", {
      title: `Write ${word} product copy`,
      description: "Product copy for a launch: a landing page, three feature pages and the onboarding emails, in a friendly tone.",
      category: "web-development",
      skills: ["React"],
      budgetType: "fixed",
      budgetMin: 50_000,
      budgetMax: 150_000,
      currency: "USD",
    });
    const { proposal } = await api(freelancer.page, `/api/projects/${project.id}/proposals`, {
      coverLetter: `I write launch copy for software products. For ${word} I would interview your team, draft the landing page first and then the onboarding emails, with two rounds of edits.`,
      bidAmount: 100_000,
      estimatedDays: 7,
    });
    const { contract } = await api(client.page, `/api/proposals/${proposal.id}/accept`, {});
    await api(freelancer.page, `/api/contracts/${contract.id}/accept`, {});
    const { milestone } = await api(client.page, `/api/contracts/${contract.id}/milestones`, { title: "Landing copy", amount: 100_000 });
    await api(client.page, `/api/milestones/${milestone.id}/fund`, { provider: "sandbox" });

    // The client opens a dispute from the milestone card, with a PDF as evidence.
    const c = client.page;
    await c.goto(`${baseUrl}/contracts/${contract.id}`);
    await c.getByRole("link", { name: "Open a dispute" }).click();
    await c.waitForURL(new RegExp(`/contracts/${contract.id}/dispute\\?milestone=`));
    await expectAccessible(c);
    await c.getByLabel("What went wrong?").fill(`Nothing for ${word} was delivered after two weeks.`);
    await c.getByLabel("Evidence files (optional)").setInputFiles({ name: "timeline.pdf", mimeType: "application/pdf", buffer: PDF });
    await c.getByRole("button", { name: "Open the dispute" }).click();
    await c.waitForURL(new RegExp(`^${baseUrl}/disputes/[0-9A-Z]+$`));
    const disputeUrl = c.url();
    await expect.poll(() => c.getByText("Waiting for an answer").count()).toBe(1);
    expect(await c.getByRole("link", { name: "timeline.pdf" }).count()).toBe(1);
    await expectAccessible(c);

    // The freelancer answers before the deadline.
    const f = freelancer.page;
    await f.goto(disputeUrl);
    await f.getByLabel("Your side of the story").fill(`A first ${word} draft was sent by message on day five.`);
    await f.getByRole("button", { name: "Send my answer" }).click();
    await expect.poll(() => f.getByText("Waiting for an admin").count()).toBe(1);
    await expectAccessible(f);

    // An admin decides a 40% / 60% split.
    const a = admin.page;
    await a.reload();
    await expectAccessible(a);
    await a.getByRole("link", { name: "Landing copy" }).first().click();
    await a.waitForURL(new RegExp(`/admin/disputes/[0-9A-Z]+$`));
    await a.getByLabel(/^Split/).check();
    await a.getByLabel("Freelancer's share for a split (%)").fill("40");
    await a.getByLabel("Decision note (both sides see it)").fill("The draft covered part of the brief.");
    // Money moves for good: the decision names what happens to the held amount and waits for a confirmation.
    await hydrated(a);
    await a.getByRole("button", { name: "Decide the dispute" }).click();
    const decide = a.getByRole("dialog", { name: "Decide this dispute?" });
    await expect.poll(() => decide.isVisible()).toBe(true);
    expect(await decide.textContent()).toContain("Of the $1,000.00 held, 40% goes to the freelancer");
    await decide.getByRole("button", { name: "Decide the dispute" }).click();
    // The outcome is named in the milestone's own words, and both sides read the same sentence.
    await expect.poll(() => a.getByText("Split: $400.00 released, $600.00 refunded (40% to the freelancer)").count()).toBe(1);
    expect(await a.getByText("$400.00 (they receive $360.00 after the $40.00 fee)").count()).toBe(1);
    expect(await a.getByText("$600.00", { exact: true }).count()).toBe(1);
    const sentence = "MegiLance support decided: $400.00 released to the freelancer, $600.00 refunded to the client.";
    expect(await a.getByText(sentence).count()).toBe(1);
    await expectAccessible(a);

    await c.goto(disputeUrl);
    await expect.poll(() => c.getByText(sentence).count()).toBe(1);
    await c.goto(`${baseUrl}/contracts/${contract.id}`);
    await expect.poll(() => c.getByText("Dispute decided", { exact: true }).count()).toBe(1);

    for (const w of watches) expect(unexpected(w.errors)).toEqual([]);
    for (const s of [client, freelancer, admin]) await s.context.close();
  });
});
