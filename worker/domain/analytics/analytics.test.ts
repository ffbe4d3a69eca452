import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { testContext } from "../../test-support/context";
import { coverLetter, projectBody } from "../../test-support/market";
import { callApi, createTestUser } from "../../test-support/users";
import { acceptContract } from "../contracts/lifecycle";
import type { DomainContext } from "../context";
import { addMilestone } from "../milestones/manage";
import { approveMilestone } from "../milestones/release";
import { submitMilestone } from "../milestones/workflow";
import { fundMilestone } from "../payments/fund";
import { postProject } from "../projects/projects";
import { acceptProposal } from "../proposals/decide";
import { sendProposal } from "../proposals/send";
import { recordProfileView } from "./activity";
import { adminAnalytics } from "./admin";
import { toCsv } from "./csv";
import { clientSpendByProject, freelancerAnalytics } from "./personal";
import { parseRange, previousRange } from "./range";
import { analyticsTables } from "./tables";

const HOUR = 3_600_000;
const call = (method: string, path: string, token?: string | null) => callApi(SELF, method, path, token);

/** A hire walked through the product's own steps, hours apart, in a stretch of the past no other test touches. */
async function hire(t: ReturnType<typeof testContext>, at: string, amount: number, options: { approve: boolean }) {
  const { ctx, clock } = t;
  clock.set(new Date(at));
  const client = await createTestUser(ctx, { roles: ["client"] });
  const freelancer = await createTestUser(ctx, { roles: ["freelancer"] });
  const project = await postProject(ctx, client.user, projectBody({ title: `Analytics project at ${at}` }));
  clock.advance(3 * HOUR);
  const proposal = await sendProposal(ctx, freelancer.user, project.id, {
    coverLetter: coverLetter(),
    bidAmount: amount,
    estimatedDays: 7,
  });
  clock.advance(21 * HOUR);
  const { contract } = await acceptProposal(ctx, client.user, proposal.id);
  await acceptContract(ctx, freelancer.user, contract.id);
  const milestone = await addMilestone(ctx, client.user, contract.id, { title: "All of it", amount });
  await fundMilestone(ctx, client.user, milestone.id, { provider: "sandbox" });
  if (options.approve) {
    clock.advance(24 * HOUR);
    await submitMilestone(ctx, freelancer.user, milestone.id, { message: "Done" });
    await approveMilestone(ctx, client.user, milestone.id);
  }
  return { client: client.user, freelancer: freelancer.user, project };
}

describe("analytics", () => {
  it("counts a period's activity beside the previous period, with daily series, per-currency money and CSV", async () => {
    const t = testContext(env);
    await hire(t, "2001-02-20T09:00:00Z", 50_000, { approve: false });
    const now = await hire(t, "2001-03-02T09:00:00Z", 100_000, { approve: true });
    const ctx: DomainContext = t.ctx;

    const range = parseRange({ from: "2001-03-01", to: "2001-03-10" }, new Date());
    expect(previousRange(range)).toEqual({ from: "2001-02-19", to: "2001-02-28" });
    const a = await adminAnalytics(ctx, range);
    const m = Object.fromEntries(a.metrics.map((x) => [x.key, x]));
    expect(m.newUsers).toMatchObject({ current: 2, previous: 2, change: 0 });
    expect(m.activeUsers).toMatchObject({ current: 2, previous: 2 });
    expect(m.projectsPosted).toMatchObject({ current: 1, previous: 1 });
    expect(m.projectsFilled).toMatchObject({ current: 1, previous: 1 });
    expect(m.proposalToHire).toMatchObject({ current: 1, previous: 1 });
    // Posted 09:00, proposal at 12:00, hired 21 hours later: 24 hours.
    expect(m.timeToHire).toMatchObject({ current: 24, previous: 24 });
    expect(a.money).toEqual([
      {
        currency: "USD",
        grossVolume: 100_000,
        previousGrossVolume: 50_000,
        grossVolumeChange: 1,
        revenue: 10_000,
        previousRevenue: 0,
        revenueChange: null,
      },
    ]);
    expect(a.series.days).toHaveLength(10);
    expect(a.series.newUsers).toEqual([0, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(a.series.hires).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(a.series.revenue.USD).toEqual([0, 0, 0, 10_000, 0, 0, 0, 0, 0, 0]);
    // The 30 days up to 2001-03-10 reach back to 2001-02-09, so they include the earlier hire's two users.
    expect(a.activeUsers).toEqual({ daily: 0, weekly: 0, monthly: 4, asOf: "2001-03-10" });

    const money = analyticsTables(a).find((x) => x.id === "money")!;
    expect(toCsv([money.columns, ...money.rows])).toBe(
      "currency,gross volume,previous gross volume,revenue,previous revenue\r\nUSD,100000,50000,10000,0\r\n",
    );

    // The freelancer's own figures: earnings after the 10% fee, views by others only, proposal success.
    t.clock.set(new Date("2001-03-05T12:00:00Z"));
    await recordProfileView(ctx, now.freelancer.id, null);
    await recordProfileView(ctx, now.freelancer.id, now.client.id);
    await recordProfileView(ctx, now.freelancer.id, now.freelancer.id);
    const mine = await freelancerAnalytics(ctx, now.freelancer.id, range);
    expect(mine.earnings).toEqual([{ currency: "USD", amount: 90_000, previous: 0, change: null }]);
    expect(mine.profileViews).toEqual({ current: 2, previous: 0, change: null });
    expect(mine.proposals).toEqual({ sent: 1, accepted: 1, successRate: 1, previousSuccessRate: null });
    expect(mine.series.profileViews[4]).toBe(2);

    const spend = await clientSpendByProject(ctx, now.client.id, range);
    expect(spend.projects).toEqual([
      { projectId: now.project.id, title: now.project.title, currency: "USD", paid: 100_000, refunded: 0, net: 100_000 },
    ]);
    expect(spend.totals).toEqual([{ currency: "USD", paid: 100_000, refunded: 0, net: 100_000 }]);
    expect(spend.nextOffset).toBeNull();
  });

  it("quotes CSV fields and defuses spreadsheet formulas", () => {
    expect(toCsv([["a,b", 'say "hi"', "=SUM(A1)", null, -5]])).toBe('"a,b","say ""hi""",\'=SUM(A1),,-5\r\n');
  });

  it("refuses bad ranges", () => {
    const now = new Date("2026-06-30T12:00:00Z");
    expect(parseRange({}, now)).toEqual({ from: "2026-06-01", to: "2026-06-30" });
    expect(() => parseRange({ from: "2026-02-30" }, now)).toThrow(/date like/);
    expect(() => parseRange({ from: "2026-07-01", to: "2026-06-01" }, now)).toThrow(/after the end/);
    expect(() => parseRange({ from: "2024-01-01", to: "2026-01-01" }, now)).toThrow(/at most 366/);
  });

  it("keeps each dashboard to its audience", async () => {
    const admin = await createTestUser(env, { roles: ["admin"] });
    const client = await createTestUser(env, { roles: ["client"] });
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    expect((await call("GET", "/api/admin/analytics", client.accessToken)).status).toBe(403);
    expect((await call("GET", "/api/admin/analytics")).status).toBe(401);
    expect((await call("GET", "/api/analytics/freelancer", client.accessToken)).status).toBe(403);
    expect((await call("GET", "/api/analytics/client", freelancer.accessToken)).status).toBe(403);

    const ok = await call("GET", "/api/admin/analytics?from=2001-03-01&to=2001-03-10", admin.accessToken);
    expect(ok.status).toBe(200);
    expect(ok.body.range).toEqual({ from: "2001-03-01", to: "2001-03-10", days: 10 });
    const bad = await call("GET", "/api/admin/analytics?from=2001-03-10&to=2001-03-01", admin.accessToken);
    expect(bad.status).toBe(422);
    expect((await call("GET", "/api/admin/analytics?format=csv", admin.accessToken)).status).toBe(422);
    const csv = await SELF.fetch("http://localhost/api/admin/analytics?from=2001-03-01&to=2001-03-02&format=csv&table=daily", {
      headers: { Authorization: `Bearer ${admin.accessToken}` },
    });
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    expect(csv.headers.get("Content-Disposition")).toContain("megilance-daily-2001-03-01-2001-03-02.csv");
    expect((await csv.text()).split("\r\n")[0]).toMatch(/^day,new users,active users,projects posted,hires/);
    expect((await call("GET", "/api/analytics/freelancer", freelancer.accessToken)).body.proposals).toEqual({
      sent: 0,
      accepted: 0,
      successRate: null,
      previousSuccessRate: null,
    });
    expect((await call("GET", "/api/analytics/client", client.accessToken)).body).toMatchObject({ projects: [], nextOffset: null });
  });
});
