import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call } from "../test-support/api";
import { coverLetter, projectBody } from "../test-support/market";
import { createTestUser, type TestUser } from "../test-support/users";

/** Everything a client and a freelancer share after a hire, plus things each keeps to themselves. */
async function twoPartiesAndTheirThings() {
  const client = await createTestUser(env, { roles: ["client"] });
  const freelancer = await createTestUser(env, { roles: ["freelancer"] });
  const c = { token: client.accessToken };
  const f = { token: freelancer.accessToken };
  const project = (await call("/api/projects", { ...c, body: projectBody() })).body.project;
  const secretProject = (await call("/api/projects", { ...c, body: projectBody({ visibility: "invite_only" }) })).body.project;
  const proposal = (
    await call(`/api/projects/${project.id}/proposals`, {
      ...f,
      body: { coverLetter: coverLetter(), bidAmount: 200_000, estimatedDays: 10 },
    })
  ).body.proposal;
  const openProposal = (
    await call(`/api/projects/${(await call("/api/projects", { ...c, body: projectBody() })).body.project.id}/proposals`, {
      ...f,
      body: { coverLetter: coverLetter(), bidAmount: 150_000, estimatedDays: 9 },
    })
  ).body.proposal;
  const contract = (await call(`/api/proposals/${proposal.id}/accept`, { ...c, method: "POST" })).body.contract;
  const milestone = (await call(`/api/contracts/${contract.id}/milestones`, { ...c, body: { title: "Design", amount: 50_000 } })).body
    .milestone;
  const conversation = (await call("/api/conversations", { ...c, body: { participantId: freelancer.user.id } })).body.conversation;
  const message = (await call(`/api/conversations/${conversation.id}/messages`, { ...f, body: { body: "Hello there" } })).body.message;
  const ticket = (
    await call("/api/support/tickets", {
      ...c,
      body: { category: "account", subject: "Help with my account", description: "I cannot find the settings page." },
    })
  ).body.ticket;
  const item = (await call("/api/freelancers/me/portfolio", { ...f, body: { title: "Shop redesign" } })).body.item;
  const notification = (await call("/api/notifications", c)).body.items[0];
  const session = (await call("/api/security/sessions", c)).body.items[0];
  const things = {
    project,
    secretProject,
    proposal,
    openProposal,
    contract,
    milestone,
    conversation,
    message,
    ticket,
    item,
    notification,
    session,
  };
  for (const [name, thing] of Object.entries(things)) expect(thing?.id, name).toEqual(expect.any(String));
  return things;
}

describe("a stranger is never told that someone else's things exist", () => {
  it("answers 404, exactly as for an id that does not exist, on every kind of resource", async () => {
    const t = await twoPartiesAndTheirThings();
    const stranger: TestUser = await createTestUser(env, { roles: ["client", "freelancer"] });
    const probes: Array<[string, string, unknown?]> = [
      ["GET", `/api/proposals/${t.openProposal.id}`],
      ["PATCH", `/api/proposals/${t.openProposal.id}`, { bidAmount: 120_000 }],
      ["POST", `/api/proposals/${t.openProposal.id}/accept`],
      ["POST", `/api/proposals/${t.openProposal.id}/reject`, { reason: "No" }],
      ["POST", `/api/proposals/${t.openProposal.id}/shortlist`],
      ["POST", `/api/proposals/${t.openProposal.id}/withdraw`],
      ["GET", `/api/projects/${t.secretProject.id}`],
      ["PATCH", `/api/projects/${t.secretProject.id}`, { title: "Not yours to edit at all" }],
      ["POST", `/api/projects/${t.secretProject.id}/close`],
      ["POST", `/api/projects/${t.secretProject.id}/reopen`],
      ["DELETE", `/api/projects/${t.secretProject.id}`],
      ["GET", `/api/projects/${t.secretProject.id}/proposals`],
      ["POST", `/api/projects/${t.secretProject.id}/invites`, { freelancerId: stranger.user.id }],
      ["GET", `/api/ai/match-freelancers/${t.secretProject.id}`],
      ["PUT", `/api/favorites/projects/${t.secretProject.id}`],
      ["GET", `/api/contracts/${t.contract.id}`],
      ["PATCH", `/api/contracts/${t.contract.id}`, { amount: 1_000 }],
      ["POST", `/api/contracts/${t.contract.id}/accept`],
      ["POST", `/api/contracts/${t.contract.id}/decline`, {}],
      ["POST", `/api/contracts/${t.contract.id}/end`, { reason: "Because" }],
      ["POST", `/api/contracts/${t.contract.id}/milestones`, { title: "Mine", amount: 1_000 }],
      ["GET", `/api/contracts/${t.contract.id}/disputes`],
      ["GET", `/api/contracts/${t.contract.id}/reviews`],
      ["GET", `/api/contracts/${t.contract.id}/time-entries`],
      ["GET", `/api/contracts/${t.contract.id}/timesheets`],
      ["GET", `/api/contracts/${t.contract.id}/calls`],
      ["GET", `/api/milestones/${t.milestone.id}`],
      ["PATCH", `/api/milestones/${t.milestone.id}`, { title: "Renamed" }],
      ["POST", `/api/milestones/${t.milestone.id}/fund`, { provider: "sandbox" }],
      ["POST", `/api/milestones/${t.milestone.id}/submit`, {}],
      ["POST", `/api/milestones/${t.milestone.id}/approve`],
      [
        "POST",
        `/api/milestones/${t.milestone.id}/dispute`,
        { reason: "Not delivered at all, nothing arrived", requestedOutcome: "refund" },
      ],
      ["GET", `/api/conversations/${t.conversation.id}`],
      ["GET", `/api/conversations/${t.conversation.id}/messages`],
      ["POST", `/api/conversations/${t.conversation.id}/messages`, { body: "Let me in" }],
      ["POST", `/api/conversations/${t.conversation.id}/read`, { lastReadId: t.message.id }],
      ["POST", `/api/conversations/${t.conversation.id}/calls`, {}],
      ["GET", `/api/support/tickets/${t.ticket.id}`],
      ["POST", `/api/support/tickets/${t.ticket.id}/messages`, { body: "Me too" }],
      ["PATCH", `/api/support/tickets/${t.ticket.id}`, { status: "closed" }],
      ["PATCH", `/api/freelancers/me/portfolio/${t.item.id}`, { title: "Taken over" }],
      ["DELETE", `/api/freelancers/me/portfolio/${t.item.id}`],
      ["POST", `/api/notifications/${t.notification.id}/read`],
      ["DELETE", `/api/security/sessions/${t.session.id}`],
    ];
    const answers = [];
    for (const [method, path, body] of probes) {
      const res = await call(path, { method, body, token: stranger.accessToken });
      answers.push(
        `${method} ${path.replace(/\/[0-9A-Z]{26}/g, "/:id")} -> ${res.status}${res.status === 404 ? "" : ` ${JSON.stringify(res.body)}`}`,
      );
    }
    expect(answers.filter((a) => !a.endsWith("-> 404"))).toEqual([]);
  }, 60_000);
});
