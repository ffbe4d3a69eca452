import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { coverLetter, projectBody } from "../test-support/market";
import { apiDocument, undocumentedAnswers, type ResponseSample } from "../test-support/openapi";
import { callApi, createTestUser } from "../test-support/users";

const call = (method: string, path: string, token?: string | null, body?: unknown) => callApi(SELF, method, path, token, body);
const bid = (over: object = {}) => ({ coverLetter: coverLetter(), bidAmount: 200_000, estimatedDays: 14, ...over });

async function projectWithFreelancer() {
  const client = await createTestUser(env, { roles: ["client"] });
  const freelancer = await createTestUser(env, { roles: ["freelancer"] });
  const { body } = await call("POST", "/api/projects", client.accessToken, projectBody());
  return { client, freelancer, projectId: body.project.id as string };
}

describe("sending proposals over the API", () => {
  it("creates {proposal} once, then 409; refuses the wrong role, unverified and anonymous callers", async () => {
    const { client, freelancer, projectId } = await projectWithFreelancer();
    expect((await call("POST", `/api/projects/${projectId}/proposals`, null, bid())).status).toBe(401);
    expect((await call("POST", `/api/projects/${projectId}/proposals`, client.accessToken, bid())).status).toBe(403);
    const unverified = await createTestUser(env, { roles: ["freelancer"], verified: false });
    const res = await call("POST", `/api/projects/${projectId}/proposals`, unverified.accessToken, bid());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("email_unverified");
    const created = await call("POST", `/api/projects/${projectId}/proposals`, freelancer.accessToken, bid());
    expect(created.status).toBe(201);
    expect(created.body.proposal).toMatchObject({ id: expect.any(String), status: "pending", projectId });
    expect((await call("POST", `/api/projects/${projectId}/proposals`, freelancer.accessToken, bid())).status).toBe(409);
    expect((await call("POST", `/api/projects/nope/proposals`, freelancer.accessToken, bid())).status).toBe(404);
  });

  it("answers 422 with fields.coverLetter for a thin letter and 409 on a closed project", async () => {
    const { client, freelancer, projectId } = await projectWithFreelancer();
    const thin = await call("POST", `/api/projects/${projectId}/proposals`, freelancer.accessToken, bid({ coverLetter: "Hire me!" }));
    expect(thin.status).toBe(422);
    expect(thin.body.error.fields.coverLetter).toBeDefined();
    await call("POST", `/api/projects/${projectId}/close`, client.accessToken);
    expect((await call("POST", `/api/projects/${projectId}/proposals`, freelancer.accessToken, bid())).status).toBe(409);
  });

  it("refuses a proposal on your own project", async () => {
    const both = await createTestUser(env, { roles: ["client", "freelancer"] });
    const { body } = await call("POST", "/api/projects", both.accessToken, projectBody());
    const res = await call("POST", `/api/projects/${body.project.id}/proposals`, both.accessToken, bid());
    expect([403, 409]).toContain(res.status);
  });
});

describe("deciding on proposals over the API", () => {
  it("lists for the owner only, reads for both parties, edits, shortlists and accepts into a contract", async () => {
    const { client, freelancer, projectId } = await projectWithFreelancer();
    const stranger = await createTestUser(env, { roles: ["client"] });
    const { body } = await call("POST", `/api/projects/${projectId}/proposals`, freelancer.accessToken, bid());
    const id = body.proposal.id as string;

    const list = await call("GET", `/api/projects/${projectId}/proposals`, client.accessToken);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ id, ranking: { score: expect.any(Number) } });
    expect(list.body.total).toBe(1);
    expect((await call("GET", `/api/projects/${projectId}/proposals`, freelancer.accessToken)).status).toBe(403);
    expect((await call("GET", `/api/projects/${projectId}/proposals`, stranger.accessToken)).status).toBe(403);

    expect((await call("GET", `/api/proposals/${id}`, freelancer.accessToken)).status).toBe(200);
    expect((await call("GET", `/api/proposals/${id}`, client.accessToken)).status).toBe(200);
    // A stranger is not told the proposal exists.
    expect((await call("GET", `/api/proposals/${id}`, stranger.accessToken)).status).toBe(404);
    expect((await call("GET", `/api/proposals/${id}`)).status).toBe(401);

    expect((await call("PATCH", `/api/proposals/${id}`, client.accessToken, { bidAmount: 1 })).status).toBe(403);
    const edited = await call("PATCH", `/api/proposals/${id}`, freelancer.accessToken, { bidAmount: 190_000 });
    expect(edited.body.proposal.bidAmount).toBe(190_000);

    expect((await call("POST", `/api/proposals/${id}/shortlist`, freelancer.accessToken)).status).toBe(403);
    expect((await call("POST", `/api/proposals/${id}/shortlist`, client.accessToken)).body.proposal.status).toBe("shortlisted");
    expect((await call("POST", `/api/proposals/${id}/accept`, stranger.accessToken)).status).toBe(404);
    const accepted = await call("POST", `/api/proposals/${id}/accept`, client.accessToken);
    expect(accepted.status).toBe(200);
    expect(accepted.body.proposal.status).toBe("accepted");
    expect(accepted.body.contract).toMatchObject({
      id: expect.any(String),
      status: "offered",
      amount: 190_000,
      currency: "USD",
      proposalId: id,
    });
    expect((await call("POST", `/api/proposals/${id}/withdraw`, freelancer.accessToken)).status).toBe(409);
  });

  it("declines with or without a reason, and lets the freelancer withdraw and list their own", async () => {
    const { client, freelancer, projectId } = await projectWithFreelancer();
    const first = await call("POST", `/api/projects/${projectId}/proposals`, freelancer.accessToken, bid());
    const rejected = await call("POST", `/api/proposals/${first.body.proposal.id}/reject`, client.accessToken, { reason: "Not a fit" });
    expect(rejected.body.proposal).toMatchObject({ status: "declined", declineReason: "Not a fit" });

    const other = await createTestUser(env, { roles: ["freelancer"] });
    const second = await call("POST", `/api/projects/${projectId}/proposals`, other.accessToken, bid());
    const bare = await SELF.fetch(`http://localhost/api/proposals/${second.body.proposal.id}/reject`, {
      method: "POST",
      headers: { Authorization: `Bearer ${client.accessToken}`, "Content-Type": "application/json" },
    });
    expect(bare.status).toBe(200);

    const { body: p2 } = await call("POST", "/api/projects", client.accessToken, projectBody());
    const third = await call("POST", `/api/projects/${p2.project.id}/proposals`, freelancer.accessToken, bid());
    expect((await call("POST", `/api/proposals/${third.body.proposal.id}/withdraw`, client.accessToken)).status).toBe(403);
    expect((await call("POST", `/api/proposals/${third.body.proposal.id}/withdraw`, freelancer.accessToken)).body.proposal.status).toBe(
      "withdrawn",
    );

    const mine = await call("GET", "/api/freelancers/me/proposals", freelancer.accessToken);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((p: { status: string }) => p.status)).toEqual(["withdrawn", "declined"]);
    expect((await call("GET", "/api/freelancers/me/proposals", client.accessToken)).status).toBe(403);
  });
});

describe("hourly bids over the API", () => {
  it("take weeklyHours (1–80) instead of estimatedDays, answer a clear 422 without them, and show them in every proposal answer", async () => {
    const samples: ResponseSample[] = [];
    const sample = async (method: string, template: string, path: string, token: string, body?: unknown) => {
      const res = await call(method, path, token, body);
      samples.push({ method, path: template, status: res.status, body: res.body });
      return res;
    };
    const client = await createTestUser(env, { roles: ["client"] });
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const posted = await call(
      "POST",
      "/api/projects",
      client.accessToken,
      projectBody({ budgetType: "hourly", budgetMin: 2_000, budgetMax: 6_000 }),
    );
    const projectId = posted.body.project.id as string;
    const send = (body: object) =>
      sample("POST", "/api/projects/{id}/proposals", `/api/projects/${projectId}/proposals`, freelancer.accessToken, body);
    const rate = { coverLetter: coverLetter(), bidAmount: 3_000 };

    const missing = await send({ ...rate, estimatedDays: 14 });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatchObject({
      code: "validation_failed",
      fields: { weeklyHours: [expect.stringMatching(/hours a week/)] },
    });
    const tooMany = await send({ ...rate, weeklyHours: 81 });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.fields.weeklyHours).toEqual(["At most 80 hours a week."]);

    const created = await send({ ...rate, weeklyHours: 20 });
    expect(created.status).toBe(201);
    expect(created.body.proposal).toMatchObject({ bidAmount: 3_000, weeklyHours: 20, estimatedDays: null });
    const id = created.body.proposal.id as string;
    const read = await sample("GET", "/api/proposals/{id}", `/api/proposals/${id}`, client.accessToken);
    expect(read.body.proposal.weeklyHours).toBe(20);
    const listed = await sample("GET", "/api/projects/{id}/proposals", `/api/projects/${projectId}/proposals`, client.accessToken);
    expect(listed.body.items[0]).toMatchObject({ id, weeklyHours: 20 });
    const mine = await sample("GET", "/api/proposals/mine", "/api/proposals/mine", freelancer.accessToken);
    expect(mine.body.items[0]).toMatchObject({ id, weeklyHours: 20 });
    const edited = await sample("PATCH", "/api/proposals/{id}", `/api/proposals/${id}`, freelancer.accessToken, { weeklyHours: 30 });
    expect(edited.body.proposal.weeklyHours).toBe(30);

    // A fixed-price project still wants its days, and says weekly hours are not for it.
    const fixed = await call("POST", "/api/projects", client.accessToken, projectBody());
    const onFixed = await call("POST", `/api/projects/${fixed.body.project.id}/proposals`, freelancer.accessToken, {
      coverLetter: coverLetter(),
      bidAmount: 150_000,
      weeklyHours: 20,
    });
    expect(onFixed.status).toBe(422);
    expect(Object.keys(onFixed.body.error.fields).sort()).toEqual(["estimatedDays", "weeklyHours"]);

    const document = await apiDocument(SELF);
    const input = document.paths["/api/projects/{id}/proposals"].post.requestBody.content["application/json"].schema;
    expect(input.properties.weeklyHours).toMatchObject({
      minimum: 1,
      maximum: 80,
      description: expect.stringMatching(/required on hourly/),
    });
    expect([input.properties.weeklyHours.type].flat()).toContain("integer");
    const view = document.paths["/api/proposals/{id}"].get.responses["200"].content["application/json"].schema;
    expect(JSON.stringify(view)).toContain('"weeklyHours"');
    expect(input.required).not.toContain("estimatedDays");
    expect(await undocumentedAnswers(document, samples)).toEqual([]);
  });
});
