import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { activeContract, fundedMilestone } from "../domain/contracts/test-fixtures";
import { openDispute } from "../domain/disputes/open";
import { submitMilestone } from "../domain/milestones/workflow";
import { addPortfolioItem } from "../domain/profiles/portfolio";
import { inviteFreelancer, postProject } from "../domain/projects/projects";
import { sendProposal } from "../domain/proposals/send";
import { openTicket } from "../domain/support/tickets";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { jpegBytes, pdfBytes, pngBytes } from "../test-support/images";
import { coverLetter, projectBody } from "../test-support/market";
import { createTestUser } from "../test-support/users";

const { ctx } = testContext(env);

async function upload(user: { accessToken: string }, bytes: Uint8Array = pdfBytes(), name = "brief.pdf"): Promise<string> {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name));
  const res = await SELF.fetch("http://localhost/api/uploads", {
    method: "POST",
    body: form,
    headers: { Authorization: `Bearer ${user.accessToken}` },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { file: { key: string } }).file.key;
}

/** The status a reader gets for the file: with their bearer token, or anonymously. */
async function read(key: string, reader: { accessToken: string } | null): Promise<number> {
  const res = await SELF.fetch(`http://localhost/api/files/${key}`, {
    headers: reader ? { Authorization: `Bearer ${reader.accessToken}` } : {},
  });
  await res.arrayBuffer();
  return res.status;
}

const tokenOf = (user: { id: string }, token: string) => ({ user, accessToken: token });

describe("who may read an uploaded file", () => {
  it("message attachments: the two members only; others and anonymous callers get 404", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const stranger = await createTestUser(env, { roles: ["client", "freelancer"] });
    const admin = await createTestUser(env, { roles: ["admin"] });
    const started = await call("/api/conversations", { token: client.accessToken, body: { participantId: freelancer.user.id } });
    const key = await upload(client, pngBytes(40, 30), "mockup.png");
    const sent = await call(`/api/conversations/${started.body.conversation.id}/messages`, {
      token: client.accessToken,
      body: { body: "", attachments: [{ key }] },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.message.attachments).toEqual([{ key, name: "mockup.png", contentType: "image/png", size: 64 }]);
    expect(await read(key, client)).toBe(200);
    expect(await read(key, freelancer)).toBe(200);
    expect(await read(key, stranger)).toBe(404);
    expect(await read(key, admin)).toBe(404);
    expect(await read(key, null)).toBe(404);
  });

  it("milestone submissions and dispute evidence: the contract's parties and admins", async () => {
    const f = await fundedMilestone(ctx);
    const freelancer = tokenOf(f.freelancer, f.freelancerToken);
    const client = tokenOf(f.client, f.clientToken);
    const stranger = await createTestUser(env, { roles: ["freelancer"] });
    const admin = await createTestUser(env, { roles: ["admin"] });
    const work = await upload(freelancer, pdfBytes(), "delivery.pdf");
    const submitted = await call(`/api/milestones/${f.milestoneId}/submit`, {
      token: f.freelancerToken,
      body: { message: "Here it is", files: [work] },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.milestone.submissionFiles).toMatchObject([{ key: work, name: "delivery.pdf", contentType: "application/pdf" }]);
    const evidence = await upload(client, jpegBytes(20, 20), "screenshot.jpg");
    await openDispute(ctx, f.client, f.milestoneId, { text: "The delivery does not match the brief at all.", evidenceFileIds: [evidence] });
    for (const key of [work, evidence]) {
      expect(await read(key, freelancer)).toBe(200);
      expect(await read(key, client)).toBe(200);
      expect(await read(key, admin)).toBe(200);
      expect(await read(key, stranger)).toBe(404);
      expect(await read(key, null)).toBe(404);
    }
  });

  it("support ticket attachments: the requester and support staff", async () => {
    const requester = await createTestUser(env, { roles: ["client"] });
    const other = await createTestUser(env, { roles: ["client"] });
    const admin = await createTestUser(env, { roles: ["admin"] });
    const key = await upload(requester, pdfBytes(), "invoice.pdf");
    await openTicket(ctx, requester.user, {
      category: "payments",
      subject: "A charge I do not recognise",
      description: "There is a charge on my card that I cannot match to any milestone.",
      attachments: [key],
    });
    expect(await read(key, requester)).toBe(200);
    expect(await read(key, admin)).toBe(200);
    expect(await read(key, other)).toBe(404);
    expect(await read(key, null)).toBe(404);
  });

  it("proposal attachments: the applicant and the project's client", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    const applicant = await createTestUser(env, { roles: ["freelancer"] });
    const rival = await createTestUser(env, { roles: ["freelancer"] });
    const project = await postProject(ctx, client.user, projectBody());
    const key = await upload(applicant, pdfBytes(), "portfolio.pdf");
    await sendProposal(ctx, applicant.user, project.id, {
      coverLetter: coverLetter(),
      bidAmount: 150_000,
      estimatedDays: 10,
      attachments: [key],
    });
    expect(await read(key, applicant)).toBe(200);
    expect(await read(key, client)).toBe(200);
    expect(await read(key, rival)).toBe(404);
    expect(await read(key, null)).toBe(404);
  });

  it("project attachments follow the project: public to all, invite-only to the invited", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    const invited = await createTestUser(env, { roles: ["freelancer"] });
    const outsider = await createTestUser(env, { roles: ["freelancer"] });
    const open = await upload(client, pdfBytes(), "brief.pdf");
    await postProject(ctx, client.user, projectBody({ attachments: [open] }));
    expect(await read(open, null)).toBe(200);
    const secret = await upload(client, pdfBytes(), "nda.pdf");
    const hidden = await postProject(ctx, client.user, projectBody({ visibility: "invite_only", attachments: [secret] }));
    await inviteFreelancer(ctx, client.user, hidden.id, invited.user.id);
    expect(await read(secret, invited)).toBe(200);
    expect(await read(secret, outsider)).toBe(404);
    expect(await read(secret, null)).toBe(404);
  });

  it("portfolio images stay public, and public files may sit in shared caches", async () => {
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const key = await upload(freelancer, pngBytes(300, 200), "shot.png");
    await addPortfolioItem(ctx, freelancer.user, { title: "Shop redesign", imageKeys: [key] });
    const res = await SELF.fetch(`http://localhost/api/files/${key}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("public");
    await res.arrayBuffer();
  });

  it("a private file is never cached publicly, and a reader's cached copy is confirmed after the access check", async () => {
    const f = await activeContract(ctx);
    const started = await call("/api/conversations", { token: f.clientToken, body: { contractId: f.contractId } });
    const key = await upload(tokenOf(f.client, f.clientToken), pdfBytes(), "scope.pdf");
    await call(`/api/conversations/${started.body.conversation.id}/messages`, {
      token: f.clientToken,
      body: { body: "The scope", attachments: [{ key }] },
    });
    const first = await SELF.fetch(`http://localhost/api/files/${key}`, { headers: { Authorization: `Bearer ${f.freelancerToken}` } });
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const etag = first.headers.get("etag")!;
    await first.arrayBuffer();
    const again = await SELF.fetch(`http://localhost/api/files/${key}`, {
      headers: { Authorization: `Bearer ${f.freelancerToken}`, "If-None-Match": etag },
    });
    expect(again.status).toBe(304);
    const stranger = await createTestUser(env, { roles: ["client"] });
    const refused = await SELF.fetch(`http://localhost/api/files/${key}`, {
      headers: { Authorization: `Bearer ${stranger.accessToken}`, "If-None-Match": etag },
    });
    expect(refused.status).toBe(404);
    await refused.arrayBuffer();
  });

  it("a file attached in one place cannot be attached in another, where other people would read it", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    const first = await createTestUser(env, { roles: ["freelancer"] });
    const second = await createTestUser(env, { roles: ["freelancer"] });
    const a = await call("/api/conversations", { token: client.accessToken, body: { participantId: first.user.id } });
    const b = await call("/api/conversations", { token: client.accessToken, body: { participantId: second.user.id } });
    const key = await upload(client, pdfBytes(), "terms.pdf");
    const send = (conversationId: string) =>
      call(`/api/conversations/${conversationId}/messages`, { token: client.accessToken, body: { body: "Terms", attachments: [{ key }] } });
    expect((await send(a.body.conversation.id)).status).toBe(201);
    expect((await send(a.body.conversation.id)).status).toBe(201);
    const refused = await send(b.body.conversation.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/already attached somewhere else/);
    expect(await read(key, second)).toBe(404);
    const project = await call("/api/projects", { token: client.accessToken, body: projectBody({ attachments: [key] }) });
    expect(project.status).toBe(422);
  });

  it("milestone submissions refuse files that are not the freelancer's own uploads", async () => {
    const f = await fundedMilestone(ctx);
    const clientFile = await upload(tokenOf(f.client, f.clientToken), pdfBytes(), "mine.pdf");
    const res = await call(`/api/milestones/${f.milestoneId}/submit`, { token: f.freelancerToken, body: { files: [clientFile] } });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.files).toHaveLength(1);
    await expect(submitMilestone(ctx, f.freelancer, f.milestoneId, { files: ["x".repeat(30)] })).rejects.toMatchObject({ status: 422 });
  });
});
