import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { testContext } from "../../test-support/context";
import { createTestUser } from "../../test-support/users";
import { signPayload } from "../auth/signed";
import { listNotifications, markAllNotificationsRead, markNotificationRead, unreadNotificationCount } from "./center";
import { notify } from "./notify";
import { getNotificationPreferences, unsubscribeFromEmail, unsubscribeToken, updateNotificationPreferences } from "./preferences";

const payload = (n = 1) => ({ title: `Something happened ${n}`, body: `Details number ${n}.`, link: `/projects/p${n}` });

describe("notify", () => {
  it("writes an in-app notification and queues an email with an unsubscribe link", async () => {
    const { ctx, emails } = testContext(env);
    const { user } = await createTestUser(ctx, { roles: ["client"] });
    const result = await notify(ctx, user.id, "proposal_received", payload());
    expect(result.notification).toMatchObject({ userId: user.id, type: "proposal_received", title: "Something happened 1", readAt: null });
    expect(result.emailed).toBe(true);
    const [mail] = emails.filter((m) => m.to === user.email);
    expect(mail).toMatchObject({ subject: "Something happened 1", template: "notification.proposal_received" });
    expect(mail.text).toContain(`${ctx.config.appOrigin}/projects/p1`);
    expect(mail.text).toMatch(/\/api\/notifications\/unsubscribe\?token=/);
    expect(mail.html).toContain("Unsubscribe");
  });

  it("respects per-type preferences for each channel", async () => {
    const { ctx, emails } = testContext(env);
    const { user } = await createTestUser(ctx, { roles: ["freelancer"] });
    await updateNotificationPreferences(ctx, user.id, { proposal_accepted: { email: false }, proposal_declined: { inApp: false } });
    const accepted = await notify(ctx, user.id, "proposal_accepted", payload(2));
    expect(accepted.notification).not.toBeNull();
    expect(accepted.emailed).toBe(false);
    const declined = await notify(ctx, user.id, "proposal_declined", payload(3));
    expect(declined.notification).toBeNull();
    expect(declined.emailed).toBe(true);
    expect(emails.filter((m) => m.to === user.email).map((m) => m.template)).toEqual(["notification.proposal_declined"]);
    const prefs = await getNotificationPreferences(ctx, user.id);
    expect(prefs.proposal_accepted).toEqual({ email: false, inApp: true });
    expect(prefs.project_closed).toEqual({ email: true, inApp: true });
    await expect(updateNotificationPreferences(ctx, user.id, { no_such_type: { email: false } })).rejects.toMatchObject({ status: 422 });
  });
});

describe("unsubscribe links", () => {
  it("turn email off for that one type without signing in", async () => {
    const { ctx } = testContext(env);
    const { user } = await createTestUser(ctx, { roles: ["freelancer"] });
    const token = await unsubscribeToken(ctx, user.id, "project_closed");
    expect(await unsubscribeFromEmail(ctx, token)).toEqual({ userId: user.id, type: "project_closed" });
    const prefs = await getNotificationPreferences(ctx, user.id);
    expect(prefs.project_closed).toEqual({ email: false, inApp: true });
    expect(prefs.proposal_accepted.email).toBe(true);
  });

  it("refuse forged, foreign-secret and wrong-purpose tokens", async () => {
    const { ctx } = testContext(env);
    const { user } = await createTestUser(ctx, { roles: ["freelancer"] });
    const token = await unsubscribeToken(ctx, user.id, "project_closed");
    await expect(unsubscribeFromEmail(ctx, `${token}x`)).rejects.toMatchObject({ status: 400 });
    const foreign = await signPayload("another-secret-entirely", {
      userId: user.id,
      type: "project_closed",
      exp: Date.now() + 1e9,
      typ: "unsubscribe",
    });
    await expect(unsubscribeFromEmail(ctx, foreign)).rejects.toMatchObject({ status: 400 });
    const access = await signPayload(ctx.config.secret, { sid: "s", sub: user.id, exp: Date.now() + 1e9, typ: "access" });
    await expect(unsubscribeFromEmail(ctx, access)).rejects.toMatchObject({ status: 400 });
  });
});

describe("the notification centre", () => {
  it("pages newest first, counts unread and marks read (only your own)", async () => {
    const { ctx, clock } = testContext(env);
    const { user } = await createTestUser(ctx, { roles: ["client"] });
    const other = await createTestUser(ctx, { roles: ["client"] });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      ids.push((await notify(ctx, user.id, "proposal_received", payload(i))).notification!.id);
    }
    const first = await listNotifications(ctx, user.id, { limit: 3 });
    expect(first.unreadCount).toBe(5);
    const second = await listNotifications(ctx, user.id, { limit: 3, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((n) => n.id)).toEqual([...ids].reverse());
    expect(second.nextCursor).toBeNull();

    await expect(markNotificationRead(ctx, other.user.id, ids[0])).rejects.toMatchObject({ status: 404 });
    expect((await markNotificationRead(ctx, user.id, ids[0])).read).toBe(true);
    expect(await unreadNotificationCount(ctx, user.id)).toBe(4);
    expect((await listNotifications(ctx, user.id, { limit: 10, unreadOnly: true })).items).toHaveLength(4);
    expect(await markAllNotificationsRead(ctx, user.id)).toEqual({ updated: 4 });
    expect(await unreadNotificationCount(ctx, user.id)).toBe(0);
  });
});
