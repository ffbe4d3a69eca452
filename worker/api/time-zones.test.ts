import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../db/schema";
import { addManualEntry, listEntries } from "../domain/hourly/entries";
import { hourlyContract } from "../domain/hourly/test-fixtures";
import { startTimer } from "../domain/hourly/timer";
import { setTimeZone } from "../domain/time/preference";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { createTestUser } from "../test-support/users";
import { browserFor } from "../test-support/web";

const textOf = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'");
const patchMe = (token: string | undefined, body: unknown) => call("/api/auth/me", { method: "PATCH", token, body });

describe("the time zone setting (PATCH /api/auth/me)", () => {
  it("saves an IANA zone, shows it on GET /api/auth/me, and null goes back to the browser's zone", async () => {
    const person = await createTestUser(env);
    expect((await call("/api/auth/me", { token: person.accessToken })).body.user.timeZone).toBeNull();

    const saved = await patchMe(person.accessToken, { timeZone: "Asia/Kolkata" });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.user).toMatchObject({ id: person.user.id, timeZone: "Asia/Kolkata" });
    expect((await call("/api/auth/me", { token: person.accessToken })).body.user.timeZone).toBe("Asia/Kolkata");

    const cleared = await patchMe(person.accessToken, { timeZone: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.user.timeZone).toBeNull();
    expect((await call("/api/auth/me", { token: person.accessToken })).body.user.timeZone).toBeNull();
  });

  it("refuses a zone it does not know with a field error, and changes nothing", async () => {
    const person = await createTestUser(env);
    await patchMe(person.accessToken, { timeZone: "Europe/Lisbon" });
    for (const timeZone of ["Mars/Olympus_Mons", "", 42]) {
      const res = await patchMe(person.accessToken, { timeZone });
      expect(res.status, JSON.stringify(timeZone)).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
      expect(Object.keys(res.body.error.fields ?? {})).toContain("timeZone");
    }
    const { ctx } = testContext(env);
    const [row] = await ctx.db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, person.user.id));
    expect(row.timeZone).toBe("Europe/Lisbon");
    expect((await patchMe(undefined, { timeZone: "Europe/Lisbon" })).status).toBe(401);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await call("/api/openapi.json")).body;
    expect(doc.paths["/api/auth/me"].patch.summary).toContain("timeZone");
  });
});

describe("pages in the viewer's zone", () => {
  it("renders in the zone chosen in settings over the browser's, and in the browser's until one is chosen", async () => {
    const person = await createTestUser(env);
    const browser = await browserFor(person.user, { timeZone: "America/New_York" });
    const before = await browser.get("/settings/account");
    expect(before.status).toBe(200);
    expect(textOf(before.html)).toContain("Times are shown in America/New York (your browser's zone).");
    expect(textOf((await (await browserFor(person.user)).get("/settings/account")).html)).toContain(
      "Times are shown in UTC (until your browser tells us its zone).",
    );

    const saved = await browser.post("/settings/time-zone", { intent: "choose", timeZone: "Asia/Tokyo" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/settings/account?timeZone=saved#time-zone");
    const after = textOf((await browser.get("/settings/account?timeZone=saved")).html);
    expect(after).toContain("Times are shown in Asia/Tokyo (you chose it).");
    expect(after).toContain("Saved: Asia/Tokyo.");

    const refused = await browser.post("/settings/time-zone", { intent: "choose", timeZone: "Nowhere/Special" });
    expect(refused.headers.get("Location")).toBe("/settings/account?timeZone=invalid#time-zone");
    expect(textOf((await browser.get("/settings/account")).html)).toContain("Times are shown in Asia/Tokyo (you chose it).");

    await browser.post("/settings/time-zone", { intent: "browser" });
    expect(textOf((await browser.get("/settings/account")).html)).toContain("Times are shown in America/New York (your browser's zone).");
  });
});

describe("the other party's local time", () => {
  it("is in a conversation and on a contract only when they stated a zone", async () => {
    const { ctx } = testContext(env);
    const f = await hourlyContract(ctx);
    const conversation = await call("/api/conversations", { token: f.clientToken, body: { contractId: f.contractId } });
    expect([200, 201]).toContain(conversation.status);
    const conversationId = conversation.body.conversation.id as string;
    const otherOf = async (token: string) =>
      (await call(`/api/conversations/${conversationId}`, { token })).body.conversation.otherParticipant.timeZone;
    expect(await otherOf(f.freelancerToken)).toBeNull();

    await setTimeZone(ctx, f.client, { timeZone: "America/Chicago" });
    expect(await otherOf(f.freelancerToken)).toBe("America/Chicago");
    const contract = await call(`/api/contracts/${f.contractId}`, { token: f.freelancerToken });
    expect(contract.body.contract.client.timeZone).toBe("America/Chicago");

    const page = await (await browserFor(f.freelancer, { timeZone: "Europe/Paris" })).get(`/contracts/${f.contractId}`);
    expect(page.html).toMatch(/local time: <time[^>]*>\d\d:\d\d<\/time> \(America\/Chicago\)/);
  });
});

describe("timesheet weeks in the freelancer's zone", () => {
  it("starts the week at Monday 00:00 where the freelancer is, and both parties see that zone", async () => {
    // Monday 7 December 2026, 00:30 in Auckland: still Sunday 6 December in UTC.
    const { ctx, clock } = testContext(env, { now: new Date("2026-12-06T11:30:00Z") });
    const f = await hourlyContract(ctx, { weeklyHourLimit: null });
    await setTimeZone(ctx, f.freelancer, { timeZone: "Pacific/Auckland" });

    const timer = await startTimer(ctx, f.freelancer, f.contractId, { memo: "Early start" });
    expect(timer).toMatchObject({ weekStart: "2026-12-07", date: "2026-12-07" });
    // Today in Auckland may be logged; it is not in the future for them.
    clock.advance(60 * 60 * 1000);
    const entry = await addManualEntry(ctx, f.freelancer, f.contractId, { date: "2026-12-06", minutes: 30, memo: "Sunday evening" });
    expect(entry.weekStart).toBe("2026-11-30");

    for (const who of [f.client, f.freelancer]) {
      const listed = await listEntries(ctx, who.id, f.contractId, { limit: 10 });
      expect(listed.week).toMatchObject({ weekStart: "2026-12-07", label: "2026-W50", timeZone: "Pacific/Auckland" });
    }
  });

  it("refuses a day that has not begun where the freelancer is", async () => {
    // 23:30 on Sunday 6 December in UTC is 18:30 in New York: Monday the 7th has not begun there.
    const { ctx } = testContext(env, { now: new Date("2026-12-06T23:30:00Z") });
    const f = await hourlyContract(ctx);
    await setTimeZone(ctx, f.freelancer, { timeZone: "America/New_York" });
    await expect(addManualEntry(ctx, f.freelancer, f.contractId, { date: "2026-12-07", minutes: 30 })).rejects.toMatchObject({
      status: 422,
      fields: { date: ["Pick today or a past date."] },
    });
    const entry = await addManualEntry(ctx, f.freelancer, f.contractId, { date: "2026-12-06", minutes: 30 });
    expect(entry).toMatchObject({ date: "2026-12-06", weekStart: "2026-11-30" });
  });
});
