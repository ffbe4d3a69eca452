import { createExecutionContext, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { saveFreelancerProfile } from "./domain/profiles/freelancer";
import { createSession } from "./domain/auth/sessions";
import worker from "./index";
import { incoming } from "./test-support/incoming";
import { sessionCookieName } from "./session-cookie";
import { testContext } from "./test-support/context";
import { coverLetter, projectBody, uniqueWord } from "./test-support/market";
import { callApi, createTestUser } from "./test-support/users";

/**
 * Every database call crosses the network to Turso in production, so each read route has a budget of round trips
 * per request (issue: two, the session included). The local database server counts the requests sent to a
 * tagged URL (db/local-server.ts), so each route is fetched once with its own tag and its count read back.
 */
const BUDGET = 2;
/**
 * Routes (by name) not yet brought down to BUDGET, held at today's count so they cannot get worse: the freelancer
 * dashboard reads its proposals, then their views, recommendations and job success in separate round trips; a
 * project's page for its client ranks the proposals and matches freelancers, each in several.
 */
const OVER_BUDGET: Record<string, number> = {
  "freelancer dashboard page": 10,
  "freelancer dashboard API": 5,
  "project page, its client": 12,
};

async function roundTripsOf(path: string, headers: Record<string, string> = {}): Promise<{ status: number; roundTrips: number }> {
  const tag = `rt-${crypto.randomUUID().slice(0, 8)}`;
  const base = env.DATABASE_URL.replace(/\/+$/, "");
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    incoming(new Request(`http://localhost${path}`, { headers })),
    { ...env, DATABASE_URL: `${base}/tag/${tag}/` },
    ctx,
  );
  await res.arrayBuffer();
  await waitOnExecutionContext(ctx);
  const stats = (await (await fetch(`${base}/stats`)).json()) as { tags: Record<string, { requests: number }> };
  return { status: res.status, roundTrips: stats.tags[tag]?.requests ?? 0 };
}

describe("database round trips per request of the read routes", async () => {
  const word = uniqueWord();
  const { ctx } = testContext(env);
  const client = await createTestUser(env, { roles: ["client"] });
  const posted = await callApi(SELF, "POST", "/api/projects", client.accessToken, projectBody({ title: `${word} sales dashboard` }));
  const projectId = posted.body.project.id as string;
  const freelancer = await createTestUser(ctx, { roles: ["freelancer"] });
  const handle = uniqueWord("f");
  await saveFreelancerProfile(ctx, freelancer.user, { handle, headline: `${word} specialist`, skills: ["React"] });
  const cookieOf = async (userId: string) => {
    const { token } = await createSession(ctx, { userId, kind: "web", mfaVerified: true, meta: {} });
    return { Cookie: `${sessionCookieName(false)}=${token}` };
  };
  // A second freelancer applied and holds an offer: their project page shows both, the client's contracts list it.
  const hired = await createTestUser(env, { roles: ["freelancer"] });
  const proposal = await callApi(SELF, "POST", `/api/projects/${projectId}/proposals`, hired.accessToken, {
    coverLetter: coverLetter(word),
    bidAmount: 150_000,
    estimatedDays: 9,
  });
  const offer = await callApi(SELF, "POST", `/api/proposals/${proposal.body.proposal.id}/offer`, client.accessToken, {
    type: "fixed",
    title: `${word} dashboard`,
    milestones: [{ title: "Charts", amount: 150_000 }],
    startDate: new Date().toISOString().slice(0, 10),
  });
  expect(offer.status, JSON.stringify(offer.body)).toBe(201);
  const asClient = await cookieOf(client.user.id);
  const asFreelancer = await cookieOf(freelancer.user.id);
  const bearer = { Authorization: `Bearer ${client.accessToken}` };
  const freelancerBearer = { Authorization: `Bearer ${freelancer.accessToken}` };
  const asHired = await cookieOf(hired.user.id);
  const hiredBearer = { Authorization: `Bearer ${hired.accessToken}` };

  const routes: Array<[string, string, Record<string, string>?]> = [
    ["project list API", "/api/projects?limit=20"],
    ["project search API (text)", `/api/projects?q=${word}%20dashboard`],
    ["project search API (filters)", "/api/projects?category=web-development&experienceLevel=intermediate&sort=newest"],
    ["freelancer list API", "/api/freelancers?limit=20"],
    ["freelancer search API (skills)", "/api/freelancers?skills=js,react"],
    ["freelancer search API (text)", `/api/freelancers?q=${word}`],
    ["project API", `/api/projects/${projectId}`],
    ["profile API", `/api/freelancers/${handle}`],
    ["/projects page", "/projects"],
    ["/projects page, signed in", `/projects?q=${word}`, asFreelancer],
    ["/freelancers page", "/freelancers"],
    ["project page", `/projects/${projectId}`],
    ["project page, signed in", `/projects/${projectId}`, asFreelancer],
    ["project page, signed in with a proposal and an offer", `/projects/${projectId}`, asHired],
    ["project page, its client", `/projects/${projectId}`, asClient],
    ["profile page", `/f/${handle}`],
    ["client dashboard page", "/client", asClient],
    ["client dashboard API", "/api/clients/me/dashboard", bearer],
    ["freelancer dashboard page", "/freelancer", asFreelancer],
    ["freelancer dashboard API", "/api/freelancers/me/dashboard", freelancerBearer],
    ["contracts list API", "/api/contracts", bearer],
    ["contracts list API, offers", "/api/contracts?status=offered&role=freelancer", hiredBearer],
    ["inbox page", "/messages", asClient],
    ["inbox API", "/api/conversations", bearer],
  ];

  it.each(routes)(`%s stays within its round-trip budget (${BUDGET} unless listed over it)`, async (name, path, headers) => {
    // Once to warm what an isolate keeps (the taxonomy) and what a session does once a day (its activity mark).
    await roundTripsOf(path, headers);
    const { status, roundTrips } = await roundTripsOf(path, headers);
    expect(status, path).toBe(200);
    expect(roundTrips, path).toBeGreaterThan(0);
    expect(roundTrips, path).toBeLessThanOrEqual(OVER_BUDGET[name] ?? BUDGET);
  });
});
