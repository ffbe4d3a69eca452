import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contracts, freelancerProfiles, freelancerSkills, notifications, proposals } from "../../../db/schema";
import { testContext } from "../../test-support/context";
import { coverLetter, projectBody } from "../../test-support/market";
import { createTestUser } from "../../test-support/users";
import type { DomainContext } from "../context";
import { closeProject, postProject } from "../projects/projects";
import { acceptProposal, declineProposal, shortlistProposal } from "./decide";
import { getProposal, listProjectProposals } from "./list";
import { COVER_LETTER_TOO_SHORT, ESTIMATED_DAYS_REQUIRED, WEEKLY_HOURS_FOR_HOURLY, WEEKLY_HOURS_REQUIRED } from "./input";
import { listMyProposals } from "./mine";
import { bidText } from "./bid-text";
import { jaccard, wordShingles } from "./quality";
import { rankProposal } from "./ranking";
import { editProposal, PROPOSALS_PER_DAY, sendProposal, withdrawProposal } from "./send";

async function market(ctx: DomainContext) {
  const client = (await createTestUser(ctx, { roles: ["client"] })).user;
  const freelancer = (await createTestUser(ctx, { roles: ["freelancer"] })).user;
  const project = await postProject(ctx, client, projectBody());
  return { client, freelancer, project };
}

const bid = (over: object = {}) => ({ coverLetter: coverLetter(), bidAmount: 200_000, estimatedDays: 14, ...over });

describe("sending a proposal", () => {
  it("stores it in the project's currency and notifies the client in-app and by email", async () => {
    const { ctx, emails } = testContext(env);
    const { client, freelancer, project } = await market(ctx);
    const proposal = await sendProposal(
      ctx,
      freelancer,
      project.id,
      bid({
        milestones: [
          { title: "Design", amount: 50_000 },
          { title: "Build", amount: 150_000 },
        ],
      }),
    );
    expect(proposal).toMatchObject({
      projectId: project.id,
      freelancerId: freelancer.id,
      status: "pending",
      currency: "USD",
      bidAmount: 200_000,
    });
    expect(proposal.milestones).toHaveLength(2);
    const [note] = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, client.id), eq(notifications.type, "proposal_received")));
    expect(note.title).toContain(project.title);
    expect(emails.find((m) => m.to === client.email)?.template).toBe("notification.proposal_received");
  });

  it("enforces role, verified email, own project, closed project and one proposal per project", async () => {
    const { ctx } = testContext(env);
    const { client, freelancer, project } = await market(ctx);
    const otherClient = (await createTestUser(ctx, { roles: ["client"] })).user;
    await expect(sendProposal(ctx, otherClient, project.id, bid())).rejects.toMatchObject({ status: 403, code: "forbidden" });
    const unverified = (await createTestUser(ctx, { roles: ["freelancer"], verified: false })).user;
    await expect(sendProposal(ctx, unverified, project.id, bid())).rejects.toMatchObject({ status: 403, code: "email_unverified" });
    const both = (await createTestUser(ctx, { roles: ["client", "freelancer"] })).user;
    const own = await postProject(ctx, both, projectBody());
    await expect(sendProposal(ctx, both, own.id, bid())).rejects.toMatchObject({ status: 403, code: "own_project" });
    await expect(sendProposal(ctx, freelancer, "no-such-project", bid())).rejects.toMatchObject({ status: 404 });
    await sendProposal(ctx, freelancer, project.id, bid());
    await expect(sendProposal(ctx, freelancer, project.id, bid())).rejects.toMatchObject({ status: 409, code: "already_applied" });
    await closeProject(ctx, client, project.id);
    const late = (await createTestUser(ctx, { roles: ["freelancer"] })).user;
    await expect(sendProposal(ctx, late, project.id, bid())).rejects.toMatchObject({ status: 409, code: "project_closed" });
  });

  it("wants a real cover letter: 100+ characters and not a copy of an earlier one", async () => {
    const { ctx } = testContext(env);
    const { client, freelancer, project } = await market(ctx);
    const short = await sendProposal(ctx, freelancer, project.id, bid({ coverLetter: "I can do it. ".repeat(5) })).catch((e) => e);
    expect(short).toMatchObject({ status: 422, code: "validation_failed", fields: { coverLetter: [COVER_LETTER_TOO_SHORT] } });
    const letter = coverLetter("first project");
    await sendProposal(ctx, freelancer, project.id, bid({ coverLetter: letter }));
    const second = await postProject(ctx, client, projectBody());
    const copy = await sendProposal(ctx, freelancer, second.id, bid({ coverLetter: `${letter} Thanks!` })).catch((e) => e);
    expect(copy).toMatchObject({ status: 422, code: "cover_letter_duplicate", fields: { coverLetter: expect.any(Array) } });
    const fresh = await sendProposal(ctx, freelancer, second.id, bid({ coverLetter: coverLetter("a completely different pitch") }));
    expect(fresh.status).toBe("pending");
  });

  it("checks the milestone plan against the bid and the budget type", async () => {
    const { ctx } = testContext(env);
    const { client, freelancer, project } = await market(ctx);
    const wrongSum = await sendProposal(ctx, freelancer, project.id, bid({ milestones: [{ title: "All", amount: 1 }] })).catch((e) => e);
    expect(wrongSum).toMatchObject({ status: 422, fields: { milestones: expect.any(Array) } });
    const hourly = await postProject(ctx, client, projectBody({ budgetType: "hourly", budgetMin: 2_000, budgetMax: 5_000 }));
    const onHourly = await sendProposal(
      ctx,
      freelancer,
      hourly.id,
      bid({ bidAmount: 4_000, weeklyHours: 20, milestones: [{ title: "All", amount: 4_000 }] }),
    ).catch((e) => e);
    expect(onHourly).toMatchObject({ status: 422, code: "milestones_not_allowed" });
  });

  it(`holds back more than ${PROPOSALS_PER_DAY} proposals a day with a 429, and lets them through a day later`, async () => {
    const { ctx, clock } = testContext(env);
    const client = (await createTestUser(ctx, { roles: ["client"] })).user;
    const freelancer = (await createTestUser(ctx, { roles: ["freelancer"] })).user;
    const projects = [];
    for (let i = 0; i <= PROPOSALS_PER_DAY; i++) projects.push(await postProject(ctx, client, projectBody()));
    for (let i = 0; i < PROPOSALS_PER_DAY; i++)
      await sendProposal(ctx, freelancer, projects[i].id, bid({ coverLetter: coverLetter(`pitch number ${i}`) }));
    const limited = await sendProposal(ctx, freelancer, projects[PROPOSALS_PER_DAY].id, bid()).catch((e) => e);
    expect(limited).toMatchObject({ status: 429, code: "daily_limit" });
    expect(Number(limited.headers["Retry-After"])).toBeGreaterThan(0);
    clock.advance(24 * 60 * 60 * 1000 + 1000);
    expect((await sendProposal(ctx, freelancer, projects[PROPOSALS_PER_DAY].id, bid())).status).toBe("pending");
  });
});

describe("hourly bids", () => {
  it("offer hours a week (1–80) instead of days; fixed-price bids keep their days and refuse weekly hours", async () => {
    const { ctx } = testContext(env);
    const { client, freelancer, project: fixed } = await market(ctx);
    const hourly = await postProject(ctx, client, projectBody({ budgetType: "hourly", budgetMin: 2_000, budgetMax: 5_000 }));
    const rate = { coverLetter: coverLetter(), bidAmount: 3_000 };

    const missing = await sendProposal(ctx, freelancer, hourly.id, { ...rate, estimatedDays: 14 }).catch((e) => e);
    expect(missing).toMatchObject({ status: 422, code: "validation_failed", fields: { weeklyHours: [WEEKLY_HOURS_REQUIRED] } });
    for (const weeklyHours of [0, 81, 2.5]) {
      const wrong = await sendProposal(ctx, freelancer, hourly.id, { ...rate, weeklyHours }).catch((e) => e);
      expect(wrong).toMatchObject({ status: 422, fields: { weeklyHours: expect.any(Array) } });
    }
    const sent = await sendProposal(ctx, freelancer, hourly.id, { ...rate, weeklyHours: 20 });
    expect(sent).toMatchObject({ bidAmount: 3_000, weeklyHours: 20, estimatedDays: null });
    expect(bidText(sent, sent.project?.budgetType)).toBe("$30.00/h · 20 h/week");

    const noDays = await sendProposal(ctx, freelancer, fixed.id, { coverLetter: coverLetter(), bidAmount: 150_000 }).catch((e) => e);
    expect(noDays).toMatchObject({ status: 422, fields: { estimatedDays: [ESTIMATED_DAYS_REQUIRED] } });
    const hoursOnFixed = await sendProposal(ctx, freelancer, fixed.id, bid({ weeklyHours: 20 })).catch((e) => e);
    expect(hoursOnFixed).toMatchObject({ status: 422, fields: { weeklyHours: [WEEKLY_HOURS_FOR_HOURLY] } });
    const fixedBid = await sendProposal(ctx, freelancer, fixed.id, bid({ bidAmount: 150_000 }));
    expect(fixedBid).toMatchObject({ estimatedDays: 14, weeklyHours: null });
    expect(bidText(fixedBid, "fixed")).toBe("$1,500.00 · 14 days");

    // Edits keep to the same rule, and hiring on the bid takes its weekly hours as the contract's weekly limit.
    expect(await editProposal(ctx, freelancer, sent.id, { weeklyHours: 25 })).toMatchObject({ weeklyHours: 25 });
    await expect(editProposal(ctx, freelancer, sent.id, { weeklyHours: 90 })).rejects.toMatchObject({ status: 422 });
    await expect(editProposal(ctx, freelancer, fixedBid.id, { weeklyHours: 10 })).rejects.toMatchObject({
      status: 422,
      fields: { weeklyHours: [WEEKLY_HOURS_FOR_HOURLY] },
    });
    const { contract } = await acceptProposal(ctx, client, sent.id);
    const [row] = await ctx.db.select().from(contracts).where(eq(contracts.id, contract.id));
    expect(row).toMatchObject({ amount: 3_000, weeklyHourLimit: 25 });
    const { contract: fixedContract } = await acceptProposal(ctx, client, fixedBid.id);
    const [fixedRow] = await ctx.db.select().from(contracts).where(eq(contracts.id, fixedContract.id));
    expect(fixedRow.weeklyHourLimit).toBeNull();
  });
});

describe("editing and withdrawing", () => {
  it("lets only the freelancer edit or withdraw, and only until the client decides", async () => {
    const { ctx } = testContext(env);
    const { client, freelancer, project } = await market(ctx);
    const proposal = await sendProposal(ctx, freelancer, project.id, bid());
    const edited = await editProposal(ctx, freelancer, proposal.id, { bidAmount: 180_000, estimatedDays: 20 });
    expect(edited).toMatchObject({ bidAmount: 180_000, estimatedDays: 20 });
    await expect(editProposal(ctx, client, proposal.id, { bidAmount: 1 })).rejects.toMatchObject({ status: 403 });
    await expect(editProposal(ctx, freelancer, proposal.id, { coverLetter: "too short" })).rejects.toMatchObject({ status: 422 });
    await declineProposal(ctx, client, proposal.id, "Went with someone local");
    await expect(editProposal(ctx, freelancer, proposal.id, { bidAmount: 1 })).rejects.toMatchObject({ status: 409 });
    await expect(withdrawProposal(ctx, freelancer, proposal.id)).rejects.toMatchObject({ status: 409 });

    const other = (await createTestUser(ctx, { roles: ["freelancer"] })).user;
    const second = await sendProposal(ctx, other, project.id, bid());
    expect((await withdrawProposal(ctx, other, second.id)).status).toBe("withdrawn");
  });
});

describe("the client's decisions", () => {
  it("ranks proposals by skill overlap, bid against budget and rating", async () => {
    const { ctx } = testContext(env);
    const { client, project } = await market(ctx);
    const strong = (await createTestUser(ctx, { roles: ["freelancer"] })).user;
    const weak = (await createTestUser(ctx, { roles: ["freelancer"] })).user;
    await ctx.db
      .insert(freelancerProfiles)
      .values({ userId: strong.id, handle: `h${strong.id.toLowerCase()}`, headline: "React pro", languages: [], ratingAvg: 4.8 });
    await ctx.db.insert(freelancerSkills).values([
      { userId: strong.id, skillSlug: "react", years: 5 },
      { userId: strong.id, skillSlug: "typescript", years: 5 },
    ]);
    const weakProposal = await sendProposal(ctx, weak, project.id, bid({ bidAmount: 900_000 }));
    const strongProposal = await sendProposal(ctx, strong, project.id, bid({ bidAmount: 200_000 }));
    const page = await listProjectProposals(ctx, client, project.id, {});
    expect(page.items.map((p) => p.id)).toEqual([strongProposal.id, weakProposal.id]);
    expect(page.items[0].ranking).toMatchObject({ skillOverlap: 1, bidFit: 1 });
    expect(page.items[0].ranking.score).toBe(
      rankProposal({
        projectSkills: ["react", "typescript"],
        freelancerSkills: ["react", "typescript"],
        bidAmount: 200_000,
        budgetMax: 250_000,
        ratingAvg: 4.8,
      }).score,
    );
    expect(page.total).toBe(2);
    await expect(listProjectProposals(ctx, strong, project.id, {})).rejects.toMatchObject({ status: 403 });
  });

  it("shortlists, declines with a reason (the freelancer is told) and lets each party read the proposal", async () => {
    const { ctx } = testContext(env);
    const { client, freelancer, project } = await market(ctx);
    const proposal = await sendProposal(ctx, freelancer, project.id, bid());
    expect((await shortlistProposal(ctx, client, proposal.id)).status).toBe("shortlisted");
    await expect(shortlistProposal(ctx, freelancer, proposal.id)).rejects.toMatchObject({ status: 403 });
    const declined = await declineProposal(ctx, client, proposal.id, "Budget too high");
    expect(declined).toMatchObject({ status: "declined", declineReason: "Budget too high" });
    const [note] = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, freelancer.id), eq(notifications.type, "proposal_declined")));
    expect(note.body).toContain("Budget too high");
    expect((await getProposal(ctx, freelancer, proposal.id)).status).toBe("declined");
    expect((await getProposal(ctx, client, proposal.id)).status).toBe("declined");
    const stranger = (await createTestUser(ctx, { roles: ["client"] })).user;
    await expect(getProposal(ctx, stranger, proposal.id)).rejects.toMatchObject({ status: 404 });
    await expect(getProposal(ctx, stranger, "nope")).rejects.toMatchObject({ status: 404 });
  });

  it("accepting makes one contract draft, notifies the freelancer and declines nobody else", async () => {
    const { ctx } = testContext(env);
    const { client, freelancer, project } = await market(ctx);
    const other = (await createTestUser(ctx, { roles: ["freelancer"] })).user;
    const chosen = await sendProposal(ctx, freelancer, project.id, bid({ bidAmount: 210_000 }));
    const rival = await sendProposal(ctx, other, project.id, bid());
    await expect(acceptProposal(ctx, freelancer, chosen.id)).rejects.toMatchObject({ status: 403 });
    const { proposal, contract } = await acceptProposal(ctx, client, chosen.id);
    expect(proposal.status).toBe("accepted");
    expect(contract).toMatchObject({
      projectId: project.id,
      clientId: client.id,
      freelancerId: freelancer.id,
      proposalId: chosen.id,
      status: "offered",
      amount: 210_000,
      currency: "USD",
    });
    await expect(acceptProposal(ctx, client, chosen.id)).rejects.toMatchObject({ status: 409 });
    expect(await ctx.db.select().from(contracts).where(eq(contracts.proposalId, chosen.id))).toHaveLength(1);
    const [rivalRow] = await ctx.db.select().from(proposals).where(eq(proposals.id, rival.id));
    expect(rivalRow.status).toBe("pending");
    const [note] = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, freelancer.id), eq(notifications.type, "proposal_accepted")));
    expect(note).toBeDefined();
    await closeProject(ctx, client, project.id);
    await expect(acceptProposal(ctx, client, rival.id)).rejects.toMatchObject({ status: 409, code: "project_closed" });
  });

  it("lists a freelancer's own proposals newest first with pages", async () => {
    const { ctx, clock } = testContext(env);
    const client = (await createTestUser(ctx, { roles: ["client"] })).user;
    const freelancer = (await createTestUser(ctx, { roles: ["freelancer"] })).user;
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      const project = await postProject(ctx, client, projectBody());
      sent.push((await sendProposal(ctx, freelancer, project.id, bid({ coverLetter: coverLetter(`letter ${i}`) }))).id);
    }
    const first = await listMyProposals(ctx, freelancer, { limit: 2 });
    const second = await listMyProposals(ctx, freelancer, { limit: 2, cursor: first.nextCursor! });
    const third = await listMyProposals(ctx, freelancer, { limit: 2, cursor: second.nextCursor! });
    expect([...first.items, ...second.items, ...third.items].map((p) => p.id)).toEqual([...sent].reverse());
    expect(third.nextCursor).toBeNull();
    expect(first.items[0].project?.title).toBeTruthy();
  });
});

describe("cover-letter similarity", () => {
  it("is the Jaccard index of word triples", () => {
    const a = wordShingles("one two three four");
    expect([...a]).toEqual(["one two three", "two three four"]);
    expect(jaccard(a, wordShingles("One, two; three FOUR!"))).toBe(1);
    expect(jaccard(a, wordShingles("one two three five"))).toBeCloseTo(1 / 3);
  });
});
