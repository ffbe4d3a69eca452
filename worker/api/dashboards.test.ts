import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { coverLetter, projectBody, uniqueWord } from "../test-support/market";
import { callApi, createTestUser } from "../test-support/users";

const call = (method: string, path: string, token?: string | null, body?: unknown) => callApi(SELF, method, path, token, body);

describe("dashboards", () => {
  it("show the client their projects with proposal counts and recent activity", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const { body } = await call("POST", "/api/projects", client.accessToken, projectBody());
    const sent = await call("POST", `/api/projects/${body.project.id}/proposals`, freelancer.accessToken, {
      coverLetter: coverLetter(),
      bidAmount: 120_000,
      estimatedDays: 9,
    });
    await call("POST", `/api/proposals/${sent.body.proposal.id}/shortlist`, client.accessToken);
    const res = await call("GET", "/api/clients/me/dashboard", client.accessToken);
    expect(res.status).toBe(200);
    expect(res.body.stats).toMatchObject({ openProjects: 1, proposalsReceived: 1, awaitingDecision: 1, hires: 0 });
    expect(res.body.projects[0]).toMatchObject({ id: body.project.id, proposalCounts: { total: 1, shortlisted: 1 } });
    expect(res.body.recentActivity[0]).toMatchObject({
      type: "proposal_received",
      proposalId: sent.body.proposal.id,
      freelancer: { id: freelancer.user.id },
    });
    expect((await call("GET", "/api/clients/me/dashboard", freelancer.accessToken)).status).toBe(403);
    expect((await call("GET", "/api/clients/me/dashboard")).status).toBe(401);
  });

  it("show the freelancer their proposals and projects recommended by skill overlap", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const rare = ["Solidity", "Hardhat"];
    await call("PUT", "/api/freelancers/me/profile", freelancer.accessToken, {
      handle: uniqueWord("d"),
      headline: "Smart contract developer",
      skills: rare,
    });
    const both = await call("POST", "/api/projects", client.accessToken, projectBody({ category: "blockchain-web3", skills: rare }));
    const one = await call(
      "POST",
      "/api/projects",
      client.accessToken,
      projectBody({ category: "blockchain-web3", skills: ["Solidity", "React"] }),
    );
    const applied = await call("POST", "/api/projects", client.accessToken, projectBody({ category: "blockchain-web3", skills: rare }));
    await call("POST", `/api/projects/${applied.body.project.id}/proposals`, freelancer.accessToken, {
      coverLetter: coverLetter(),
      bidAmount: 99_000,
      estimatedDays: 3,
    });
    const res = await call("GET", "/api/freelancers/me/dashboard", freelancer.accessToken);
    expect(res.status).toBe(200);
    expect(res.body.stats).toMatchObject({ total: 1, pending: 1 });
    expect(res.body.proposals[0].project.id).toBe(applied.body.project.id);
    const recommended = res.body.recommendedProjects.map((p: { id: string }) => p.id);
    expect(recommended.indexOf(both.body.project.id)).toBeLessThan(recommended.indexOf(one.body.project.id));
    expect(recommended.indexOf(one.body.project.id)).toBeGreaterThanOrEqual(0);
    expect(recommended).not.toContain(applied.body.project.id);
    expect(res.body.recommendedProjects[0].matchedSkills).toBe(2);
    expect((await call("GET", "/api/freelancers/me/dashboard", client.accessToken)).status).toBe(403);
  });
});
