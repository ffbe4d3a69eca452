import { env } from "cloudflare:test";
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { events, freelancerProfiles, notifications, projects, reviews } from "../../db/schema";
import { endContract } from "../domain/contracts/lifecycle";
import { activeContract } from "../domain/contracts/test-fixtures";
import type { DomainContext } from "../domain/context";
import { saveFreelancerProfile } from "../domain/profiles/freelancer";
import { writeReview } from "../domain/reviews/write";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { projectBody, uniqueWord } from "../test-support/market";
import { createTestUser, type TestUser } from "../test-support/users";

let admin: TestUser;
let outsider: TestUser;
beforeAll(async () => {
  admin = await createTestUser(env, { roles: ["admin"] });
  outsider = await createTestUser(env, { roles: ["client", "freelancer"] });
});

/**
 * A freelancer with a public profile and four ended contracts with one client, both sides reviewed (so every
 * review is published). The client rated 5, 5, 4 and 1.
 */
async function reviewedFreelancer(ctx: DomainContext) {
  const client = await createTestUser(ctx, { roles: ["client"] });
  const freelancer = await createTestUser(ctx, { roles: ["freelancer"] });
  const handle = uniqueWord("mod");
  await saveFreelancerProfile(ctx, freelancer.user, { handle, headline: "Careful TypeScript developer", skills: ["TypeScript"] });
  const byRating = new Map<number, { reviewId: string; contractId: string }>();
  for (const [i, rating] of [5, 5, 4, 1].entries()) {
    const f = await activeContract(ctx, { client, freelancer });
    await endContract(ctx, f.client, f.contractId, { reason: "All done" });
    const comment = rating === 1 ? `Rude and abusive words ${uniqueWord()}` : `Good work, contract ${i + 1}.`;
    await writeReview(ctx, f.client, f.contractId, { rating, comment });
    await writeReview(ctx, f.freelancer, f.contractId, { rating: 5, comment: "A fair client." });
    const [mine] = await ctx.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.contractId, f.contractId), eq(reviews.authorId, client.user.id)));
    byRating.set(rating, { reviewId: mine.id, contractId: f.contractId });
  }
  return { client, freelancer, handle, low: byRating.get(1)!, high: byRating.get(5)! };
}

const reviewRow = async (ctx: DomainContext, id: string) => (await ctx.db.select().from(reviews).where(eq(reviews.id, id)))[0];
const adminEvents = async (ctx: DomainContext, subjectId: string) =>
  ctx.db
    .select()
    .from(events)
    .where(and(eq(events.subjectId, subjectId), like(events.type, "admin.%")));

describe("review moderation API", () => {
  it("answers 401 to strangers and 403 to non-admins on every moderation path, and changes nothing", async () => {
    const { ctx } = testContext(env);
    const { low, high } = await reviewedFreelancer(ctx);
    const hiddenOne = await call(`/api/admin/reviews/${high.reviewId}/hide`, { token: admin.accessToken, body: { reason: "Spam link" } });
    expect(hiddenOne.status).toBe(200);
    const reason = { reason: "Abusive language" };
    const paths: Array<[string, string, unknown?]> = [
      ["GET", "/api/admin/reviews"],
      ["GET", "/api/admin/reviews?status=hidden"],
      ["POST", `/api/admin/reviews/${low.reviewId}/hide`, reason],
      ["POST", `/api/admin/reviews/${high.reviewId}/unhide`, reason],
      // Even bad input is refused for who asks before it is read.
      ["POST", `/api/admin/reviews/${low.reviewId}/hide`, {}],
    ];
    for (const [method, path, body] of paths) {
      const anonymous = await call(path, { method, body });
      expect(anonymous.status, `${method} ${path} anonymous`).toBe(401);
      const refused = await call(path, { method, body, token: outsider.accessToken });
      expect(refused.status, `${method} ${path} non-admin`).toBe(403);
      expect(refused.body.error.code).toBe("forbidden");
    }
    expect((await reviewRow(ctx, low.reviewId)).hiddenAt).toBeNull();
    expect((await reviewRow(ctx, high.reviewId)).hiddenReason).toBe("Spam link");
    expect(await adminEvents(ctx, low.reviewId)).toEqual([]);
    expect((await adminEvents(ctx, high.reviewId)).map((e) => e.type)).toEqual(["admin.review_hidden"]);
  });

  it("refuses bad input with a clear 422, unknown reviews with 404, repeats with 409, and changes nothing", async () => {
    const { ctx } = testContext(env);
    const { low, freelancer } = await reviewedFreelancer(ctx);
    const hide = (body?: unknown) => call(`/api/admin/reviews/${low.reviewId}/hide`, { method: "POST", body, token: admin.accessToken });
    for (const body of [undefined, {}, { reason: "" }, { reason: "  no  " }, { reason: "x".repeat(501) }, { reason: 42 }]) {
      const res = await hide(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
    }
    const short = await hide({ reason: "no" });
    expect(short.body.error.fields.reason[0]).toMatch(/give a reason/i);
    for (const query of ["status=gone", "limit=0", "limit=101", `userId=${"x".repeat(65)}`]) {
      expect((await call(`/api/admin/reviews?${query}`, { token: admin.accessToken })).status, query).toBe(422);
    }
    expect((await call(`/api/admin/reviews/NOSUCHREVIEW/hide`, { token: admin.accessToken, body: { reason: "Abuse" } })).status).toBe(404);
    const notHidden = await call(`/api/admin/reviews/${low.reviewId}/unhide`, { token: admin.accessToken, body: { reason: "Fine now" } });
    expect(notHidden.status).toBe(409);
    expect(notHidden.body.error.code).toBe("not_hidden");
    expect((await reviewRow(ctx, low.reviewId)).hiddenAt).toBeNull();
    expect(await adminEvents(ctx, low.reviewId)).toEqual([]);
    expect((await call(`/api/users/${freelancer.user.id}/reviews`)).body.summary).toEqual({ average: 3.8, count: 4 });

    expect((await hide({ reason: "Abusive language" })).status).toBe(200);
    const again = await hide({ reason: "Still abusive" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("already_hidden");
    expect((await reviewRow(ctx, low.reviewId)).hiddenReason).toBe("Abusive language");
    expect((await adminEvents(ctx, low.reviewId)).map((e) => e.type)).toEqual(["admin.review_hidden"]);
  });

  it("takes a hidden review out of profiles, averages, counts and job success, tells both sides, and puts it back on unhide", async () => {
    const { ctx } = testContext(env);
    const { client, freelancer, handle, low } = await reviewedFreelancer(ctx);
    const profile = async () =>
      (await ctx.db.select().from(freelancerProfiles).where(eq(freelancerProfiles.userId, freelancer.user.id)))[0];
    const publicReviews = async () => (await call(`/api/users/${freelancer.user.id}/reviews?limit=50`)).body;
    const jobSuccess = async () => (await call(`/api/users/${freelancer.user.id}/job-success`)).body.jobSuccess;

    // (5 + 5 + 4 + 1) / 4 = 3.75 -> 3.8; 3 of 4 contracts went well = 75%.
    expect((await publicReviews()).summary).toEqual({ average: 3.8, count: 4 });
    expect(await jobSuccess()).toMatchObject({ score: 75, positive: 3, withOutcome: 4 });
    expect(await profile()).toMatchObject({ ratingAvg: 3.8, ratingCount: 4 });

    const hidden = await call(`/api/admin/reviews/${low.reviewId}/hide`, {
      token: admin.accessToken,
      body: { reason: "Abusive language" },
    });
    expect(hidden.status).toBe(200);
    expect(hidden.body.review).toMatchObject({
      id: low.reviewId,
      hidden: true,
      hiddenReason: "Abusive language",
      hiddenBy: admin.user.id,
      rating: 1,
      subject: { id: freelancer.user.id },
      author: { id: client.user.id },
    });

    // (5 + 5 + 4) / 3 = 4.67 -> 4.7; the hidden contract has no outcome left: 3 of 3 = 100%.
    const after = await publicReviews();
    expect(after.summary).toEqual({ average: 4.7, count: 3 });
    expect(after.items.map((r: { id: string }) => r.id)).not.toContain(low.reviewId);
    expect(await jobSuccess()).toMatchObject({ score: 100, positive: 3, withOutcome: 3 });
    expect(await profile()).toMatchObject({ ratingAvg: 4.7, ratingCount: 3 });
    const publicProfile = await call(`/api/freelancers/${handle}`);
    expect(publicProfile.body.profile.rating).toEqual({ average: 4.7, count: 3 });

    // The subject learns why it is gone but cannot read it; the author still reads their own, with the reason.
    const seenBySubject = await call(`/api/contracts/${low.contractId}/reviews`, { token: freelancer.accessToken });
    const aboutMe = seenBySubject.body.items.find((r: { id: string }) => r.id === low.reviewId);
    expect(aboutMe).toMatchObject({ hidden: true, moderation: { reason: "Abusive language" } });
    expect(aboutMe).not.toHaveProperty("rating");
    expect(aboutMe).not.toHaveProperty("comment");
    const seenByAuthor = await call(`/api/contracts/${low.contractId}/reviews`, { token: client.accessToken });
    expect(seenByAuthor.body.items.find((r: { id: string }) => r.id === low.reviewId)).toMatchObject({
      rating: 1,
      moderation: { reason: "Abusive language" },
    });

    for (const user of [client, freelancer]) {
      const told = await ctx.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, user.user.id), eq(notifications.type, "review_moderated")));
      expect(told).toHaveLength(1);
      expect(told[0].body).toContain("Abusive language");
      expect(told[0].link).toBe(`/contracts/${low.contractId}/review`);
    }

    const list = await call(`/api/admin/reviews?status=hidden&userId=${freelancer.user.id}`, { token: admin.accessToken });
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([low.reviewId]);
    const visible = await call(`/api/admin/reviews?status=visible&userId=${freelancer.user.id}`, { token: admin.accessToken });
    expect(visible.body.items.map((r: { id: string }) => r.id)).not.toContain(low.reviewId);
    expect(visible.body.items).toHaveLength(7);

    const shown = await call(`/api/admin/reviews/${low.reviewId}/unhide`, {
      token: admin.accessToken,
      body: { reason: "Author apologised" },
    });
    expect(shown.status).toBe(200);
    expect(shown.body.review).toMatchObject({ hidden: false, hiddenReason: null, hiddenBy: null });
    expect((await publicReviews()).summary).toEqual({ average: 3.8, count: 4 });
    expect(await jobSuccess()).toMatchObject({ score: 75, withOutcome: 4 });
    expect(await profile()).toMatchObject({ ratingAvg: 3.8, ratingCount: 4 });

    const audit = await call(`/api/admin/audit?type=admin.&subjectId=${low.reviewId}`, { token: admin.accessToken });
    expect(audit.body.items.map((e: { type: string; data: { reason: string } }) => [e.type, e.data.reason])).toEqual([
      ["admin.review_unhidden", "Author apologised"],
      ["admin.review_hidden", "Abusive language"],
    ]);
  });

  it("pages through reviews with a cursor and finds them by words", async () => {
    const { ctx } = testContext(env);
    const { freelancer, low } = await reviewedFreelancer(ctx);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await call(
        `/api/admin/reviews?userId=${freelancer.user.id}&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
        { token: admin.accessToken },
      );
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((r) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect([...seen].sort().reverse()).toEqual(seen);
    const row = await reviewRow(ctx, low.reviewId);
    const word = row.comment.split(" ").at(-1)!;
    const found = await call(`/api/admin/reviews?q=${word}`, { token: admin.accessToken });
    expect(found.body.items.map((r: { id: string }) => r.id)).toEqual([low.reviewId]);
  });
});

describe("project moderation effects", () => {
  it("a hidden project leaves search, recommendations, the dashboard, saved lists and price estimates; its owner sees why", async () => {
    const owner = await createTestUser(env, { roles: ["client"] });
    expect((await call("/api/clients/me/profile", { method: "PUT", token: owner.accessToken, body: { country: "GB" } })).status).toBe(200);
    const fan = await createTestUser(env, { roles: ["freelancer"] });
    const skills = ["Vyper", "Solidity", "Smart Contracts"];
    expect(
      (
        await call("/api/freelancers/me/profile", {
          method: "PUT",
          token: fan.accessToken,
          body: {
            handle: uniqueWord("v"),
            headline: "Vyper and Solidity auditor",
            skills,
            hourlyRate: 6_500,
            currency: "USD",
            availabilityHoursPerWeek: 30,
            timezone: "Europe/London",
          },
        })
      ).status,
    ).toBe(200);
    const word = uniqueWord("hid");
    const body = projectBody({
      title: `Vyper vault review ${word}`,
      description: "Audit our Vyper vault contracts and the Solidity router; a written report with fixes is the deliverable.",
      category: "blockchain-web3",
      skills,
      budgetType: "hourly",
      budgetMin: 5_000,
      budgetMax: 8_000,
      currency: "USD",
    });
    const created = await call("/api/projects", { token: owner.accessToken, body });
    expect(created.status).toBe(201);
    const projectId: string = created.body.project.id;
    expect((await call(`/api/favorites/projects/${projectId}`, { method: "POST", token: fan.accessToken })).status).toBe(201);

    const searchIds = async () => (await call(`/api/projects?q=${word}`)).body.items.map((p: { id: string }) => p.id);
    const recommendedIds = async () =>
      (await call("/api/ai/recommended-projects?limit=50", { token: fan.accessToken })).body.items.map(
        (i: { project: { id: string } }) => i.project.id,
      );
    const dashboardIds = async () =>
      (await call("/api/freelancers/me/dashboard", { token: fan.accessToken })).body.recommendedProjects.map((p: { id: string }) => p.id);
    const savedIds = async () =>
      (await call("/api/favorites?type=projects", { token: fan.accessToken })).body.items.map(
        (s: { project: { id: string } }) => s.project.id,
      );
    expect(await searchIds()).toEqual([projectId]);
    expect(await recommendedIds()).toContain(projectId);
    expect(await dashboardIds()).toContain(projectId);
    expect(await savedIds()).toContain(projectId);

    const hidden = await call(`/api/admin/projects/${projectId}/hide`, { token: admin.accessToken, body: { reason: "Asks for keys" } });
    expect(hidden.status).toBe(200);
    expect(hidden.body.project).toMatchObject({ hidden: true, hiddenBy: admin.user.id });
    expect(await searchIds()).toEqual([]);
    expect(await recommendedIds()).not.toContain(projectId);
    expect(await dashboardIds()).not.toContain(projectId);
    expect(await savedIds()).not.toContain(projectId);
    expect((await call(`/api/projects/${projectId}`, { token: fan.accessToken })).status).toBe(404);
    expect((await call(`/api/projects/${projectId}`)).status).toBe(404);
    const seenByOwner = await call(`/api/projects/${projectId}`, { token: owner.accessToken });
    expect(seenByOwner.body.project.moderation).toMatchObject({ reason: "Asks for keys" });
    const seenByAdmin = await call(`/api/projects/${projectId}`, { token: admin.accessToken });
    expect(seenByAdmin.body.project.moderation).toMatchObject({ reason: "Asks for keys" });
    const told = await call("/api/notifications", { token: owner.accessToken });
    expect(told.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "project_moderated", body: expect.stringContaining("Asks for keys") })]),
    );
    const row = (await testContext(env).ctx.db.select().from(projects).where(eq(projects.id, projectId)))[0];
    expect(row.hiddenBy).toBe(admin.user.id);

    expect((await call(`/api/admin/projects/${projectId}/unhide`, { token: admin.accessToken, body: { reason: "Fixed" } })).status).toBe(
      200,
    );
    expect(await searchIds()).toEqual([projectId]);
    expect(await recommendedIds()).toContain(projectId);
    expect((await call(`/api/projects/${projectId}`, { token: owner.accessToken })).body.project.moderation).toBeNull();
  });

  it("leaves hidden projects out of price estimate comparables", async () => {
    const owner = await createTestUser(env, { roles: ["client"] });
    // Hourly transcription priced in KES: a corner of the market no other test writes to.
    const base = { category: "translation-languages", skills: ["Transcription"], currency: "KES", budgetType: "hourly" as const };
    const ids: string[] = [];
    for (const rate of [1_000, 1_200, 1_400, 1_600, 1_800, 2_000]) {
      const res = await call("/api/projects", {
        token: owner.accessToken,
        body: projectBody({ ...base, title: `Interview transcription ${uniqueWord()}`, budgetMin: rate, budgetMax: rate }),
      });
      expect(res.status).toBe(201);
      ids.push(res.body.project.id);
    }
    const estimate = async () =>
      (await call("/api/ai/estimate-price", { token: owner.accessToken, body: { title: "Interview transcription", ...base } })).body;
    expect((await estimate()).basedOn.count).toBe(6);
    for (const id of ids.slice(0, 2)) {
      expect((await call(`/api/admin/projects/${id}/hide`, { token: admin.accessToken, body: { reason: "Duplicate spam" } })).status).toBe(
        200,
      );
    }
    const after = await estimate();
    expect(after.enoughData).toBe(false);
    expect(after.basedOn.count).toBe(4);
  });
});
