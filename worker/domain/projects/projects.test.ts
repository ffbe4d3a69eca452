import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { conversations, files, notifications, projects } from "../../../db/schema";
import { testContext } from "../../test-support/context";
import { coverLetter, projectBody } from "../../test-support/market";
import { createTestUser } from "../../test-support/users";
import { sendProposal } from "../proposals/send";
import { withdrawProposal } from "../proposals/send";
import { closeProject, deleteProject, getProject, inviteFreelancer, postProject, reopenProject, updateProject } from "./projects";

const setup = () => testContext(env);

describe("posting a project", () => {
  it("stores the project with alias-resolved skills, the category and integer budget", async () => {
    const { ctx } = setup();
    const { user } = await createTestUser(ctx, { roles: ["client"] });
    const project = await postProject(
      ctx,
      user,
      projectBody({ skills: ["JS", "Postgres", "react"], currency: "eur", duration: "1_to_3_months" }),
    );
    expect(project.skills.map((s) => s.slug).sort()).toEqual(["javascript", "postgresql", "react"]);
    expect(project).toMatchObject({
      clientId: user.id,
      category: "web-development",
      currency: "EUR",
      status: "open",
      visibility: "public",
    });
    expect(project.budgetMin).toBe(100_000);
    expect(project.proposalCount).toBe(0);
    const [row] = await ctx.db.select().from(projects).where(eq(projects.id, project.id));
    expect(row.skillsText).toContain("postgres");
  });

  it("is only for clients with a verified email", async () => {
    const { ctx } = setup();
    const freelancer = await createTestUser(ctx, { roles: ["freelancer"] });
    await expect(postProject(ctx, freelancer.user, projectBody())).rejects.toMatchObject({ status: 403, code: "forbidden" });
    const unverified = await createTestUser(ctx, { roles: ["client"], verified: false });
    await expect(postProject(ctx, unverified.user, projectBody())).rejects.toMatchObject({ status: 403, code: "email_unverified" });
  });

  it.each([
    [{ budgetMin: 300_000, budgetMax: 200_000 }, "budgetMin"],
    [{ currency: "XYZ" }, "currency"],
    [{ currency: "dollars" }, "currency"],
    [{ category: "underwater-welding" }, "category"],
    [{ skills: ["React", "Klingon Poetry"] }, "skills"],
    [{ skills: [] }, "skills"],
    [{ budgetMin: 10.5 }, "budgetMin"],
    [{ title: "" }, "title"],
  ])("refuses %j with a 422 on %s", async (override, field) => {
    const { ctx } = setup();
    const { user } = await createTestUser(ctx, { roles: ["client"] });
    const error = await postProject(ctx, user, projectBody(override as object)).catch((e) => e);
    expect(error).toMatchObject({ status: 422 });
    expect(Object.keys(error.fields)).toContain(field);
  });

  it("accepts only the poster's own uploads as attachments", async () => {
    const { ctx } = setup();
    const { user } = await createTestUser(ctx, { roles: ["client"] });
    const other = await createTestUser(ctx, { roles: ["client"] });
    const mine = `k${ctx.newId().toLowerCase()}`;
    const theirs = `k${ctx.newId().toLowerCase()}`;
    await ctx.db.insert(files).values([
      { key: mine, ownerId: user.id, purpose: "attachment", contentType: "application/pdf", size: 10 },
      { key: theirs, ownerId: other.user.id, purpose: "attachment", contentType: "application/pdf", size: 10 },
    ]);
    const project = await postProject(ctx, user, projectBody({ attachments: [mine] }));
    expect(project.attachments).toEqual([
      expect.objectContaining({ key: mine, contentType: "application/pdf", url: expect.stringContaining(`/api/files/${mine}`) }),
    ]);
    await expect(postProject(ctx, user, projectBody({ attachments: [theirs] }))).rejects.toMatchObject({
      status: 422,
      fields: { attachments: expect.any(Array) },
    });
  });
});

describe("changing a project", () => {
  it("lets the owner edit; others get 403, unknown ids 404, and bad budgets change nothing", async () => {
    const { ctx } = setup();
    const owner = await createTestUser(ctx, { roles: ["client"] });
    const other = await createTestUser(ctx, { roles: ["client"] });
    const project = await postProject(ctx, owner.user, projectBody());
    const edited = await updateProject(ctx, owner.user, project.id, {
      title: "A sharper title for the dashboard",
      skills: ["vue"],
      budgetMax: 300_000,
    });
    expect(edited).toMatchObject({ title: "A sharper title for the dashboard", budgetMax: 300_000, budgetMin: 100_000 });
    expect(edited.skills.map((s) => s.slug)).toEqual(["vuejs"]);
    await expect(updateProject(ctx, other.user, project.id, { title: "Hijacked project" })).rejects.toMatchObject({ status: 403 });
    await expect(updateProject(ctx, owner.user, "no-such-project", { title: "Whatever it is" })).rejects.toMatchObject({ status: 404 });
    await expect(updateProject(ctx, owner.user, project.id, { budgetMin: 400_000 })).rejects.toMatchObject({ status: 422 });
    expect((await getProject(ctx, project.id, owner.user)).budgetMin).toBe(100_000);
  });

  it("keeps the budget type and currency once a freelancer has bid, since every bid is a price or rate in them", async () => {
    const { ctx } = setup();
    const owner = await createTestUser(ctx, { roles: ["client"] });
    const project = await postProject(ctx, owner.user, projectBody());
    // Before any bid the terms are the client's to change.
    expect(await updateProject(ctx, owner.user, project.id, { budgetType: "hourly", budgetMin: 3_000, budgetMax: 6_000 })).toMatchObject({
      budgetType: "hourly",
    });
    await updateProject(ctx, owner.user, project.id, { budgetType: "fixed", budgetMin: 100_000, budgetMax: 250_000 });
    const freelancer = await createTestUser(ctx, { roles: ["freelancer"] });
    await sendProposal(ctx, freelancer.user, project.id, { coverLetter: coverLetter(), bidAmount: 150_000, estimatedDays: 10 });

    const toHourly = await updateProject(ctx, owner.user, project.id, { budgetType: "hourly" }).catch((e) => e);
    expect(toHourly).toMatchObject({ status: 409, code: "bids_received", fields: { budgetType: [expect.stringMatching(/already bid/)] } });
    const toEuros = await updateProject(ctx, owner.user, project.id, { currency: "EUR", title: "Dashboard, paid in euros" }).catch(
      (e) => e,
    );
    expect(toEuros).toMatchObject({ status: 409, fields: { currency: expect.any(Array) } });
    const unchanged = await getProject(ctx, project.id, owner.user);
    expect(unchanged).toMatchObject({ budgetType: "fixed", currency: "USD", title: project.title });
    // Other fields, and the same terms sent again, still save.
    expect(await updateProject(ctx, owner.user, project.id, { budgetType: "fixed", currency: "USD", budgetMax: 260_000 })).toMatchObject({
      budgetMax: 260_000,
    });
  });

  it("closing notifies freelancers whose proposals are still open, and reopening works", async () => {
    const { ctx } = setup();
    const owner = await createTestUser(ctx, { roles: ["client"] });
    const project = await postProject(ctx, owner.user, projectBody());
    const open = await createTestUser(ctx, { roles: ["freelancer"] });
    const gone = await createTestUser(ctx, { roles: ["freelancer"] });
    await sendProposal(ctx, open.user, project.id, { coverLetter: coverLetter(), bidAmount: 150_000, estimatedDays: 10 });
    const withdrawn = await sendProposal(ctx, gone.user, project.id, { coverLetter: coverLetter(), bidAmount: 150_000, estimatedDays: 10 });
    await withdrawProposal(ctx, gone.user, withdrawn.id);
    await expect(closeProject(ctx, open.user, project.id)).rejects.toMatchObject({ status: 403 });
    const closed = await closeProject(ctx, owner.user, project.id);
    expect(closed.status).toBe("closed");
    expect(closed.closedAt).not.toBeNull();
    const told = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.type, "project_closed"), eq(notifications.link, `/projects/${project.id}`)));
    expect(told.map((n) => n.userId)).toEqual([open.user.id]);
    const reopened = await reopenProject(ctx, owner.user, project.id);
    expect(reopened).toMatchObject({ status: "open", closedAt: null });
  });

  it("deletes a project without proposals, but only closes one that has them", async () => {
    const { ctx } = setup();
    const owner = await createTestUser(ctx, { roles: ["client"] });
    const empty = await postProject(ctx, owner.user, projectBody());
    const talker = await createTestUser(ctx, { roles: ["freelancer"] });
    const now = new Date();
    const [conversation] = await ctx.db
      .insert(conversations)
      .values({
        id: ctx.newId(),
        clientId: owner.user.id,
        freelancerId: talker.user.id,
        projectId: empty.id,
        contextKey: `project:${empty.id}`,
        lastActivityAt: now,
        createdAt: now,
      })
      .returning();
    await deleteProject(ctx, owner.user, empty.id);
    await expect(getProject(ctx, empty.id, owner.user)).rejects.toMatchObject({ status: 404 });
    const [kept] = await ctx.db.select().from(conversations).where(eq(conversations.id, conversation.id));
    expect(kept.projectId).toBeNull();
    const busy = await postProject(ctx, owner.user, projectBody());
    const freelancer = await createTestUser(ctx, { roles: ["freelancer"] });
    await sendProposal(ctx, freelancer.user, busy.id, { coverLetter: coverLetter(), bidAmount: 150_000, estimatedDays: 10 });
    await expect(deleteProject(ctx, owner.user, busy.id)).rejects.toMatchObject({ status: 409, code: "has_proposals" });
  });
});

describe("invite-only projects", () => {
  it("are visible to the owner and invited freelancers only", async () => {
    const { ctx } = setup();
    const owner = await createTestUser(ctx, { roles: ["client"] });
    const invited = await createTestUser(ctx, { roles: ["freelancer"] });
    const stranger = await createTestUser(ctx, { roles: ["freelancer"] });
    const project = await postProject(ctx, owner.user, projectBody({ visibility: "invite_only" }));
    expect((await getProject(ctx, project.id, owner.user)).visibility).toBe("invite_only");
    await expect(getProject(ctx, project.id, null)).rejects.toMatchObject({ status: 404 });
    await expect(getProject(ctx, project.id, stranger.user)).rejects.toMatchObject({ status: 404 });
    await expect(
      sendProposal(ctx, stranger.user, project.id, { coverLetter: coverLetter(), bidAmount: 1000, estimatedDays: 3 }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await inviteFreelancer(ctx, owner.user, project.id, invited.user.id);
    expect((await getProject(ctx, project.id, invited.user)).id).toBe(project.id);
    const [note] = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, invited.user.id), eq(notifications.type, "project_invited")));
    expect(note.link).toBe(`/projects/${project.id}`);
  });
});
