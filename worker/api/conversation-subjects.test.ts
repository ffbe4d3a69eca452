import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications, projectInvites } from "../../db/schema";
import { acceptContract } from "../domain/contracts/lifecycle";
import { messageFreelancer } from "../domain/messaging/invite";
import { closeProject, postProject } from "../domain/projects/projects";
import { acceptProposal } from "../domain/proposals/decide";
import { sendProposal } from "../domain/proposals/send";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { coverLetter, projectBody } from "../test-support/market";
import { createTestUser } from "../test-support/users";
import { browserFor } from "../test-support/web";

const { ctx } = testContext(env);
const start = (token: string, body: Record<string, unknown>) => call("/api/conversations", { token, body });

/** A client's project with one applicant's proposal. */
async function applied() {
  const client = await createTestUser(env, { roles: ["client"], name: "Casey Client" });
  const freelancer = await createTestUser(env, { roles: ["freelancer"], name: "Frankie Freelancer" });
  const project = await postProject(ctx, client.user, projectBody());
  const proposal = await sendProposal(ctx, freelancer.user, project.id, {
    coverLetter: coverLetter(),
    bidAmount: 150_000,
    estimatedDays: 7,
  });
  return { client, freelancer, project, proposal };
}

describe("a conversation per pair and subject, opened from where people meet", () => {
  it("the client and the applicant talk about a proposal before hiring, in one thread that remembers the proposal", async () => {
    const { client, freelancer, project, proposal } = await applied();
    const fromClient = await start(client.accessToken, { proposalId: proposal.id });
    expect(fromClient.status).toBe(201);
    expect(fromClient.body.conversation).toMatchObject({
      clientId: client.user.id,
      freelancerId: freelancer.user.id,
      projectId: project.id,
      proposalId: proposal.id,
      contractId: null,
      subject: { kind: "proposal", title: project.title, href: `/projects/${project.id}#proposal-${proposal.id}` },
      otherParticipant: { id: freelancer.user.id, name: "Frankie Freelancer" },
    });
    const fromApplicant = await start(freelancer.accessToken, { proposalId: proposal.id });
    expect(fromApplicant.status).toBe(200);
    expect(fromApplicant.body.conversation.id).toBe(fromClient.body.conversation.id);
    expect(fromApplicant.body.conversation.subject.href).toBe(`/freelancer/proposals/${proposal.id}`);
    // The same subject, reached from the project instead of the proposal, is the same thread.
    const aboutProject = await start(client.accessToken, { participantId: freelancer.user.id, projectId: project.id });
    expect(aboutProject.body.conversation.id).toBe(fromClient.body.conversation.id);

    const rival = await createTestUser(env, { roles: ["freelancer"] });
    expect((await start(rival.accessToken, { proposalId: proposal.id })).status).toBe(404);
    expect((await start(client.accessToken, { proposalId: proposal.id, participantId: rival.user.id })).status).toBe(404);
    expect((await start(client.accessToken, { proposalId: "01NOSUCHPROPOSAL0000000000" })).status).toBe(404);
  });

  it("the hire carries the pre-hire thread over to the contract, history and all", async () => {
    const { client, freelancer, proposal } = await applied();
    const before = await start(freelancer.accessToken, { proposalId: proposal.id });
    const conversationId = before.body.conversation.id;
    const hello = await call(`/api/conversations/${conversationId}/messages`, {
      token: freelancer.accessToken,
      body: { body: "Can the deadline move a week?" },
    });
    expect(hello.status).toBe(201);
    const { contract } = await acceptProposal(ctx, client.user, proposal.id);
    await acceptContract(ctx, freelancer.user, contract.id);

    const onContract = await start(client.accessToken, { contractId: contract.id });
    expect(onContract.status).toBe(200);
    expect(onContract.body.conversation).toMatchObject({
      id: conversationId,
      contractId: contract.id,
      proposalId: proposal.id,
      subject: { kind: "contract", href: `/contracts/${contract.id}` },
    });
    expect(onContract.body.conversation.lastMessage.body).toBe("Can the deadline move a week?");
    // Every way in now leads to the contract's thread.
    expect((await start(freelancer.accessToken, { proposalId: proposal.id })).body.conversation.id).toBe(conversationId);
    expect((await start(freelancer.accessToken, { contractId: contract.id, participantId: client.user.id })).body.conversation.id).toBe(
      conversationId,
    );
    const stranger = await createTestUser(env, { roles: ["client"] });
    expect((await start(stranger.accessToken, { contractId: contract.id })).status).toBe(404);
  });

  it("a contract without earlier talk gets its own thread", async () => {
    const { client, freelancer, proposal } = await applied();
    const { contract } = await acceptProposal(ctx, client.user, proposal.id);
    const opened = await start(freelancer.accessToken, { contractId: contract.id });
    expect(opened.status).toBe(201);
    expect(opened.body.conversation).toMatchObject({ contractId: contract.id, proposalId: proposal.id, clientId: client.user.id });
  });

  it("a client messages a freelancer from their profile, inviting them to an open project", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const project = await postProject(ctx, client.user, projectBody({ visibility: "invite_only" }));
    const { conversation, invited } = await messageFreelancer(ctx, client.user, {
      freelancerId: freelancer.user.id,
      projectId: project.id,
    });
    expect(invited).toBe(true);
    expect(conversation).toMatchObject({
      projectId: project.id,
      proposalId: null,
      subject: { kind: "project", href: `/projects/${project.id}` },
    });
    const invites = await ctx.db
      .select()
      .from(projectInvites)
      .where(and(eq(projectInvites.projectId, project.id), eq(projectInvites.freelancerId, freelancer.user.id)));
    expect(invites).toHaveLength(1);
    const [note] = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, freelancer.user.id), eq(notifications.type, "project_invited")));
    expect(note.link).toBe(`/projects/${project.id}`);
    // The invited freelancer proposes; the proposal's thread is the one the invitation opened.
    const proposal = await sendProposal(ctx, freelancer.user, project.id, {
      coverLetter: coverLetter(),
      bidAmount: 150_000,
      estimatedDays: 7,
    });
    const fromProposal = await start(freelancer.accessToken, { proposalId: proposal.id });
    expect(fromProposal.body.conversation).toMatchObject({ id: conversation.id, proposalId: proposal.id });

    const direct = await messageFreelancer(ctx, client.user, { freelancerId: freelancer.user.id });
    expect(direct.conversation).toMatchObject({ projectId: null, subject: { kind: "direct" } });
    const other = await createTestUser(env, { roles: ["client"] });
    // Someone else's invite-only project does not exist for another client (404, as everywhere); a public one
    // exists but is not theirs to invite to (403).
    await expect(messageFreelancer(ctx, other.user, { freelancerId: freelancer.user.id, projectId: project.id })).rejects.toMatchObject({
      status: 404,
      code: "not_found",
    });
    const publicProject = await postProject(ctx, client.user, projectBody());
    await expect(
      messageFreelancer(ctx, other.user, { freelancerId: freelancer.user.id, projectId: publicProject.id }),
    ).rejects.toMatchObject({ status: 403 });
    await closeProject(ctx, client.user, project.id);
    await expect(messageFreelancer(ctx, client.user, { freelancerId: freelancer.user.id, projectId: project.id })).rejects.toMatchObject({
      status: 409,
    });
  });

  it("a message may be only files, but never empty", async () => {
    const { client, proposal } = await applied();
    const opened = await start(client.accessToken, { proposalId: proposal.id });
    const path = `/api/conversations/${opened.body.conversation.id}/messages`;
    const empty = await call(path, { token: client.accessToken, body: { body: "  " } });
    expect(empty.status).toBe(422);
    expect(empty.body.error.fields.body).toEqual(["Write a message first."]);
    expect((await call(path, { token: client.accessToken, body: {} })).status).toBe(422);
  });

  it("the web's Message buttons post to /messages/start and land in the conversation", async () => {
    const { client, freelancer, proposal } = await applied();
    const browser = await browserFor(client.user);
    const res = await browser.post("/messages/start", { proposalId: proposal.id });
    expect(res.status).toBe(302);
    const location = res.headers.get("location") ?? "";
    expect(location).toMatch(/^\/messages\/[0-9A-Z]+$/);
    const page = await browser.get(location);
    expect(page.status).toBe(200);
    const html = page.html;
    expect(html).toContain("Frankie Freelancer");
    expect(html).toContain("Proposal:");
    expect((await browser.post("/messages/start", { proposalId: "01NOSUCHPROPOSAL0000000000" })).status).toBe(404);
    const other = await browserFor(freelancer.user);
    const again = await other.post("/messages/start", { proposalId: proposal.id });
    expect(again.headers.get("location")).toBe(location);
  });
});
