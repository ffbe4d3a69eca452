import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freelancerProfiles, notifications, projectInvites } from "../../db/schema";
import { rankFreelancersForProject } from "../domain/matching/engine";
import { loadProjectFacts } from "../domain/matching/inputs";
import { MATCH_FACTORS, MIN_MATCH_SCORE } from "../domain/matching/weights";
import { domainContextFromEnv } from "../platform/domain-context";
import { call } from "../test-support/api";
import { coverLetter, projectBody, uniqueWord } from "../test-support/market";
import { createTestUser } from "../test-support/users";

const ctx = () => domainContextFromEnv(env);

async function freelancer(profile: Record<string, unknown>, rating?: { avg: number; count: number }) {
  const user = await createTestUser(env, { roles: ["freelancer"] });
  const res = await call("/api/freelancers/me/profile", {
    method: "PUT",
    token: user.accessToken,
    body: { handle: uniqueWord("f"), headline: "Independent specialist", ...profile },
  });
  expect(res.status).toBe(200);
  if (rating) {
    await ctx()
      .db.update(freelancerProfiles)
      .set({ ratingAvg: rating.avg, ratingCount: rating.count })
      .where(eq(freelancerProfiles.userId, user.user.id));
  }
  return user;
}

async function client(country = "GB") {
  const user = await createTestUser(env, { roles: ["client"] });
  expect((await call("/api/clients/me/profile", { method: "PUT", token: user.accessToken, body: { country } })).status).toBe(200);
  return user;
}

async function post(owner: { accessToken: string }, overrides: Parameters<typeof projectBody>[0] = {}) {
  const res = await call("/api/projects", { token: owner.accessToken, body: projectBody(overrides) });
  expect(res.status).toBe(201);
  return res.body.project as { id: string };
}

/** A Haskell/Elixir project: skills few other tests use, so the ranking seen here is this test's own. */
const niche = {
  title: "Haskell backend and Elixir services for our scheduling tool",
  description: "We need a Haskell developer for a type-safe API and an Elixir service for notifications. Haskell experience is a must.",
  category: "software-backend",
  skills: ["Haskell", "Elixir", "PostgreSQL"],
  budgetType: "hourly" as const,
  budgetMin: 5_000,
  budgetMax: 8_000,
  currency: "USD",
  duration: "1_to_3_months" as const,
};

describe("GET /api/ai/match-freelancers/:projectId", () => {
  it("ranks fitting freelancers with a reason per factor, hides those below the minimum score, and honours the limit", async () => {
    const owner = await client("GB");
    const project = await post(owner, niche);
    const strong = await freelancer(
      {
        skills: ["Haskell", "Elixir", "PostgreSQL"],
        hourlyRate: 6_500,
        currency: "USD",
        availabilityHoursPerWeek: 30,
        timezone: "Europe/London",
      },
      { avg: 4.9, count: 50 },
    );
    const lucky = await freelancer(
      {
        skills: ["Haskell", "Elixir", "PostgreSQL"],
        hourlyRate: 6_500,
        currency: "USD",
        availabilityHoursPerWeek: 30,
        timezone: "Europe/London",
      },
      { avg: 5, count: 1 },
    );
    const poor = await freelancer(
      { skills: ["PostgreSQL", "Figma"], hourlyRate: 30_000, currency: "USD", availabilityHoursPerWeek: 5, timezone: "Pacific/Kiritimati" },
      { avg: 1.5, count: 40 },
    );

    const res = await call(`/api/ai/match-freelancers/${project.id}?limit=50`, { token: owner.accessToken });
    expect(res.status).toBe(200);
    const matches = res.body.matches as Array<{ freelancer: { id: string; name: string; handle: string }; score: number; reasons: any[] }>;
    const ids = matches.map((m) => m.freelancer.id);
    expect(ids.indexOf(strong.user.id)).toBeGreaterThanOrEqual(0);
    // Fifty 4.9s beat one 5: the Bayesian prior at work, everything else equal.
    expect(ids.indexOf(strong.user.id)).toBeLessThan(ids.indexOf(lucky.user.id));
    expect(ids).not.toContain(poor.user.id);
    for (const m of matches) {
      expect(m.score).toBeGreaterThanOrEqual(MIN_MATCH_SCORE);
      expect(m.score).toBeLessThanOrEqual(100);
      expect(m.reasons.map((r) => r.factor).sort()).toEqual([...MATCH_FACTORS].sort());
      for (const r of m.reasons)
        expect(r).toMatchObject({ score: expect.any(Number), weight: expect.any(Number), text: expect.any(String) });
    }
    expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
    const top = matches.find((m) => m.freelancer.id === strong.user.id)!;
    expect(top.freelancer.handle).toMatch(/^f/);
    expect(top.reasons.find((r) => r.factor === "skills").text).toBe("Knows Haskell, Elixir and PostgreSQL (3 of 3 key skills)");
    expect(top.reasons.find((r) => r.factor === "budget").text).toBe("Rate $65/h fits the $50–$80 budget");
    expect(top.reasons.find((r) => r.factor === "rating").text).toBe("4.9★ average from 50 reviews");

    // The poor fit was scored (it shares a skill) and fell below the line.
    const [facts] = await loadProjectFacts(ctx(), [project.id]);
    const all = await rankFreelancersForProject(ctx(), facts, { limit: 1000, minScore: 0 });
    const scored = all.find((m) => m.freelancer.id === poor.user.id);
    expect(scored?.score).toBeLessThan(MIN_MATCH_SCORE);

    const one = await call(`/api/ai/match-freelancers/${project.id}?limit=1`, { token: owner.accessToken });
    expect(one.body.matches).toHaveLength(1);
    expect(one.body.matches[0].freelancer.id).toBe(matches[0].freelancer.id);
    const byDefault = await call(`/api/ai/match-freelancers/${project.id}`, { token: owner.accessToken });
    expect(byDefault.body.matches.length).toBeLessThanOrEqual(10);
    expect((await call(`/api/ai/match-freelancers/${project.id}?limit=51`, { token: owner.accessToken })).status).toBe(422);
    expect((await call(`/api/ai/match-freelancers/${project.id}?limit=0`, { token: owner.accessToken })).status).toBe(422);
  });

  it("is for the project's owner and admins only", async () => {
    const owner = await client();
    const project = await post(owner, niche);
    const hidden = await post(owner, { ...niche, visibility: "invite_only" });
    const other = await client();
    const someFreelancer = await createTestUser(env, { roles: ["freelancer"] });
    const admin = await createTestUser(env, { roles: ["admin"] });
    expect((await call(`/api/ai/match-freelancers/${project.id}`)).status).toBe(401);
    expect((await call(`/api/ai/match-freelancers/${project.id}`, { token: other.accessToken })).status).toBe(403);
    expect((await call(`/api/ai/match-freelancers/${project.id}`, { token: someFreelancer.accessToken })).status).toBe(403);
    expect((await call(`/api/ai/match-freelancers/${hidden.id}`, { token: other.accessToken })).status).toBe(404);
    expect((await call(`/api/ai/match-freelancers/01NOSUCHPROJECT`, { token: owner.accessToken })).status).toBe(404);
    const asAdmin = await call(`/api/ai/match-freelancers/${project.id}`, { token: admin.accessToken });
    expect(asAdmin.status).toBe(200);
    expect(Array.isArray(asAdmin.body.matches)).toBe(true);
  });

  it("marks a match invited once the owner invites them to apply, and tells the freelancer", async () => {
    const owner = await client();
    const project = await post(owner, niche);
    const match = await freelancer(
      { skills: ["Haskell", "Elixir"], hourlyRate: 7_000, currency: "USD", availabilityHoursPerWeek: 40, timezone: "Europe/Paris" },
      { avg: 4.8, count: 20 },
    );
    const before = await call(`/api/ai/match-freelancers/${project.id}?limit=50`, { token: owner.accessToken });
    expect(before.body.matches.find((m: any) => m.freelancer.id === match.user.id)).toMatchObject({ invited: false, applied: false });
    const stranger = await client();
    const refused = await call(`/api/projects/${project.id}/invites`, {
      token: stranger.accessToken,
      body: { freelancerId: match.user.id },
    });
    expect(refused.status).toBe(403);
    expect(await ctx().db.select().from(projectInvites).where(eq(projectInvites.projectId, project.id))).toHaveLength(0);
    const invited = await call(`/api/projects/${project.id}/invites`, { token: owner.accessToken, body: { freelancerId: match.user.id } });
    expect(invited.status).toBe(201);
    const after = await call(`/api/ai/match-freelancers/${project.id}?limit=50`, { token: owner.accessToken });
    expect(after.body.matches.find((m: any) => m.freelancer.id === match.user.id)).toMatchObject({ invited: true });
    const notes = await ctx()
      .db.select()
      .from(notifications)
      .where(and(eq(notifications.userId, match.user.id), eq(notifications.type, "project_invited")));
    expect(notes).toHaveLength(1);
    expect(notes[0].link).toBe(`/projects/${project.id}`);
  });
});

describe("GET /api/ai/recommended-projects", () => {
  it("recommends open projects by the same engine, leaving out ones already applied to", async () => {
    const owner = await client("DE");
    const first = await post(owner, niche);
    const second = await post(owner, { ...niche, title: "Elixir service for a Haskell shop", skills: ["Elixir", "Haskell"] });
    const me = await freelancer(
      {
        skills: ["Haskell", "Elixir", "PostgreSQL"],
        hourlyRate: 6_000,
        currency: "USD",
        availabilityHoursPerWeek: 30,
        timezone: "Europe/Berlin",
      },
      { avg: 4.7, count: 12 },
    );
    const sent = await call(`/api/projects/${second.id}/proposals`, {
      token: me.accessToken,
      body: { coverLetter: coverLetter(), bidAmount: 6_000, weeklyHours: 30 },
    });
    expect(sent.status).toBe(201);
    const res = await call("/api/ai/recommended-projects?limit=50", { token: me.accessToken });
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i: any) => i.project.id);
    expect(ids).toContain(first.id);
    expect(ids).not.toContain(second.id);
    const item = res.body.items.find((i: any) => i.project.id === first.id);
    expect(item.score).toBeGreaterThanOrEqual(MIN_MATCH_SCORE);
    expect(item.reasons).toHaveLength(MATCH_FACTORS.length);
    expect(item.project.url).toBe(`/projects/${first.id}`);
    expect((await call("/api/ai/recommended-projects", { token: owner.accessToken })).status).toBe(403);
    expect((await call("/api/ai/recommended-projects")).status).toBe(401);
    expect((await call("/api/ai/recommended-projects?limit=500", { token: me.accessToken })).status).toBe(422);
  });
});

describe("price estimates", () => {
  it("estimates from comparable posted projects and agreed contract prices, and says when data is short", async () => {
    const owner = await client();
    // Legal work budgeted in CHF: a corner of the market no other test writes to.
    const base = { category: "legal", skills: ["Contract Drafting"], currency: "CHF", budgetType: "fixed" as const };
    const created = [];
    for (const [min, max] of [
      [80_000, 120_000],
      [150_000, 250_000],
      [250_000, 350_000],
      [300_000, 500_000],
      [450_000, 550_000],
      [500_000, 700_000],
    ]) {
      created.push(
        await post(owner, { ...base, title: `Contract drafting for a supplier ${uniqueWord()}`, budgetMin: min, budgetMax: max }),
      );
    }
    const lawyer = await freelancer({ skills: ["Contract Drafting"], hourlyRate: 9_000, currency: "CHF" });
    const proposal = await call(`/api/projects/${created[0].id}/proposals`, {
      token: lawyer.accessToken,
      body: { coverLetter: coverLetter(), bidAmount: 110_000, estimatedDays: 10 },
    });
    expect(proposal.status).toBe(201);
    expect((await call(`/api/proposals/${proposal.body.proposal.id}/accept`, { token: owner.accessToken, body: {} })).status).toBe(200);

    const res = await call("/api/ai/estimate-price", {
      token: owner.accessToken,
      body: { title: "Contract drafting", description: "Supplier agreements", ...base, complexity: "medium" },
    });
    expect(res.status).toBe(200);
    // Amounts: 110,000 (agreed) and midpoints 200,000 300,000 400,000 500,000 600,000.
    // P25 at rank 1.25 = 225,000; P50 at rank 2.5 = 350,000; P75 at rank 3.75 = 475,000.
    expect(res.body).toMatchObject({ enoughData: true, low: 225_000, median: 350_000, high: 475_000, currency: "CHF" });
    expect(res.body.basedOn).toMatchObject({ count: 6, contracts: 1, postedProjects: 5 });
    expect(res.body.basedOn.sample.length).toBeGreaterThan(0);
    // 6/20 × 1 / (1 + 250,000 / 350,000) = 0.175
    expect(res.body.confidence).toBe(0.18);

    const short = await call("/api/ai/estimate-price", {
      token: owner.accessToken,
      body: { title: "Contract drafting", description: "", ...base, currency: "SEK", complexity: "high" },
    });
    expect(short.status).toBe(200);
    expect(short.body).toMatchObject({ enoughData: false, currency: "SEK", basedOn: { count: 0 } });
    expect(short.body.message).toMatch(/not enough comparable projects/i);

    const bad = await call("/api/ai/estimate-price", { token: owner.accessToken, body: { ...base, category: "no-such-category" } });
    expect(bad.status).toBe(422);
    expect((await call("/api/ai/estimate-price", { token: owner.accessToken, body: { ...base, complexity: "extreme" } })).status).toBe(422);
    expect((await call("/api/ai/estimate-price", { body: base })).status).toBe(401);
  });

  it("fills thin skill matches with the rest of the category, most similar first", async () => {
    const owner = await client();
    const base = { category: "legal", currency: "NZD", budgetType: "hourly" as const };
    const ids: string[] = [];
    for (const [skill, rate] of [
      ["Contract Drafting", 10_000],
      ["Contract Drafting", 12_000],
      ["Legal Research", 20_000],
      ["Legal Research", 22_000],
      ["Legal Research", 24_000],
    ] as const) {
      ids.push((await post(owner, { ...base, title: `Legal help ${uniqueWord()}`, skills: [skill], budgetMin: rate, budgetMax: rate })).id);
    }
    const res = await call("/api/ai/estimate-price", {
      token: owner.accessToken,
      body: { title: "Drafting", ...base, skills: ["Contract Drafting"], complexity: "medium" },
    });
    // Two share the skill, three more come from the category: 10,000 12,000 20,000 22,000 24,000.
    expect(res.body).toMatchObject({ enoughData: true, low: 12_000, median: 20_000, high: 22_000, currency: "NZD", basedOn: { count: 5 } });
    expect(
      res.body.basedOn.sample
        .slice(0, 2)
        .map((s: { id: string }) => s.id)
        .sort(),
    ).toEqual(ids.slice(0, 2).sort());
  });

  it("estimates a freelancer's rate from comparable freelancers", async () => {
    const rates = [4_000, 5_000, 6_000, 7_000, 8_000];
    const peers = [];
    for (const rate of rates) {
      peers.push(await freelancer({ skills: [{ skill: "Bookkeeping", years: 5 }, "Xero"], hourlyRate: rate, currency: "NOK" }));
    }
    const me = await freelancer({ skills: [{ skill: "Bookkeeping", years: 4 }, "Xero"], hourlyRate: 9_900, currency: "NOK" });
    const res = await call(`/api/ai/estimate-freelancer-rate/${me.user.id}`, { token: me.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ enoughData: true, low: 5_000, median: 6_000, high: 7_000, currency: "NOK", basedOn: { count: 5 } });
    // Asked about a peer: the other four peers and the first freelancer are its comparables.
    const peer = await call(`/api/ai/estimate-freelancer-rate/${peers[0].user.id}`, { token: me.accessToken });
    expect(peer.body).toMatchObject({ enoughData: true, basedOn: { count: 5 } });
    const lonely = await freelancer({ skills: ["Bookkeeping"], hourlyRate: 5_000, currency: "DKK" });
    const none = await call(`/api/ai/estimate-freelancer-rate/${lonely.user.id}`, { token: lonely.accessToken });
    expect(none.body).toMatchObject({ enoughData: false, currency: "DKK" });
    expect((await call(`/api/ai/estimate-freelancer-rate/01NOSUCHUSER`, { token: me.accessToken })).status).toBe(404);
    expect((await call(`/api/ai/estimate-freelancer-rate/${me.user.id}`)).status).toBe(401);
  });
});
