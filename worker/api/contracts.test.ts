import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call } from "../test-support/api";
import { coverLetter, projectBody } from "../test-support/market";
import { createTestUser } from "../test-support/users";

/** Hire through the marketplace API the way a browser would: project, proposal, accept. */
async function hire(bidAmount = 200_000) {
  const client = await createTestUser(env, { roles: ["client"] });
  const freelancer = await createTestUser(env, { roles: ["freelancer"] });
  const project = await call("/api/projects", { token: client.accessToken, body: projectBody() });
  expect(project.status).toBe(201);
  const proposal = await call(`/api/projects/${project.body.project.id}/proposals`, {
    token: freelancer.accessToken,
    body: { coverLetter: coverLetter(), bidAmount, estimatedDays: 10 },
  });
  expect(proposal.status).toBe(201);
  const accepted = await call(`/api/proposals/${proposal.body.proposal.id}/accept`, { method: "POST", token: client.accessToken });
  expect(accepted.status).toBe(200);
  return { client, freelancer, contractId: accepted.body.contract.id as string, projectId: project.body.project.id as string };
}

describe("hire to pay through the API", () => {
  it("offers, adjusts, accepts, funds in the sandbox, submits, approves, shows it in the wallet and pays out", async () => {
    const { client, freelancer, contractId } = await hire();
    const c = { token: client.accessToken };
    const fl = { token: freelancer.accessToken };

    const offered = await call(`/api/contracts/${contractId}`, fl);
    expect(offered.status).toBe(200);
    expect(offered.body.contract).toMatchObject({
      id: contractId,
      status: "offered",
      type: "fixed",
      amount: 200_000,
      currency: "USD",
      viewerRole: "freelancer",
    });

    const patched = await call(`/api/contracts/${contractId}`, {
      ...c,
      method: "PATCH",
      body: { amount: 150_000, startDate: "2031-02-01" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.contract).toMatchObject({ amount: 150_000, startDate: "2031-02-01" });

    const first = await call(`/api/contracts/${contractId}/milestones`, {
      ...c,
      body: { title: "Design", amount: 50_000, dueDate: "2031-02-15" },
    });
    expect(first.status).toBe(201);
    expect(first.body.milestone).toMatchObject({
      title: "Design",
      amount: 50_000,
      status: "pending",
      currency: "USD",
      dueDate: "2031-02-15",
    });
    const second = await call(`/api/contracts/${contractId}/milestones`, { ...c, body: { title: "Build", amount: 100_000 } });
    expect(second.status).toBe(201);

    expect((await call(`/api/contracts/${contractId}/accept`, { ...fl, method: "POST" })).body.contract.status).toBe("active");

    const funded = await call(`/api/milestones/${first.body.milestone.id}/fund`, { ...c, body: { provider: "sandbox" } });
    expect(funded.status).toBe(200);
    expect(funded.body.payment).toMatchObject({ provider: "sandbox", sandbox: true, status: "succeeded", amount: 50_000 });
    expect(funded.body.milestone).toMatchObject({ status: "funded", funds: { held: 50_000 } });
    await call(`/api/milestones/${second.body.milestone.id}/fund`, { ...c, body: { provider: "sandbox" } });

    const submitted = await call(`/api/milestones/${first.body.milestone.id}/submit`, {
      ...fl,
      method: "POST",
      body: { message: "Mockups attached" },
    });
    expect(submitted.body.milestone).toMatchObject({
      status: "submitted",
      submissionMessage: "Mockups attached",
      autoApproveAt: expect.any(String),
    });
    const approved = await call(`/api/milestones/${first.body.milestone.id}/approve`, { ...c, method: "POST" });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      milestone: { status: "approved", funds: { held: 0, released: 50_000 } },
      transactionId: expect.any(String),
    });

    const wallet = await call("/api/wallet", fl);
    expect(wallet.status).toBe(200);
    expect(wallet.body.balances).toEqual([{ currency: "USD", available: 45_000, pending: 100_000 }]);
    expect(wallet.body.entries.items).toEqual([expect.objectContaining({ kind: "release", amount: 45_000, currency: "USD", contractId })]);

    const payout = await call("/api/payouts", { ...fl, body: { amount: 40_000, currency: "usd" } });
    expect(payout.status).toBe(201);
    expect(payout.body.payout).toMatchObject({ amount: 40_000, currency: "USD", status: "paid", sandbox: true });
    expect((await call("/api/wallet", fl)).body.balances[0]).toMatchObject({ available: 5_000 });
    expect((await call("/api/payouts", fl)).body).toMatchObject({ items: [{ id: payout.body.payout.id }], nextCursor: null });

    const detail = await call(`/api/contracts/${contractId}`, c);
    expect(detail.body.contract).toMatchObject({
      status: "active",
      funds: { funded: 150_000, held: 100_000, released: 50_000, refunded: 0 },
    });
    expect(detail.body.contract.milestones.map((m: { status: string }) => m.status)).toEqual(["approved", "funded"]);
    expect(detail.body.contract.timeline[0]).toMatchObject({ type: "contract.offered", actorId: client.user.id });
    expect(detail.body.contract.timeline.map((e: { type: string }) => e.type)).toContain("milestone.approved");

    const list = await call("/api/contracts?status=active", c);
    expect(list.body).toMatchObject({ items: [expect.objectContaining({ id: contractId, viewerRole: "client" })], nextCursor: null });

    const ended = await call(`/api/contracts/${contractId}/end`, { ...fl, body: { reason: "Client asked to stop" } });
    expect(ended.status).toBe(200);
    expect(ended.body.contract).toMatchObject({ status: "ended", funds: { held: 0, refunded: 100_000 } });
  });
});

describe("contract API rules", () => {
  it("lets only the parties see a contract and only the right one act (404 strangers, 403 wrong side, 401 anonymous)", async () => {
    const { client, freelancer, contractId } = await hire();
    const stranger = await createTestUser(env, { roles: ["client", "freelancer"] });
    const s = { token: stranger.accessToken };
    expect((await call(`/api/contracts/${contractId}`)).status).toBe(401);
    const strangerCalls = [
      call(`/api/contracts/${contractId}`, s),
      call(`/api/contracts/${contractId}`, { ...s, method: "PATCH", body: { amount: 1 } }),
      call(`/api/contracts/${contractId}/accept`, { ...s, method: "POST" }),
      call(`/api/contracts/${contractId}/decline`, { ...s, method: "POST" }),
      call(`/api/contracts/${contractId}/end`, { ...s, body: { reason: "mine now" } }),
      call(`/api/contracts/${contractId}/milestones`, { ...s, body: { title: "x", amount: 1 } }),
    ];
    for (const res of await Promise.all(strangerCalls)) expect(res.status).toBe(404);
    expect((await call("/api/contracts", s)).body.items).toEqual([]);

    const wrongSide = [
      call(`/api/contracts/${contractId}`, { token: freelancer.accessToken, method: "PATCH", body: { amount: 1 } }),
      call(`/api/contracts/${contractId}/accept`, { token: client.accessToken, method: "POST" }),
      call(`/api/contracts/${contractId}/decline`, { token: client.accessToken, method: "POST" }),
      call(`/api/contracts/${contractId}/milestones`, { token: freelancer.accessToken, body: { title: "x", amount: 1 } }),
    ];
    for (const res of await Promise.all(wrongSide)) expect(res.body.error.code).toBe("wrong_party");

    const early = await call(`/api/contracts/${contractId}/end`, { token: client.accessToken, body: { reason: "Not started" } });
    expect(early).toMatchObject({ status: 409, body: { error: { code: "invalid_state" } } });
    const declined = await call(`/api/contracts/${contractId}/decline`, { token: freelancer.accessToken, method: "POST" });
    expect(declined.body.contract.status).toBe("declined");
    expect((await call(`/api/contracts/${contractId}`, { token: client.accessToken, method: "PATCH", body: { amount: 9 } })).status).toBe(
      409,
    );
  });

  it("validates terms, milestones and list filters with field errors", async () => {
    const { client, contractId } = await hire();
    const c = { token: client.accessToken };
    const cases: [string, string, unknown][] = [
      [`/api/contracts/${contractId}`, "PATCH", { amount: 12.5 }],
      [`/api/contracts/${contractId}`, "PATCH", { startDate: "2031-02-30" }],
      [`/api/contracts/${contractId}`, "PATCH", {}],
      [`/api/contracts/${contractId}`, "PATCH", { type: "hourly", weeklyHourLimit: 200, hourlyRate: 100 }],
      [`/api/contracts/${contractId}/milestones`, "POST", { title: "", amount: 100 }],
      [`/api/contracts/${contractId}/milestones`, "POST", { title: "x", amount: -1 }],
      [`/api/contracts/${contractId}/end`, "POST", {}],
    ];
    for (const [path, method, body] of cases) {
      const res = await call(path, { ...c, method, body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(422);
      expect(res.body.error).toMatchObject({ code: "validation_failed", fields: expect.any(Object) });
    }
    expect((await call("/api/contracts?status=nonsense", c)).status).toBe(422);
    expect((await call("/api/contracts?limit=500", c)).status).toBe(422);
    const detail = await call(`/api/contracts/${contractId}`, c);
    expect(detail.body.contract).toMatchObject({ amount: 200_000, startDate: null });
  });
});

describe("API document", () => {
  it("describes the contract, milestone, wallet and payout endpoints", async () => {
    const doc = await call("/api/openapi.json");
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    for (const path of [
      "/api/contracts",
      "/api/contracts/{id}",
      "/api/contracts/{id}/accept",
      "/api/contracts/{id}/decline",
      "/api/contracts/{id}/end",
      "/api/contracts/{id}/milestones",
      "/api/milestones/{id}",
      "/api/milestones/{id}/fund",
      "/api/milestones/{id}/submit",
      "/api/milestones/{id}/approve",
      "/api/milestones/{id}/request-changes",
      "/api/milestones/{id}/release",
      "/api/milestones/{id}/refund",
      "/api/wallet",
      "/api/payouts",
    ]) {
      expect(paths).toContain(path);
    }
  });
});
