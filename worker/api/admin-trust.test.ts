import { env, SELF } from "cloudflare:test";
import { and, eq, isNull, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accountAppeals, events, fraudAlerts, payoutHolds, projects, sessions, users } from "../../db/schema";
import { createSession } from "../domain/auth/sessions";
import { domainContextFromEnv } from "../platform/domain-context";
import { call, uniqueEmail, uniqueIp } from "../test-support/api";
import { waitForMail } from "../test-support/mail";
import { conversationPair, createProject, createProposal, send } from "../test-support/messaging";
import { createTestUser, type TestUser } from "../test-support/users";

const ctx = () => domainContextFromEnv(env);
const PASSWORD = "a sturdy passphrase 42";

async function registered(role: "client" | "freelancer" = "freelancer") {
  const email = uniqueEmail(role);
  expect((await call("/api/auth/register", { body: { email, password: PASSWORD, name: "Soon Blocked", role } })).status).toBe(201);
  const login = await call("/api/auth/login", { body: { email, password: PASSWORD }, ip: uniqueIp() });
  expect(login.status).toBe(200);
  return {
    email,
    id: login.body.user.id as string,
    accessToken: login.body.accessToken as string,
    refreshToken: login.body.refreshToken as string,
  };
}

/** A freelancer who looks like a scam: disposable address, five other accounts on its network address, off-platform messages. */
async function plantScammer(): Promise<{ scammer: TestUser; clientToken: string }> {
  const { client, freelancer, conversationId } = await conversationPair();
  await ctx()
    .db.update(users)
    .set({ email: `scam-${freelancer.user.id.toLowerCase()}@yopmail.com` })
    .where(eq(users.id, freelancer.user.id));
  const ip = uniqueIp();
  await createSession(ctx(), { userId: freelancer.user.id, kind: "web", mfaVerified: false, meta: { ip, userAgent: "scam-browser" } });
  for (let i = 0; i < 5; i++) {
    const other = await createTestUser(env, { roles: ["freelancer"] });
    await createSession(ctx(), { userId: other.user.id, kind: "web", mfaVerified: false, meta: { ip, userAgent: "scam-browser" } });
  }
  await send(freelancer, conversationId, "Add me on WhatsApp, it is quicker.");
  await send(freelancer, conversationId, "If you pay me directly by bank transfer we both avoid the fees.");
  await send(freelancer, conversationId, "Or Western Union works too.");
  return { scammer: freelancer, clientToken: client.accessToken };
}

let admin: TestUser;
let outsider: TestUser;
beforeAll(async () => {
  admin = await createTestUser(env, { roles: ["admin"] });
  outsider = await createTestUser(env, { roles: ["client", "freelancer"] });
});

const sweep = (windowHours = 1) => call("/api/admin/fraud-sweep", { token: admin.accessToken, body: { windowHours } });
const alertsAbout = (subjectId: string) => ctx().db.select().from(fraudAlerts).where(eq(fraudAlerts.subjectId, subjectId));

describe("admin API authorization", () => {
  it("answers 401 to strangers and 403 to non-admins on every admin path, and changes nothing", async () => {
    const target = await createTestUser(env, { roles: ["freelancer"] });
    const blocked = await createTestUser(env, { roles: ["client"] });
    const projectId = await createProject(target.user);
    const proposalId = await createProposal(projectId, target.user);
    const now = new Date();
    const [alert] = await ctx()
      .db.insert(fraudAlerts)
      .values({
        kind: "user_risk",
        subjectType: "user",
        subjectId: target.user.id,
        userId: target.user.id,
        score: 70,
        level: "high",
        signals: [],
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await ctx().db.update(users).set({ blockedAt: now, blockedReason: "test block" }).where(eq(users.id, blocked.user.id));
    const [appeal] = await ctx()
      .db.insert(accountAppeals)
      .values({ userId: blocked.user.id, message: "Please let me back in, it was a mistake." })
      .returning();
    const reason = { reason: "looks fraudulent" };
    const paths: Array<[string, string, unknown?]> = [
      ["GET", `/api/ai/fraud-check/user/${target.user.id}`],
      ["GET", `/api/ai/fraud-check/project/${projectId}`],
      ["GET", `/api/ai/fraud-check/proposal/${proposalId}`],
      ["GET", `/api/ai/fraud-check/payment/none`],
      ["GET", "/api/admin/fraud-alerts"],
      ["GET", `/api/admin/fraud-alerts/${alert.id}`],
      ["PATCH", `/api/admin/fraud-alerts/${alert.id}`, { status: "false_positive", note: "fine" }],
      ["GET", "/api/admin/alerts-summary"],
      ["POST", "/api/admin/fraud-sweep", { windowHours: 1 }],
      ["GET", "/api/admin/users?q=test"],
      ["GET", `/api/admin/users/${target.user.id}`],
      ["POST", `/api/admin/users/${target.user.id}/block`, reason],
      ["POST", `/api/admin/users/${blocked.user.id}/unblock`, reason],
      ["POST", `/api/admin/users/${target.user.id}/payout-hold`, reason],
      ["POST", `/api/admin/users/${target.user.id}/payout-hold/release`, reason],
      ["GET", "/api/admin/appeals"],
      ["POST", `/api/admin/appeals/${appeal.id}/decision`, { decision: "accept", note: "ok then" }],
      ["GET", "/api/admin/projects"],
      ["POST", `/api/admin/projects/${projectId}/hide`, reason],
      ["POST", `/api/admin/projects/${projectId}/unhide`, reason],
      ["GET", "/api/admin/audit"],
    ];
    for (const [method, path, body] of paths) {
      const anonymous = await call(path, { method, body });
      expect(anonymous.status, `${method} ${path} anonymous`).toBe(401);
      const refused = await call(path, { method, body, token: outsider.accessToken });
      expect(refused.status, `${method} ${path} non-admin`).toBe(403);
      expect(refused.body.error.code).toBe("forbidden");
    }
    const [after] = await alertsAbout(target.user.id);
    expect(after.status).toBe("open");
    const [t] = await ctx().db.select().from(users).where(eq(users.id, target.user.id));
    expect(t.blockedAt).toBeNull();
    const [b] = await ctx().db.select().from(users).where(eq(users.id, blocked.user.id));
    expect(b.blockedAt).not.toBeNull();
    expect((await ctx().db.select().from(accountAppeals).where(eq(accountAppeals.id, appeal.id)))[0].status).toBe("pending");
    expect((await ctx().db.select().from(projects).where(eq(projects.id, projectId)))[0].hiddenAt).toBeNull();
    expect(await ctx().db.select().from(payoutHolds).where(eq(payoutHolds.userId, target.user.id))).toEqual([]);
    expect(
      await ctx()
        .db.select()
        .from(events)
        .where(and(eq(events.actorId, outsider.user.id), like(events.type, "admin.%"))),
    ).toEqual([]);
  });
});

describe("blocking", () => {
  it("ends every session and token, refuses every sign-in with the reason, and an appeal lifts it", async () => {
    const victim = await registered();
    const web = await createSession(ctx(), { userId: victim.id, kind: "web", mfaVerified: false, meta: {} });
    expect((await call("/api/auth/me", { token: victim.accessToken })).status).toBe(200);

    const res = await call(`/api/admin/users/${victim.id}/block`, { token: admin.accessToken, body: { reason: "payment fraud ring" } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: victim.id, blocked: true, blockedReason: "payment fraud ring" });
    expect(
      await ctx()
        .db.select()
        .from(sessions)
        .where(and(eq(sessions.userId, victim.id), isNull(sessions.revokedAt))),
    ).toEqual([]);

    const refusals = [
      await call("/api/auth/me", { token: victim.accessToken }),
      await call("/api/auth/refresh", { body: { refreshToken: victim.refreshToken } }),
      await call("/api/auth/login", { body: { email: victim.email, password: PASSWORD }, ip: uniqueIp() }),
      await call("/api/auth/me", { headers: { Cookie: `megilance_session=${web.token}` } }),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("account_blocked");
      expect(refused.body.error.message).toContain("payment fraud ring");
      expect(refused.body.error.message).toContain("/appeal");
    }
    const page = await SELF.fetch("http://localhost/freelancer", {
      headers: { Cookie: `megilance_session=${web.token}` },
      redirect: "manual",
    });
    expect(page.status).toBe(403);
    const html = await page.text();
    expect(html).toContain("payment fraud ring");
    expect(html).toMatch(/href="\/appeal"/);
    const appealPage = await SELF.fetch("http://localhost/appeal", { headers: { Cookie: `megilance_session=${web.token}` } });
    expect(appealPage.status).toBe(200);
    expect(await appealPage.text()).toContain("payment fraud ring");

    const mail = await waitForMail(victim.email, "trust.account_blocked");
    expect(mail.textBody).toContain("payment fraud ring");
    expect(mail.textBody).toContain("/appeal");
    expect((await call(`/api/admin/users/${victim.id}/block`, { token: admin.accessToken, body: { reason: "again" } })).status).toBe(409);

    const message = "This was my first week, I only asked a client for a Figma link. Please review.";
    expect((await call("/api/appeals", { body: { email: victim.email, message }, ip: uniqueIp() })).status).toBe(202);
    expect((await call("/api/appeals", { body: { email: victim.email, message }, ip: uniqueIp() })).status).toBe(202);
    const unknown = await call("/api/appeals", { body: { email: uniqueEmail("nobody"), message }, ip: uniqueIp() });
    expect(unknown.status).toBe(202);
    const queue = await call(`/api/admin/appeals?status=pending&limit=100`, { token: admin.accessToken });
    const mine = queue.body.items.filter((a: { userId: string }) => a.userId === victim.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ message, blockReason: "payment fraud ring" });

    const decided = await call(`/api/admin/appeals/${mine[0].id}/decision`, {
      token: admin.accessToken,
      body: { decision: "accept", note: "Cleared after review." },
    });
    expect(decided.status).toBe(200);
    expect(decided.body.appeal.status).toBe("accepted");
    expect((await call("/api/auth/login", { body: { email: victim.email, password: PASSWORD }, ip: uniqueIp() })).status).toBe(200);
    const audit = await call(`/api/admin/audit?subjectId=${victim.id}`, { token: admin.accessToken });
    expect(audit.body.items.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(["admin.user_blocked", "admin.user_unblocked"]),
    );
    expect(audit.body.items.find((e: { type: string }) => e.type === "admin.user_blocked").actorId).toBe(admin.user.id);
  });

  it("refuses bad input without changing anything", async () => {
    const target = await createTestUser(env, { roles: ["client"] });
    expect((await call(`/api/admin/users/${target.user.id}/block`, { token: admin.accessToken, body: { reason: "" } })).status).toBe(422);
    expect((await call(`/api/admin/users/nobody-here/block`, { token: admin.accessToken, body: { reason: "fraud" } })).status).toBe(404);
    expect((await call(`/api/admin/users/${admin.user.id}/block`, { token: admin.accessToken, body: { reason: "oops" } })).status).toBe(
      409,
    );
    expect(
      (await call(`/api/admin/users/${target.user.id}/unblock`, { token: admin.accessToken, body: { reason: "why not" } })).status,
    ).toBe(409);
    const [row] = await ctx().db.select().from(users).where(eq(users.id, target.user.id));
    expect(row.blockedAt).toBeNull();
  });
});

describe("fraud sweep, alerts and payout holds", () => {
  it("scores a planted scammer critical, raises one alert however often it runs, and holds payouts", async () => {
    const { scammer } = await plantScammer();
    const before = await call("/api/payouts", { token: scammer.accessToken, body: { amount: 100, currency: "USD" } });
    expect(before.status).toBe(422);

    const check = await call(`/api/ai/fraud-check/user/${scammer.user.id}`, { token: admin.accessToken });
    expect(check.status).toBe(200);
    // new account 10 + disposable 25 + five others on the address 25 + same device 20 + three off-platform messages 40 = 120 -> 100.
    expect(check.body).toMatchObject({ subjectType: "user", subjectId: scammer.user.id, score: 100, level: "critical" });
    expect(check.body.signals.map((s: { code: string }) => s.code).sort()).toEqual(
      ["disposable_email", "new_account", "off_platform_messages", "shared_device", "shared_ip"].sort(),
    );

    const first = await sweep();
    expect(first.status).toBe(200);
    await Promise.all([sweep(), sweep()]);
    const alerts = await alertsAbout(scammer.user.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: "user_risk", level: "critical", score: 100, status: "open", userId: scammer.user.id });

    const held = await call("/api/payouts", { token: scammer.accessToken, body: { amount: 100, currency: "USD" } });
    expect(held.status).toBe(423);
    expect(held.body.error.code).toBe("payouts_on_hold");
    expect(await ctx().db.select().from(payoutHolds).where(eq(payoutHolds.userId, scammer.user.id))).toHaveLength(1);

    const listed = await call(`/api/admin/fraud-alerts?severity=critical&status=open&userId=${scammer.user.id}`, {
      token: admin.accessToken,
    });
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([alerts[0].id]);
    expect(listed.body.total).toBe(1);
    const detail = await call(`/api/admin/fraud-alerts/${alerts[0].id}`, { token: admin.accessToken });
    const offPlatform = detail.body.alert.signals.find((s: { code: string }) => s.code === "off_platform_messages");
    expect(offPlatform.evidence.messages).toHaveLength(3);

    const summaryBefore = (await call("/api/admin/alerts-summary", { token: admin.accessToken })).body;
    const patched = await call(`/api/admin/fraud-alerts/${alerts[0].id}`, {
      method: "PATCH",
      token: admin.accessToken,
      body: { status: "false_positive", note: "Known agency, verified by phone." },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.alert).toMatchObject({
      status: "false_positive",
      note: "Known agency, verified by phone.",
      decidedBy: admin.user.id,
    });
    const summaryAfter = (await call("/api/admin/alerts-summary", { token: admin.accessToken })).body;
    expect(summaryAfter.byStatus.false_positive).toBe(summaryBefore.byStatus.false_positive + 1);
    expect(summaryAfter.openBySeverity.critical).toBe(summaryBefore.openBySeverity.critical - 1);
    expect(
      (
        await call(`/api/admin/fraud-alerts/${alerts[0].id}`, {
          method: "PATCH",
          token: admin.accessToken,
          body: { status: "false_positive" },
        })
      ).status,
    ).toBe(409);
    expect(
      (await call(`/api/admin/fraud-alerts/${alerts[0].id}`, { method: "PATCH", token: admin.accessToken, body: { status: "deleted" } }))
        .status,
    ).toBe(422);

    // Dismissed with the same signals and score: the next sweep does not raise it again.
    await sweep();
    expect(await alertsAbout(scammer.user.id)).toHaveLength(1);

    const release = await call(`/api/admin/users/${scammer.user.id}/payout-hold/release`, {
      token: admin.accessToken,
      body: { reason: "false positive" },
    });
    expect(release.status).toBe(200);
    expect((await call("/api/payouts", { token: scammer.accessToken, body: { amount: 100, currency: "USD" } })).status).toBe(422);
  });

  it("scores projects and proposals on demand", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const projectId = await createProject(client.user);
    await ctx()
      .db.update(projects)
      // A currency no other test posts in, so no other file's projects become its budget comparables.
      .set({ title: "Data entry, registration fee required", description: "Pay to apply, then message me on telegram.", currency: "NOK" })
      .where(eq(projects.id, projectId));
    const proposalId = await createProposal(projectId, freelancer.user);
    const project = await call(`/api/ai/fraud-check/project/${projectId}`, { token: admin.accessToken });
    expect(project.status).toBe(200);
    // Two phrase families (50) + a new client without a verified payment method (20).
    expect(project.body).toMatchObject({ subjectType: "project", score: 70, level: "high", userId: client.user.id });
    const proposal = await call(`/api/ai/fraud-check/proposal/${proposalId}`, { token: admin.accessToken });
    expect(proposal.status).toBe(200);
    expect(proposal.body).toMatchObject({ subjectType: "proposal", userId: freelancer.user.id, projectId });
    expect((await call(`/api/ai/fraud-check/user/nobody-here`, { token: admin.accessToken })).status).toBe(404);
  });
});

describe("project moderation", () => {
  it("hides a project from everyone but its owner, with the reason in the audit log", async () => {
    const owner = await createTestUser(env, { roles: ["client"] });
    const projectId = await createProject(owner.user);
    const hidden = await call(`/api/admin/projects/${projectId}/hide`, {
      token: admin.accessToken,
      body: { reason: "Asks for an upfront fee" },
    });
    expect(hidden.status).toBe(200);
    expect(hidden.body.project).toMatchObject({ hidden: true, hiddenReason: "Asks for an upfront fee" });
    expect((await call(`/api/projects/${projectId}`, { token: outsider.accessToken })).status).toBe(404);
    expect((await call(`/api/projects/${projectId}`, { token: owner.accessToken })).status).toBe(200);
    expect((await call(`/api/admin/projects/${projectId}/hide`, { token: admin.accessToken, body: { reason: "again" } })).status).toBe(409);
    const list = await call(`/api/admin/projects?hidden=true&q=${projectId}`, { token: admin.accessToken });
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([projectId]);
    expect(
      (await call(`/api/admin/projects/${projectId}/unhide`, { token: admin.accessToken, body: { reason: "Fee removed" } })).status,
    ).toBe(200);
    expect((await call(`/api/projects/${projectId}`, { token: outsider.accessToken })).status).toBe(200);
    const audit = await call(`/api/admin/audit?type=admin.&subjectId=${projectId}`, { token: admin.accessToken });
    expect(audit.body.items.map((e: { type: string }) => e.type)).toEqual(["admin.project_unhidden", "admin.project_hidden"]);
  });
});
