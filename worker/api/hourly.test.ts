import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments, timeEntries, timesheets } from "../../db/schema";
import { addManualEntry } from "../domain/hourly/entries";
import { autoApproveStaleTimesheets } from "../domain/hourly/approve";
import { hourlyContract, moneyOf } from "../domain/hourly/test-fixtures";
import { startTimer, stopTimer } from "../domain/hourly/timer";
import { submitTimesheet } from "../domain/hourly/timesheets";
import { utcDate, weekStartAt } from "../domain/time/weeks";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { createTestUser } from "../test-support/users";

const today = () => utcDate(new Date());
const thisWeek = () => weekStartAt(new Date());

async function logged(token: string, contractId: string, minutes: number, memo = "Work") {
  const res = await call(`/api/contracts/${contractId}/time-entries`, { token, body: { date: today(), minutes, memo } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.entry as { id: string; minutes: number; weekStart: string };
}

async function submitted(token: string, contractId: string, week = thisWeek()) {
  const res = await call(`/api/contracts/${contractId}/timesheets/${week}/submit`, { token, method: "POST" });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.timesheet as { id: string; minutes: number; amount: number; status: string };
}

describe("logging time", () => {
  it("logs manual entries, lists the week with remaining hours, and enforces the weekly limit with a clear 422", async () => {
    const { ctx } = testContext(env);
    const f = await hourlyContract(ctx, { rate: 5_000, weeklyHourLimit: 2 });
    const entry = await logged(f.freelancerToken, f.contractId, 90, "Set up the project");
    expect(entry).toMatchObject({ minutes: 90, weekStart: thisWeek() });

    const over = await call(`/api/contracts/${f.contractId}/time-entries`, {
      token: f.freelancerToken,
      body: { date: today(), minutes: 31, memo: "Too much" },
    });
    expect(over.status).toBe(422);
    expect(over.body.error).toMatchObject({ code: "weekly_limit_reached" });
    expect(over.body.error.message).toMatch(/2-hour weekly limit: only 30m remain/);

    await logged(f.freelancerToken, f.contractId, 30, "Exactly the rest");
    const list = await call(`/api/contracts/${f.contractId}/time-entries`, { token: f.clientToken });
    expect(list.status).toBe(200);
    expect(list.body.items.map((e: { minutes: number }) => e.minutes)).toEqual([30, 90]);
    expect(list.body.week).toMatchObject({ weekStart: thisWeek(), minutes: 120, limitMinutes: 120, remainingMinutes: 0, open: true });

    const page = await call(`/api/contracts/${f.contractId}/time-entries?limit=1`, { token: f.freelancerToken });
    expect(page.body.items).toHaveLength(1);
    const next = await call(`/api/contracts/${f.contractId}/time-entries?limit=1&cursor=${page.body.nextCursor}`, {
      token: f.freelancerToken,
    });
    expect(next.body.items[0].minutes).toBe(90);
    expect(next.body.nextCursor).toBeNull();

    const grow = await call(`/api/time-entries/${entry.id}`, { token: f.freelancerToken, method: "PATCH", body: { minutes: 91 } });
    expect(grow.status).toBe(422);
    const fix = await call(`/api/time-entries/${entry.id}`, {
      token: f.freelancerToken,
      method: "PATCH",
      body: { minutes: 60, memo: "Set-up" },
    });
    expect(fix.status).toBe(200);
    expect(fix.body.entry).toMatchObject({ minutes: 60, memo: "Set-up" });
    expect((await call(`/api/time-entries/${entry.id}`, { token: f.freelancerToken, method: "DELETE" })).status).toBe(204);
    const after = await call(`/api/contracts/${f.contractId}/time-entries?week=${thisWeek()}`, { token: f.freelancerToken });
    expect(after.body.week.remainingMinutes).toBe(90);
  });

  it("refuses bad input and future dates, changing nothing", async () => {
    const { ctx } = testContext(env);
    const f = await hourlyContract(ctx);
    const bad = [
      { date: today(), minutes: 0 },
      { date: today(), minutes: 1.5 },
      { date: today(), minutes: 1441 },
      { date: "2026-02-30", minutes: 10 },
      { date: "2999-01-01", minutes: 10 },
    ];
    for (const body of bad) {
      const res = await call(`/api/contracts/${f.contractId}/time-entries`, { token: f.freelancerToken, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    const weekQuery = await call(`/api/contracts/${f.contractId}/time-entries?week=someday`, { token: f.freelancerToken });
    expect(weekQuery.status).toBe(422);
    expect(await ctx.db.select().from(timeEntries).where(eq(timeEntries.contractId, f.contractId))).toEqual([]);
  });

  it("counts a timer in the UTC week it started, refuses a second timer, and caps a stop at the weekly limit", async () => {
    const { ctx, clock } = testContext(env, { now: new Date("2026-11-29T23:30:00Z") }); // a Sunday
    const f = await hourlyContract(ctx, { weeklyHourLimit: 3 });
    await startTimer(ctx, f.freelancer, f.contractId, { memo: "Late shift" });
    await expect(startTimer(ctx, f.freelancer, f.contractId, {})).rejects.toMatchObject({ status: 409, code: "timer_running" });
    clock.set(new Date("2026-11-30T00:45:20Z")); // Monday, next ISO week
    const stopped = await stopTimer(ctx, f.freelancer, f.contractId, {});
    expect(stopped).toMatchObject({
      elapsedMinutes: 75,
      capped: false,
      entry: { minutes: 75, weekStart: "2026-11-23", date: "2026-11-29", memo: "Late shift" },
    });
    await expect(stopTimer(ctx, f.freelancer, f.contractId, {})).rejects.toMatchObject({ status: 409, code: "no_timer" });

    // A manual entry on the Monday counts in the new week, which still has its whole limit.
    await addManualEntry(ctx, f.freelancer, f.contractId, { date: "2026-11-30", minutes: 170 });
    await startTimer(ctx, f.freelancer, f.contractId, {});
    clock.advance(60 * 60_000);
    const capped = await stopTimer(ctx, f.freelancer, f.contractId, { memo: "Review" });
    expect(capped).toMatchObject({ elapsedMinutes: 60, capped: true, entry: { minutes: 10, weekStart: "2026-11-30", memo: "Review" } });
    await expect(startTimer(ctx, f.freelancer, f.contractId, {})).rejects.toMatchObject({ status: 422, code: "weekly_limit_reached" });
  });

  it("keeps the weekly limit in the database even when the domain check is raced", async () => {
    const { ctx } = testContext(env, { now: new Date("2026-11-25T12:00:00Z") });
    const f = await hourlyContract(ctx, { weeklyHourLimit: 1 });
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => addManualEntry(ctx, f.freelancer, f.contractId, { date: "2026-11-25", minutes: 40 })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ status: 422 });
    const rows = await ctx.db.select().from(timeEntries).where(eq(timeEntries.contractId, f.contractId));
    expect(rows.reduce((s, r) => s + r.minutes, 0)).toBe(40);
  });
});

describe("weekly timesheets", () => {
  it("submits a week, locks it, charges hours × rate once on approval, and pays the freelancer less the fee", async () => {
    const { ctx } = testContext(env);
    const f = await hourlyContract(ctx, { rate: 5_000, weeklyHourLimit: 10 });
    const entry = await logged(f.freelancerToken, f.contractId, 100);
    await logged(f.freelancerToken, f.contractId, 50);
    const sheet = await submitted(f.freelancerToken, f.contractId);
    expect(sheet).toMatchObject({ minutes: 150, amount: 12_500, status: "submitted" });

    const locked = [
      await call(`/api/contracts/${f.contractId}/time-entries`, { token: f.freelancerToken, body: { date: today(), minutes: 5 } }),
      await call(`/api/time-entries/${entry.id}`, { token: f.freelancerToken, method: "PATCH", body: { memo: "changed" } }),
      await call(`/api/time-entries/${entry.id}`, { token: f.freelancerToken, method: "DELETE" }),
      await call(`/api/contracts/${f.contractId}/timer/start`, { token: f.freelancerToken, method: "POST" }),
    ];
    for (const res of locked) expect(res.body.error.code).toBe("week_locked");
    expect(
      (await call(`/api/contracts/${f.contractId}/timesheets/${thisWeek()}/submit`, { token: f.freelancerToken, method: "POST" })).status,
    ).toBe(409);

    const approve = await call(`/api/timesheets/${sheet.id}/approve`, { token: f.clientToken, method: "POST" });
    expect(approve.status, JSON.stringify(approve.body)).toBe(200);
    expect(approve.body).toMatchObject({ settlement: "paid", timesheet: { status: "approved", amount: 12_500 } });
    expect(approve.headers.get("Idempotent-Replayed")).toBeNull();
    const paid = await moneyOf(ctx, f);
    expect(paid).toEqual({ unbalanced: 0, charges: [12_500], escrow: 0, freelancer: 11_250 });

    const again = await call(`/api/timesheets/${sheet.id}/approve`, { token: f.clientToken, method: "POST" });
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await moneyOf(ctx, f)).toEqual(paid);

    const list = await call(`/api/contracts/${f.contractId}/timesheets`, { token: f.freelancerToken });
    expect(list.body.items).toMatchObject([{ id: sheet.id, status: "approved", label: expect.stringMatching(/^\d{4}-W\d{2}$/) }]);
    const contract = await call(`/api/contracts/${f.contractId}`, { token: f.clientToken });
    expect(contract.body.contract?.funds ?? contract.body.funds).toMatchObject({ released: 12_500, held: 0 });
  });

  it("charges once when two approvals race", async () => {
    const { ctx } = testContext(env);
    const f = await hourlyContract(ctx, { rate: 3_000 });
    await logged(f.freelancerToken, f.contractId, 60);
    const sheet = await submitted(f.freelancerToken, f.contractId);
    const both = await Promise.all(
      [1, 2, 3].map(() => call(`/api/timesheets/${sheet.id}/approve`, { token: f.clientToken, method: "POST" })),
    );
    for (const res of both) expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await moneyOf(ctx, f)).toEqual({ unbalanced: 0, charges: [3_000], escrow: 0, freelancer: 2_700 });
    expect(await ctx.db.select().from(payments).where(eq(payments.contractId, f.contractId))).toHaveLength(1);
  });

  it("sends a disputed week back: entries unlock, the freelancer corrects and resubmits, then it is paid", async () => {
    const { ctx } = testContext(env);
    const f = await hourlyContract(ctx, { rate: 6_000 });
    const entry = await logged(f.freelancerToken, f.contractId, 120);
    const sheet = await submitted(f.freelancerToken, f.contractId);
    const noReason = await call(`/api/timesheets/${sheet.id}/dispute`, { token: f.clientToken, body: { reason: " " } });
    expect(noReason.status).toBe(422);
    const disputed = await call(`/api/timesheets/${sheet.id}/dispute`, { token: f.clientToken, body: { reason: "Tuesday was a holiday" } });
    expect(disputed.status).toBe(200);
    expect(disputed.body.timesheet).toMatchObject({ status: "disputed", disputeReason: "Tuesday was a holiday" });
    expect((await call(`/api/timesheets/${sheet.id}/approve`, { token: f.clientToken, method: "POST" })).status).toBe(409);
    expect(await moneyOf(ctx, f)).toMatchObject({ charges: [], freelancer: 0 });

    const fix = await call(`/api/time-entries/${entry.id}`, { token: f.freelancerToken, method: "PATCH", body: { minutes: 90 } });
    expect(fix.status).toBe(200);
    const again = await submitted(f.freelancerToken, f.contractId);
    expect(again).toMatchObject({ id: sheet.id, status: "submitted", minutes: 90, amount: 9_000 });
    expect((await call(`/api/timesheets/${sheet.id}/approve`, { token: f.clientToken, method: "POST" })).status).toBe(200);
    expect(await moneyOf(ctx, f)).toEqual({ unbalanced: 0, charges: [9_000], escrow: 0, freelancer: 8_100 });
  });

  it("approves a week the client left unanswered after the review window, once", async () => {
    const { ctx, clock } = testContext(env, { now: new Date("2026-11-25T10:00:00Z") });
    const f = await hourlyContract(ctx, { rate: 4_000 });
    await addManualEntry(ctx, f.freelancer, f.contractId, { date: "2026-11-24", minutes: 45 });
    const sheet = await submitTimesheet(ctx, f.freelancer, f.contractId, "2026-11-23");
    clock.advance(13 * 24 * 60 * 60_000);
    await autoApproveStaleTimesheets(ctx);
    expect((await ctx.db.select().from(timesheets).where(eq(timesheets.id, sheet.id)))[0].status).toBe("submitted");
    clock.advance(2 * 24 * 60 * 60_000);
    await autoApproveStaleTimesheets(ctx);
    await autoApproveStaleTimesheets(ctx);
    const [row] = await ctx.db.select().from(timesheets).where(eq(timesheets.id, sheet.id));
    expect(row).toMatchObject({ status: "approved", autoApproved: true });
    expect(await moneyOf(ctx, f)).toEqual({ unbalanced: 0, charges: [3_000], escrow: 0, freelancer: 2_700 });
  });

  it("refuses empty weeks, weeks not started, and submitting while the week's timer runs", async () => {
    const { ctx, clock } = testContext(env, { now: new Date("2026-11-25T10:00:00Z") });
    const f = await hourlyContract(ctx);
    await expect(submitTimesheet(ctx, f.freelancer, f.contractId, "2026-11-23")).rejects.toMatchObject({
      status: 422,
      code: "nothing_logged",
    });
    await expect(submitTimesheet(ctx, f.freelancer, f.contractId, "2026-11-30")).rejects.toMatchObject({ status: 422 });
    await startTimer(ctx, f.freelancer, f.contractId, {});
    clock.advance(30 * 60_000);
    await expect(submitTimesheet(ctx, f.freelancer, f.contractId, "2026-11-23")).rejects.toMatchObject({
      status: 409,
      code: "timer_running",
    });
    await stopTimer(ctx, f.freelancer, f.contractId, {});
    await expect(submitTimesheet(ctx, f.freelancer, f.contractId, "2026-11-23")).resolves.toMatchObject({ minutes: 30 });
  });
});

describe("hourly authorization", () => {
  it("answers 401 anonymously, 404 to strangers and 403 to the wrong party on every endpoint, changing nothing", async () => {
    const { ctx } = testContext(env);
    const f = await hourlyContract(ctx);
    const entry = await logged(f.freelancerToken, f.contractId, 30);
    const sheet = await submitted(f.freelancerToken, f.contractId);
    const other = await hourlyContract(ctx);
    const otherEntry = await logged(other.freelancerToken, other.contractId, 20);
    const stranger = await createTestUser(env, { roles: ["client", "freelancer"] });
    const week = thisWeek();
    const endpoints: [string, string, unknown, "client" | "freelancer" | null][] = [
      [`/api/contracts/${f.contractId}/time-entries`, "POST", { date: today(), minutes: 5 }, "client"],
      [`/api/contracts/${f.contractId}/time-entries`, "GET", undefined, null],
      [`/api/contracts/${f.contractId}/timer/start`, "POST", undefined, "client"],
      [`/api/contracts/${f.contractId}/timer/stop`, "POST", undefined, "client"],
      [`/api/time-entries/${entry.id}`, "PATCH", { memo: "mine" }, "client"],
      [`/api/time-entries/${entry.id}`, "DELETE", undefined, "client"],
      [`/api/contracts/${f.contractId}/timesheets`, "GET", undefined, null],
      [`/api/contracts/${f.contractId}/timesheets/${week}/submit`, "POST", undefined, "client"],
      [`/api/timesheets/${sheet.id}`, "GET", undefined, null],
      [`/api/timesheets/${sheet.id}/approve`, "POST", undefined, "freelancer"],
      [`/api/timesheets/${sheet.id}/dispute`, "POST", { reason: "No" }, "freelancer"],
    ];
    for (const [path, method, body, wrong] of endpoints) {
      expect((await call(path, { method, body })).status, `anonymous ${method} ${path}`).toBe(401);
      const res = await call(path, { method, body, token: stranger.accessToken });
      expect(res.status, `stranger ${method} ${path}`).toBe(404);
      if (wrong) {
        const token = wrong === "client" ? f.clientToken : f.freelancerToken;
        const denied = await call(path, { method, body, token });
        expect(denied.status, `${wrong} ${method} ${path}`).toBe(403);
        expect(denied.body.error.code).toBe("wrong_party");
      }
    }
    // A party of one contract cannot reach another contract's entries either.
    const foreign = await call(`/api/time-entries/${otherEntry.id}`, { token: f.freelancerToken, method: "DELETE" });
    expect(foreign.status).toBe(404);

    const [stored] = await ctx.db.select().from(timeEntries).where(eq(timeEntries.id, entry.id));
    expect(stored).toMatchObject({ minutes: 30, memo: "Work" });
    expect(
      await ctx.db
        .select()
        .from(timeEntries)
        .where(and(eq(timeEntries.contractId, f.contractId))),
    ).toHaveLength(1);
    expect((await ctx.db.select().from(timesheets).where(eq(timesheets.id, sheet.id)))[0].status).toBe("submitted");
    expect(await moneyOf(ctx, f)).toMatchObject({ charges: [], freelancer: 0 });
  });

  it("tracks time only on active hourly contracts", async () => {
    const { ctx } = testContext(env);
    const { fundedMilestone } = await import("../domain/contracts/test-fixtures");
    const fixed = await fundedMilestone(ctx, 10_000);
    const res = await call(`/api/contracts/${fixed.contractId}/time-entries`, {
      token: fixed.freelancerToken,
      body: { date: today(), minutes: 5 },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/hourly/);
  });
});
