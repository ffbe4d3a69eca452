import { env, SELF } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications, outbox, savedSearchDeliveries, savedSearches } from "../../db/schema";
import { runTask } from "./tasks";
import { testContext } from "../test-support/context";
import { waitForMail } from "../test-support/mail";
import { projectBody, uniqueWord } from "../test-support/market";
import { createTestUser } from "../test-support/users";
import { postProject } from "../domain/projects/projects";
import { hideProject } from "../domain/trust/moderation";
import { sendSavedSearchDigest, queueSavedSearchDigests } from "../domain/saved-searches/digest";
import { alertSavedSearches } from "../domain/saved-searches/instant";
import { saveSearch } from "../domain/saved-searches/saved-searches";

const DAY_MS = 24 * 60 * 60 * 1000;
const { ctx } = testContext(env);
const settle = () => new Promise((resolve) => setTimeout(resolve, 2500));

async function alertsTo(userId: string) {
  return ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, "saved_search_match")));
}

const digestsTo = (email: string) =>
  ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), eq(outbox.template, "saved_search.digest")));

async function people() {
  const client = await createTestUser(env, { roles: ["client"] });
  const freelancer = await createTestUser(env, { roles: ["freelancer"] });
  return { client, freelancer };
}

describe("instant saved-search alerts", () => {
  it("tell the owner once of a new project the search matches, however often the job runs", async () => {
    const { client, freelancer } = await people();
    const word = uniqueWord();
    const search = await saveSearch(ctx, freelancer.user, { name: `${word} gigs`, query: `q=${word}&budgetType=fixed` });
    // Posting queues the job, so the queue consumer races the direct runs below.
    const project = await postProject(ctx, client.user, projectBody({ title: `${word} online shop`, budgetType: "fixed" }));
    const runs = await Promise.all([alertSavedSearches(ctx, project.id), alertSavedSearches(ctx, project.id)]);
    expect(runs.reduce((n, r) => n + r.alerted, 0)).toBeLessThanOrEqual(1);
    await settle();
    expect(await alertSavedSearches(ctx, project.id)).toEqual({ alerted: 0 });
    const alerts = await alertsTo(freelancer.user.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ link: `/projects/${project.id}`, title: `New project for “${word} gigs”: ${word} online shop` });
    const delivered = await ctx.db.select().from(savedSearchDeliveries).where(eq(savedSearchDeliveries.savedSearchId, search.id));
    expect(delivered.map((d) => [d.projectId, d.digestId])).toEqual([[project.id, null]]);
  });

  it("match by the project search's own rules: filters, and only listed projects", async () => {
    const { client, freelancer } = await people();
    const word = uniqueWord();
    await saveSearch(ctx, freelancer.user, { name: "Fixed only", query: `q=${word}&budgetType=fixed&min=2000` });
    await saveSearch(ctx, freelancer.user, { name: "Paused", query: `q=${word}`, frequency: "none" });
    await saveSearch(ctx, freelancer.user, { name: "Daily", query: `q=${word}`, frequency: "daily" });
    const hourly = await postProject(ctx, client.user, projectBody({ title: `${word} hourly help`, budgetType: "hourly" }));
    const cheap = await postProject(ctx, client.user, projectBody({ title: `${word} tiny fix`, budgetMin: 10_000, budgetMax: 50_000 }));
    const invited = await postProject(ctx, client.user, projectBody({ title: `${word} private work`, visibility: "invite_only" }));
    const other = await postProject(ctx, client.user, projectBody({ title: "Something else entirely" }));
    const fits = await postProject(ctx, client.user, projectBody({ title: `${word} big build`, budgetMin: 150_000, budgetMax: 300_000 }));
    const admin = await createTestUser(env, { roles: ["admin"] });
    const hidden = await postProject(ctx, client.user, projectBody({ title: `${word} hidden build`, budgetMax: 300_000 }));
    await hideProject(ctx, { user: admin.user, meta: {} }, hidden.id, { reason: "Duplicate posting of another project." });
    for (const p of [hourly, cheap, invited, other, fits, hidden]) await alertSavedSearches(ctx, p.id);
    await settle();
    expect((await alertsTo(freelancer.user.id)).map((n) => n.link)).toEqual([`/projects/${fits.id}`]);
  });

  it("never alert the project's own client", async () => {
    const client = await createTestUser(env, { roles: ["client", "freelancer"] });
    const word = uniqueWord();
    await saveSearch(ctx, client.user, { name: "Mine too", query: `q=${word}` });
    const project = await postProject(ctx, client.user, projectBody({ title: `${word} own project` }));
    expect(await alertSavedSearches(ctx, project.id)).toEqual({ alerted: 0 });
    expect(await alertsTo(client.user.id)).toEqual([]);
  });
});

describe("the daily saved-search digest", () => {
  it("e-mails new matches once per project through the daily task, never again on retries or the next day", async () => {
    const { client, freelancer } = await people();
    const word = uniqueWord();
    const search = await saveSearch(ctx, freelancer.user, { name: `${word} digest`, query: `q=${word}`, frequency: "daily" });
    const first = await postProject(ctx, client.user, projectBody({ title: `${word} landing page` }));
    const second = await postProject(ctx, client.user, projectBody({ title: `${word} checkout flow` }));
    expect(await alertSavedSearches(ctx, first.id)).toEqual({ alerted: 0 });

    expect((await runTask(ctx, "daily.digest")).summary).toMatch(/queued \d+ saved-search digests/);
    const mail = await waitForMail(freelancer.user.email, "saved_search.digest");
    // The queued job and direct retries race: one digest, with both projects.
    await Promise.all([sendSavedSearchDigest(ctx, search.id), sendSavedSearchDigest(ctx, search.id)]);
    await settle();
    expect(await sendSavedSearchDigest(ctx, search.id)).toBe("skipped");
    expect(await digestsTo(freelancer.user.email)).toHaveLength(1);
    expect(mail.subject).toBe(`2 new projects for “${word} digest”`);
    expect(mail.textBody).toContain(`/projects/${first.id}`);
    expect(mail.textBody).toContain(`/projects/${second.id}`);
    expect(mail.textBody).toContain("/freelancer/saved-searches");

    // Next day: a new project, and only it, in the next digest.
    const third = await postProject(ctx, client.user, projectBody({ title: `${word} admin panel` }));
    const { ctx: tomorrow } = testContext(env, { now: new Date(Date.now() + DAY_MS) });
    expect(await sendSavedSearchDigest(tomorrow, search.id)).toBe("sent");
    expect(await sendSavedSearchDigest(tomorrow, search.id)).toBe("skipped");
    await settle();
    const mails = await digestsTo(freelancer.user.email);
    expect(mails).toHaveLength(2);
    const latest = mails.find((m) => m.id !== mail.id)!;
    expect(latest.textBody).toContain(`/projects/${third.id}`);
    expect(latest.textBody).not.toContain(`/projects/${first.id}`);
    expect(latest.textBody).not.toContain(`/projects/${second.id}`);
  });

  it("skips a project the instant alert already told of, and searches on other frequencies", async () => {
    const { client, freelancer } = await people();
    const word = uniqueWord();
    const search = await saveSearch(ctx, freelancer.user, { name: "Switched", query: `q=${word}` });
    const told = await postProject(ctx, client.user, projectBody({ title: `${word} first` }));
    await alertSavedSearches(ctx, told.id);
    await ctx.db.update(savedSearches).set({ frequency: "daily" }).where(eq(savedSearches.id, search.id));
    expect(await sendSavedSearchDigest(ctx, search.id)).toBe("skipped");
    await ctx.db.update(savedSearches).set({ frequency: "none" }).where(eq(savedSearches.id, search.id));
    await postProject(ctx, client.user, projectBody({ title: `${word} second` }));
    expect(await sendSavedSearchDigest(ctx, search.id)).toBe("skipped");
    expect(await digestsTo(freelancer.user.email)).toEqual([]);
  });

  it("unsubscribes by its link without signing in, and the page says so", async () => {
    const { client, freelancer } = await people();
    const word = uniqueWord();
    const search = await saveSearch(ctx, freelancer.user, { name: `${word} weekly-ish`, query: `q=${word}`, frequency: "daily" });
    await postProject(ctx, client.user, projectBody({ title: `${word} data pipeline` }));
    const { emails, ctx: recording } = testContext(env);
    expect(await sendSavedSearchDigest(recording, search.id)).toBe("sent");
    const link = /(http:\/\/[^\s]+\/saved-searches\/unsubscribe\?token=[^\s]+)/.exec(emails[0].text)?.[1];
    expect(link).toBeDefined();
    const page = await SELF.fetch(link!, { headers: { Host: "localhost" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("You will get no more daily e-mails for this search");
    expect(html).toContain(`${word} weekly-ish`);
    const [row] = await ctx.db.select().from(savedSearches).where(eq(savedSearches.id, search.id));
    expect(row.frequency).toBe("none");

    const forged = await SELF.fetch(link!.replace(/token=.{6}/, "token=AAAAAA"), { headers: { Host: "localhost" } });
    expect(forged.status).toBe(200);
    expect(await forged.text()).toContain("This link did not work");
    await postProject(ctx, client.user, projectBody({ title: `${word} second pipeline` }));
    expect(await queueSavedSearchDigests(testContext(env).ctx)).toMatch(/saved-search digests/);
    expect(await sendSavedSearchDigest(ctx, search.id)).toBe("skipped");
  });

  it("leaves the daily task's other jobs running", async () => {
    const { summary } = await runTask(ctx, "daily.digest");
    expect(summary).toMatch(/saved-search digests; deleted \d+ call recordings past 30 days; auto-approved \d+ milestones/);
    expect(summary).toMatch(/issued \d+ missing invoices/);
  });
});
