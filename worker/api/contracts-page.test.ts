import { env, SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments, users } from "../../db/schema";
import { activeContract } from "../domain/contracts/test-fixtures";
import { getContractDetail } from "../domain/contracts/queries";
import { milestoneForParty } from "../domain/milestones/access";
import { addMilestone } from "../domain/milestones/manage";
import { SANDBOX_LABEL } from "../platform/payments/sandbox";
import { testContext } from "../test-support/context";
import { createTestUser } from "../test-support/users";
import { browserFor, htmlOf } from "../test-support/web";
import { initials } from "../../app/components/ui/avatar";

const ORIGIN = "http://localhost";

/** The hidden fields of the form that posts `intent` for a milestone. */
function formFields(html: string, intent: string): Record<string, string> {
  const at = html.indexOf(`name="intent" value="${intent}"`);
  expect(at, `a form for ${intent}`).toBeGreaterThan(-1);
  const form = html.slice(html.lastIndexOf("<form", at), html.indexOf("</form>", at));
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)) fields[match[1]] = match[2];
  return fields;
}

describe("the contract page", () => {
  it("walks fund, submit and approve with plain form posts, funding once per rendered form", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Landing page", amount: 25_000 });
    const client = await browserFor(f.client);
    const freelancer = await browserFor(f.freelancer);
    const path = `/contracts/${f.contractId}`;

    const page = await client.get(path);
    expect(page.status).toBe(200);
    const html = page.html;
    expect(html).toContain("Funds held for this milestone");
    expect(html).toContain(SANDBOX_LABEL);
    expect(html).toContain("Fund $250.00");
    expect(html.toLowerCase()).not.toContain("escrow");

    const fundForm = formFields(html, "fund");
    expect(fundForm).toMatchObject({ milestoneId: m.id, key: expect.any(String) });
    // Unconfirmed, the page only asks (naming the amount); the confirmation page posts the same fields, confirmed.
    const asked = await client.post(path, fundForm);
    expect(asked.status).toBe(200);
    expect(await htmlOf(asked)).toContain("Fund $250.00?");
    expect(await ctx.db.select().from(payments).where(eq(payments.milestoneId, m.id))).toHaveLength(0);
    const fund = { ...fundForm, _confirmed: "yes" };
    for (let i = 0; i < 2; i++) {
      const res = await client.post(path, fund);
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe(path);
    }
    expect(await ctx.db.select().from(payments).where(eq(payments.milestoneId, m.id))).toHaveLength(1);

    const working = (await freelancer.get(path)).html;
    expect(working).toContain("Submit work for review");
    expect((await freelancer.post(path, { ...formFields(working, "submit"), message: "Done" })).status).toBe(302);

    const review = (await client.get(path)).html;
    expect(review).toContain("Approve and pay $250.00");
    expect((await client.post(path, formFields(review, "approve"))).status).toBe(200);
    expect((await milestoneForParty(ctx, m.id, f.client.id)).milestone.status).toBe("submitted");
    expect((await client.post(path, { ...formFields(review, "approve"), _confirmed: "yes" })).status).toBe(302);
    const after = await milestoneForParty(ctx, m.id, f.client.id);
    expect(after.milestone.status).toBe("approved");
    expect((await client.get(path)).html).toContain("Work approved and paid");
  });

  it("shows domain errors on the page and hides the contract from strangers", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    await addMilestone(ctx, f.client, f.contractId, { title: "Copy", amount: 1_000 });
    const client = await browserFor(f.client);
    const path = `/contracts/${f.contractId}`;
    const bad = await client.post(path, { intent: "add-milestone", title: "Broken", amount: "12.345" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Enter a positive amount, like 150.00.");

    const stranger = await browserFor((await createTestUser(env, { roles: ["client"] })).user);
    expect((await stranger.get(path)).status).toBe(404);
    expect((await stranger.post(path, { intent: "end", reason: "mine" })).status).toBe(404);
    expect((await SELF.fetch(`${ORIGIN}${path}`, { redirect: "manual" })).status).toBe(302);
  });

  it("shows each side the other party's face: the photo when they have one, initials when not", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const photoKey = `photos/${f.freelancer.id}-face.webp`;
    await ctx.db.update(users).set({ photoKey }).where(eq(users.id, f.freelancer.id));
    const path = `/contracts/${f.contractId}`;

    const clientPage = (await (await browserFor(f.client)).get(path)).html;
    const header = clientPage.slice(clientPage.indexOf("Contract with"), clientPage.indexOf("<h1"));
    const beforeHeader = clientPage.slice(
      clientPage.lastIndexOf("<p", clientPage.indexOf("Contract with")),
      clientPage.indexOf("Contract with"),
    );
    expect(header).toContain(f.freelancer.name);
    expect(beforeHeader).toContain(`<img src="/api/files/${photoKey}"`);

    const freelancerPage = (await (await browserFor(f.freelancer)).get(path)).html;
    const theirs = freelancerPage.slice(
      freelancerPage.lastIndexOf("<p", freelancerPage.indexOf("Contract with")),
      freelancerPage.indexOf("Contract with"),
    );
    expect(theirs).not.toContain("<img");
    expect(theirs).toContain(`>${initials(f.client.name)}</span>`);

    const detail = await getContractDetail(ctx, f.client.id, f.contractId);
    expect(detail.freelancer).toEqual({
      id: f.freelancer.id,
      name: f.freelancer.name,
      photoUrl: `${ctx.config.appOrigin}/api/files/${photoKey}`,
      timeZone: null,
    });
    expect(detail.client).toEqual({ id: f.client.id, name: f.client.name, photoUrl: null, timeZone: null });
  });
});
