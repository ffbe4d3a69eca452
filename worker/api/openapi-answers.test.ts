import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { fundedMilestone, activeContract } from "../domain/contracts/test-fixtures";
import { hourlyContract } from "../domain/hourly/test-fixtures";
import { utcDate, weekStartAt } from "../domain/time/weeks";
import { startRecording } from "../domain/recordings/recordings";
import { testContext } from "../test-support/context";
import { pngBytes } from "../test-support/images";
import { projectBody, uniqueWord } from "../test-support/market";
import { answerSampler, apiDocument, undocumentedAnswers, type ResponseSample } from "../test-support/openapi";
import { createTestUser, type TestUser } from "../test-support/users";

/**
 * Real answers of every area of the API, errors included, checked against the schemas the document declares for
 * them by the independent validator: a schema that drifts from what the code answers fails here.
 */
let document: Awaited<ReturnType<typeof apiDocument>>;
let admin: TestUser;
const sampled: ResponseSample[] = [];

async function checked(run: (api: ReturnType<typeof answerSampler>) => Promise<void>) {
  const api = answerSampler(SELF);
  await run(api);
  sampled.push(...api.samples);
  expect(api.samples.map((s) => `${s.method} ${s.path} ${s.status}`).filter((s) => s.endsWith(" 500"))).toEqual([]);
  expect(await undocumentedAnswers(document, api.samples)).toEqual([]);
}

const ok = (res: { status: number; body: unknown }, status = 200) => expect(res.status, JSON.stringify(res.body)).toBe(status);

beforeAll(async () => {
  document = await apiDocument(SELF);
  admin = await createTestUser(env, { roles: ["admin"] });
});

describe("real answers match the document", () => {
  it("taxonomy, currencies, profiles, dashboards, matching and live-room answers", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const handle = uniqueWord("fl");
    await checked(async ({ call }) => {
      ok(await call("GET", "/api/categories"));
      ok(await call("GET", "/api/skills", {}, { query: "q=type" }));
      ok(await call("GET", "/api/skills", {}, { query: "limit=3" }));
      ok(await call("GET", "/api/multicurrency/currencies"));
      ok(await call("GET", "/api/multicurrency/exchange-rate/{from}/{to}", { from: "USD", to: "EUR" }));
      ok(await call("POST", "/api/multicurrency/convert", {}, { body: { amount: 10_000, from: "USD", to: "JPY" } }));
      ok(await call("PUT", "/api/multicurrency/preference", {}, { token: client.accessToken, body: { currency: "EUR" } }));
      ok(await call("GET", "/api/auth/oauth/providers"));
      ok(await call("GET", "/api/openapi.json"));
      ok(await call("GET", "/api/docs"));
      ok(await call("GET", "/api/health/live"));

      const me = { token: freelancer.accessToken };
      ok(
        await call(
          "PUT",
          "/api/freelancers/me/profile",
          {},
          {
            ...me,
            body: { handle, headline: "Typescript and Postgres", skills: ["typescript", "postgresql"], hourlyRate: 6_000, country: "DE" },
          },
        ),
      );
      ok(await call("GET", "/api/freelancers/me/profile", {}, me));
      const item = await call(
        "POST",
        "/api/freelancers/me/portfolio",
        {},
        { ...me, body: { title: "Shop rebuild", url: "https://example.com" } },
      );
      ok(item, 201);
      ok(
        await call(
          "PATCH",
          "/api/freelancers/me/portfolio/{id}",
          { id: item.body.item.id },
          { ...me, body: { description: "Faster pages" } },
        ),
      );
      ok(await call("GET", "/api/freelancers/me/portfolio", {}, me));
      ok(await call("GET", "/api/freelancers/{handle}", { handle }));
      ok(await call("PUT", "/api/clients/me/profile", {}, { token: client.accessToken, body: { companyName: "Acme", country: "FR" } }));
      ok(await call("GET", "/api/clients/me/profile", {}, { token: client.accessToken }));
      ok(await call("GET", "/api/clients/{id}", { id: client.user.id }));

      const project = await call("POST", "/api/projects", {}, { token: client.accessToken, body: projectBody({ skills: ["typescript"] }) });
      ok(project, 201);
      const projectId = project.body.project.id as string;
      ok(await call("GET", "/api/clients/me/dashboard", {}, { token: client.accessToken }));
      ok(await call("GET", "/api/freelancers/me/dashboard", {}, me));
      ok(await call("POST", "/api/favorites/projects/{id}", { id: projectId }, me), 201);
      ok(await call("GET", "/api/favorites", {}, { ...me, query: "type=projects" }));
      ok(await call("GET", "/api/proposals/mine", {}, me));
      ok(await call("GET", "/api/ai/match-freelancers/{projectId}", { projectId }, { token: client.accessToken }));
      ok(await call("GET", "/api/ai/recommended-projects", {}, me));
      ok(
        await call("POST", "/api/ai/estimate-price", {}, { token: client.accessToken, body: { category: project.body.project.category } }),
      );
      ok(await call("GET", "/api/ai/estimate-freelancer-rate/{id}", { id: freelancer.user.id }, { token: client.accessToken }));
      ok(await call("GET", "/api/analytics/freelancer", {}, me));
      ok(await call("GET", "/api/analytics/client", {}, { token: client.accessToken }));
      ok(await call("GET", "/api/presence", {}, { token: client.accessToken, query: `userIds=${freelancer.user.id}` }));
      ok(await call("POST", "/api/rooms/ticket", {}, { token: client.accessToken, body: { room: "presence" } }));
      ok(await call("GET", "/api/payments/stripe/connect", {}, me));
      expect((await call("GET", "/api/freelancers/{handle}", { handle: "no-such-handle-here" })).status).toBe(404);
    });
  });

  it("a fixed-price contract: conversation, call, dispute and its decision, invoices, wallet, end and reviews", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 120_000);
    const asClient = { token: f.clientToken };
    const asFreelancer = { token: f.freelancerToken };
    await checked(async ({ call }) => {
      const started = await call("POST", "/api/conversations", {}, { ...asClient, body: { contractId: f.contractId } });
      expect([200, 201]).toContain(started.status);
      const again = await call("POST", "/api/conversations", {}, { ...asClient, body: { contractId: f.contractId } });
      ok(again);
      const id = started.body.conversation.id as string;
      const sent = await call(
        "POST",
        "/api/conversations/{id}/messages",
        { id },
        { ...asClient, body: { body: "The first delivery is funded." } },
      );
      ok(sent, 201);
      ok(await call("GET", "/api/conversations/{id}/messages", { id }, asFreelancer));
      ok(await call("GET", "/api/conversations/unread-count", {}, asFreelancer));
      ok(await call("POST", "/api/conversations/{id}/read", { id }, { ...asFreelancer, body: { lastReadId: sent.body.message.id } }));
      ok(await call("GET", "/api/conversations/{id}", { id }, asFreelancer));
      ok(await call("GET", "/api/conversations", {}, asFreelancer));

      const rung = await call("POST", "/api/calls", {}, { ...asClient, body: { conversationId: id } });
      ok(rung, 201);
      const callId = rung.body.call.id as string;
      ok(await call("GET", "/api/calls/{id}", { id: callId }, asFreelancer));
      ok(await call("GET", "/api/calls/{id}/invitees", { id: callId }, asClient));
      ok(await call("POST", "/api/calls/{id}/decline", { id: callId }, asFreelancer));
      ok(await call("GET", "/api/conversations/{id}/calls", { id }, asClient));

      const opened = await call(
        "POST",
        "/api/milestones/{id}/dispute",
        { id: f.milestoneId },
        {
          ...asClient,
          body: { reason: "The delivery does not match the brief." },
        },
      );
      ok(opened, 201);
      const disputeId = opened.body.dispute.id as string;
      ok(
        await call(
          "POST",
          "/api/disputes/{id}/respond",
          { id: disputeId },
          { ...asFreelancer, body: { statement: "It matches the brief as agreed." } },
        ),
      );
      ok(await call("GET", "/api/disputes/{id}", { id: disputeId }, asClient));
      ok(await call("GET", "/api/contracts/{id}/disputes", { id: f.contractId }, asFreelancer));
      ok(await call("GET", "/api/admin/disputes", {}, { token: admin.accessToken }));
      const decided = await call(
        "POST",
        "/api/admin/disputes/{id}/resolve",
        { id: disputeId },
        {
          token: admin.accessToken,
          body: { outcome: "split", freelancerPercent: 50, note: "Half of the work was delivered." },
        },
      );
      ok(decided);
      expect(decided.body.dispute.resolution).toMatchObject({ outcome: "split" });

      const invoices = await call("GET", "/api/invoices", {}, asFreelancer);
      ok(invoices);
      expect(invoices.body.items.length).toBeGreaterThan(0);
      const invoiceId = invoices.body.items[0].id as string;
      ok(await call("GET", "/api/invoices/{id}", { id: invoiceId }, asFreelancer));
      const pdf = await call("GET", "/api/invoices/{id}/pdf", { id: invoiceId }, asFreelancer);
      ok(pdf);
      expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
      ok(await call("PUT", "/api/billing-details", {}, { ...asClient, body: { legalName: "Acme GmbH", country: "DE" } }));
      ok(await call("GET", "/api/billing-details", {}, asClient));
      ok(
        await call(
          "PUT",
          "/api/billing-details",
          {},
          { ...asFreelancer, body: { country: "GB", taxStatus: "business", taxId: "GB123456789" } },
        ),
      );
      expect(
        (await call("PUT", "/api/billing-details", {}, { ...asClient, body: { country: "DE", taxStatus: "business", taxId: "X1" } }))
          .status,
      ).toBe(422);
      ok(await call("GET", "/api/tax/rates", {}, { query: "country=DE" }));
      expect((await call("GET", "/api/tax/rates", {}, { query: "country=XX" })).status).toBe(422);
      ok(await call("GET", "/api/tax/summary", {}, { ...asFreelancer, query: `year=${new Date().getUTCFullYear()}` }));
      expect((await call("GET", "/api/tax/summary", {}, { ...asClient, query: "year=2026" })).status).toBe(403);
      ok(await call("GET", "/api/milestones/{id}", { id: f.milestoneId }, asClient));
      ok(await call("GET", "/api/statements", {}, asClient));
      ok(await call("GET", "/api/wallet", {}, asFreelancer));
      const payout = await call("POST", "/api/payouts", {}, { ...asFreelancer, body: { amount: 1_000, currency: f.currency } });
      ok(payout, 201);
      ok(await call("GET", "/api/payouts", {}, asFreelancer));

      ok(await call("POST", "/api/contracts/{id}/end", { id: f.contractId }, { ...asClient, body: { reason: "The work is done." } }));
      ok(
        await call(
          "POST",
          "/api/contracts/{id}/reviews",
          { id: f.contractId },
          { ...asClient, body: { rating: 4, comment: "Good to work with." } },
        ),
        201,
      );
      ok(await call("GET", "/api/contracts/{id}/reviews", { id: f.contractId }, asFreelancer));
      ok(await call("GET", "/api/users/{id}/reviews", { id: f.freelancer.id }));
      ok(await call("GET", "/api/users/{id}/job-success", { id: f.freelancer.id }));
    });
  });

  it("an hourly contract: time entries, the timer, a timesheet and its approval", async () => {
    const { ctx } = testContext(env);
    const f = await hourlyContract(ctx, { rate: 5_000, weeklyHourLimit: 10 });
    const asClient = { token: f.clientToken };
    const asFreelancer = { token: f.freelancerToken };
    await checked(async ({ call }) => {
      const id = f.contractId;
      const entry = await call(
        "POST",
        "/api/contracts/{id}/time-entries",
        { id },
        {
          ...asFreelancer,
          body: { date: utcDate(new Date()), minutes: 90, memo: "Set up the project" },
        },
      );
      ok(entry, 201);
      ok(await call("PATCH", "/api/time-entries/{id}", { id: entry.body.entry.id }, { ...asFreelancer, body: { minutes: 120 } }));
      ok(await call("POST", "/api/contracts/{id}/timer/start", { id }, { ...asFreelancer, body: { memo: "Review" } }), 201);
      ok(await call("GET", "/api/contracts/{id}/time-entries", { id }, asClient));
      ok(await call("POST", "/api/contracts/{id}/timer/stop", { id }, { ...asFreelancer, body: {} }));
      const week = weekStartAt(new Date());
      const sheet = await call("POST", "/api/contracts/{id}/timesheets/{week}/submit", { id, week }, asFreelancer);
      ok(sheet);
      ok(await call("GET", "/api/contracts/{id}/timesheets", { id }, asClient));
      ok(await call("GET", "/api/timesheets/{id}", { id: sheet.body.timesheet.id }, asClient));
      ok(await call("POST", "/api/timesheets/{id}/approve", { id: sheet.body.timesheet.id }, { ...asClient, body: {} }));
      expect(
        (await call("POST", "/api/timesheets/{id}/dispute", { id: sheet.body.timesheet.id }, { ...asClient, body: { reason: "Late" } }))
          .status,
      ).toBe(409);
    });
  });

  it("support, notifications, security, passkeys and files", async () => {
    const user = await createTestUser(env, { roles: ["client"] });
    const me = { token: user.accessToken };
    await checked(async ({ call }) => {
      const form = new FormData();
      form.set("file", new File([new Uint8Array(pngBytes(64, 48))], "screen.png", { type: "image/png" }));
      const upload = await call("POST", "/api/uploads", {}, { ...me, raw: form });
      ok(upload, 201);
      const key = upload.body.file.key as string;
      const file = await call("GET", "/api/files/{key}", { key }, me);
      ok(file);
      expect(file.headers.get("Content-Type")).toBe("image/png");

      const opened = await call(
        "POST",
        "/api/support/tickets",
        {},
        {
          ...me,
          body: { category: "bug", subject: "The invoice page", description: "The invoice page shows no total.", attachments: [key] },
        },
      );
      ok(opened, 201);
      const id = opened.body.ticket.id as string;
      ok(
        await call("POST", "/api/support/tickets/{id}/messages", { id }, { token: admin.accessToken, body: { body: "Fixed, thank you." } }),
        201,
      );
      ok(await call("GET", "/api/support/tickets/{id}", { id }, me));
      ok(await call("GET", "/api/support/tickets", {}, me));
      ok(await call("GET", "/api/admin/support/tickets", {}, { token: admin.accessToken }));
      ok(await call("PATCH", "/api/support/tickets/{id}", { id }, { ...me, body: { status: "closed" } }));

      ok(await call("GET", "/api/notifications", {}, me));
      ok(await call("GET", "/api/notifications/preferences", {}, me));
      ok(await call("PUT", "/api/notifications/preferences", {}, { ...me, body: { preferences: { support_reply: { email: false } } } }));
      ok(await call("GET", "/api/security/security-events", {}, me));
      ok(await call("GET", "/api/security/sessions", {}, me));
      ok(await call("GET", "/api/security/passkeys", {}, me));
      ok(await call("POST", "/api/security/passkeys/register/options", {}, me));
      ok(await call("POST", "/api/auth/passkey/options", {}, { body: { email: user.user.email } }));
      expect((await call("POST", "/api/security/passkeys/confirm/options", {}, me)).status).toBe(409);
      ok(await call("GET", "/api/auth/me", {}, me));
    });
  });

  it("the admin's users, fraud, moderation, appeals, audit and analytics", async () => {
    const { ctx } = testContext(env);
    const target = await createTestUser(env, { roles: ["freelancer"] });
    const outsider = await createTestUser(env, { roles: ["client"] });
    await activeContract(ctx);
    const asAdmin = { token: admin.accessToken };
    await checked(async ({ call }) => {
      ok(await call("GET", "/api/admin/users", {}, { ...asAdmin, query: "limit=5" }));
      ok(await call("GET", "/api/admin/users/{id}", { id: target.user.id }, asAdmin));
      ok(
        await call(
          "POST",
          "/api/admin/users/{id}/payout-hold",
          { id: target.user.id },
          { ...asAdmin, body: { reason: "Checking the account" } },
        ),
      );
      ok(
        await call(
          "POST",
          "/api/admin/users/{id}/payout-hold/release",
          { id: target.user.id },
          { ...asAdmin, body: { reason: "Checked" } },
        ),
      );
      ok(await call("POST", "/api/admin/users/{id}/block", { id: target.user.id }, { ...asAdmin, body: { reason: "Fake reviews" } }));
      ok(
        await call(
          "POST",
          "/api/appeals",
          {},
          { body: { email: target.user.email, message: "Those reviews came from real clients of mine." } },
        ),
        202,
      );
      const appeals = await call("GET", "/api/admin/appeals", {}, { ...asAdmin, query: "status=pending" });
      ok(appeals);
      const appeal = appeals.body.items.find((a: { userId: string }) => a.userId === target.user.id);
      ok(
        await call(
          "POST",
          "/api/admin/appeals/{id}/decision",
          { id: appeal.id },
          { ...asAdmin, body: { decision: "reject", note: "The reviews were bought." } },
        ),
      );
      ok(await call("POST", "/api/admin/users/{id}/unblock", { id: target.user.id }, { ...asAdmin, body: { reason: "Second look" } }));

      ok(await call("POST", "/api/admin/fraud-sweep", {}, { ...asAdmin, body: { windowHours: 1 } }));
      ok(await call("GET", "/api/admin/fraud-alerts", {}, asAdmin));
      ok(await call("GET", "/api/admin/alerts-summary", {}, asAdmin));
      ok(await call("GET", "/api/ai/fraud-check/user/{id}", { id: target.user.id }, asAdmin));
      const projects = await call("GET", "/api/admin/projects", {}, { ...asAdmin, query: "limit=1" });
      ok(projects);
      const projectId = projects.body.items[0].id as string;
      ok(await call("GET", "/api/ai/fraud-check/project/{id}", { id: projectId }, asAdmin));
      ok(await call("POST", "/api/admin/projects/{id}/hide", { id: projectId }, { ...asAdmin, body: { reason: "Off-platform payment" } }));
      ok(await call("POST", "/api/admin/projects/{id}/unhide", { id: projectId }, { ...asAdmin, body: { reason: "Cleared" } }));
      ok(await call("GET", "/api/admin/reviews", {}, asAdmin));
      ok(await call("GET", "/api/admin/audit", {}, { ...asAdmin, query: "type=admin." }));
      ok(await call("GET", "/api/admin/analytics", {}, asAdmin));
      const csv = await call("GET", "/api/admin/analytics", {}, { ...asAdmin, query: "format=csv&table=summary" });
      ok(csv);
      expect(csv.headers.get("Content-Type")).toMatch(/^text\/csv/);
      expect((await call("GET", "/api/admin/users", {}, { token: outsider.accessToken })).status).toBe(403);
    });
  });

  it("meetings and call recordings", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const asClient = { token: f.clientToken };
    const asFreelancer = { token: f.freelancerToken };
    await checked(async ({ call }) => {
      const startsAt = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString();
      const proposed = await call(
        "POST",
        "/api/meetings",
        {},
        { ...asClient, body: { contractId: f.contractId, title: "Kick-off", startsAt, durationMinutes: 30 } },
      );
      ok(proposed, 201);
      const id = proposed.body.meeting.id as string;
      expect((await call("POST", "/api/meetings/{id}/accept", { id }, { ...asClient, body: {} })).status).toBe(403);
      ok(await call("POST", "/api/meetings/{id}/accept", { id }, { ...asFreelancer, body: {} }));
      const later = new Date(Date.parse(startsAt) + 60 * 60 * 1000).toISOString();
      ok(await call("POST", "/api/meetings/{id}/reschedule", { id }, { ...asFreelancer, body: { startsAt: later } }));
      ok(await call("POST", "/api/meetings/{id}/decline", { id }, { ...asClient, body: {} }));
      ok(await call("GET", "/api/meetings/{id}", { id }, asClient));
      ok(await call("GET", "/api/meetings/{id}/ics", { id }, asClient));
      ok(await call("GET", "/api/meetings", {}, { ...asFreelancer, query: `from=${new Date().toISOString()}` }));
      expect((await call("POST", "/api/meetings", {}, { ...asClient, body: { contractId: f.contractId } })).status).toBe(422);

      const rung = await call("POST", "/api/calls", {}, { ...asClient, body: { contractId: f.contractId } });
      ok(rung, 201);
      ok(await call("POST", "/api/calls/{id}/accept", { id: rung.body.call.id }, { ...asFreelancer, body: {} }));
      const recording = await startRecording(ctx, rung.body.call.id, {
        recordedBy: f.client.id,
        kind: "audio",
        agreedBy: [f.client.id, f.freelancer.id],
      });
      const piece = new Uint8Array(64).fill(1);
      piece.set([0x1a, 0x45, 0xdf, 0xa3]);
      const chunk = { ...asClient, raw: piece as unknown as BodyInit, headers: { "Content-Type": "audio/webm" } };
      ok(await call("PUT", "/api/recordings/{id}/chunks/{seq}", { id: recording.id, seq: "0" }, chunk));
      expect(
        (
          await call(
            "PUT",
            "/api/recordings/{id}/chunks/{seq}",
            { id: recording.id, seq: "1" },
            { ...chunk, headers: { "Content-Type": "text/plain" } },
          )
        ).status,
      ).toBe(415);
      ok(await call("GET", "/api/recordings/{id}", { id: recording.id }, asFreelancer));
      ok(await call("GET", "/api/recordings/{id}/file", { id: recording.id }, asFreelancer));
      ok(await call("GET", "/api/conversations/{id}/recordings", { id: recording.conversationId }, asFreelancer));
    });
  });

  it("saved searches", async () => {
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const other = await createTestUser(env, { roles: ["freelancer"] });
    const me = { token: freelancer.accessToken };
    await checked(async ({ call }) => {
      const saved = await call(
        "POST",
        "/api/saved-searches",
        {},
        { ...me, body: { name: "React gigs", query: "q=react&budgetType=fixed" } },
      );
      ok(saved, 201);
      const id = saved.body.savedSearch.id as string;
      ok(await call("GET", "/api/saved-searches", {}, me));
      ok(await call("GET", "/api/saved-searches/{id}", { id }, me));
      ok(await call("PATCH", "/api/saved-searches/{id}", { id }, { ...me, body: { frequency: "daily" } }));
      expect((await call("POST", "/api/saved-searches", {}, { ...me, body: { name: "", query: "min=lots" } })).status).toBe(422);
      expect((await call("DELETE", "/api/saved-searches/{id}", { id }, { token: other.accessToken })).status).toBe(404);
      ok(await call("DELETE", "/api/saved-searches/{id}", { id }, me));
    });
  });

  it("leaves no area of the API unsampled", () => {
    const tagOf = new Map<string, string[]>();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) tagOf.set(`${method} ${path}`, op.tags ?? []);
    }
    const allTags = new Set([...tagOf.values()].flat());
    const sampledTags = new Set(
      sampled.filter((s) => s.status < 300).flatMap((s) => tagOf.get(`${s.method.toLowerCase()} ${s.path}`) ?? []),
    );
    expect([...allTags].filter((t) => !sampledTags.has(t)).sort()).toEqual([]);
  });
});
