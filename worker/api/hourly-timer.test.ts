import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { timeEntries } from "../../db/schema";
import { addManualEntry, listEntries } from "../domain/hourly/entries";
import { hourlyContract } from "../domain/hourly/test-fixtures";
import { startTimer, stopTimer } from "../domain/hourly/timer";
import { submitTimesheet } from "../domain/hourly/timesheets";
import { utcDate, weekStartAt } from "../domain/time/weeks";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { browserFor, htmlOf } from "../test-support/web";

const MINUTE = 60_000;

describe("hours are never dropped or cut without a word", () => {
  it("explains a timer stopped before half a minute instead of letting it vanish", async () => {
    const { ctx, clock } = testContext(env, { now: new Date("2026-11-25T10:00:00Z") });
    const f = await hourlyContract(ctx, { weeklyHourLimit: 5 });
    await startTimer(ctx, f.freelancer, f.contractId, {});
    clock.advance(20_000);
    const stopped = await stopTimer(ctx, f.freelancer, f.contractId, {});
    expect(stopped).toMatchObject({ entry: null, elapsedMinutes: 0, capped: false });
    expect(stopped.notice).toBe(
      "The timer ran for 20 seconds, under half a minute, so nothing was recorded. Log the time by hand if it should count.",
    );
    // A stop that recorded what ran says nothing extra.
    await startTimer(ctx, f.freelancer, f.contractId, {});
    clock.advance(45 * MINUTE);
    expect(await stopTimer(ctx, f.freelancer, f.contractId, {})).toMatchObject({ entry: { minutes: 45 }, capped: false, notice: null });
  });

  it("stops a timer itself at the weekly limit, at that moment, and says so", async () => {
    const { ctx, clock } = testContext(env, { now: new Date("2026-11-25T10:00:00Z") });
    const f = await hourlyContract(ctx, { weeklyHourLimit: 2 });
    await addManualEntry(ctx, f.freelancer, f.contractId, { date: "2026-11-25", minutes: 90 });
    await startTimer(ctx, f.freelancer, f.contractId, { memo: "Fixes" });

    const running = await listEntries(ctx, f.freelancer.id, f.contractId, { limit: 10 });
    expect(running.runningTimer).toMatchObject({ running: true, stopsAt: "2026-11-25T10:30:00.000Z" });
    expect(running.timerNotice).toBeNull();

    // Nobody presses stop; the next look at the week finds it stopped at the limit, not still counting.
    clock.advance(75 * MINUTE);
    const after = await listEntries(ctx, f.client.id, f.contractId, { limit: 10 });
    expect(after.runningTimer).toBeNull();
    expect(after.timerNotice).toBe(
      "The timer stopped itself at 25 Nov 2026, 10:30 UTC, when it reached this week's 2-hour limit: 30m recorded. Time worked after that is not recorded.",
    );
    expect(after.week).toMatchObject({ minutes: 120, remainingMinutes: 0 });
    const [timed] = await ctx.db
      .select()
      .from(timeEntries)
      .where(and(eq(timeEntries.contractId, f.contractId), eq(timeEntries.source, "timer")));
    expect(timed).toMatchObject({ contractId: f.contractId, minutes: 30, memo: "Fixes", stoppedAt: new Date("2026-11-25T10:30:00Z") });
    await expect(stopTimer(ctx, f.freelancer, f.contractId, {})).rejects.toMatchObject({ code: "no_timer" });

    // Pressing stop late gives the same record and the same words.
    const g = await hourlyContract(ctx, { weeklyHourLimit: 1 });
    await startTimer(ctx, g.freelancer, g.contractId, {});
    clock.advance(3 * 60 * MINUTE); // started at 11:15
    const late = await stopTimer(ctx, g.freelancer, g.contractId, {});
    expect(late).toMatchObject({ elapsedMinutes: 180, capped: true, stoppedAtLimit: true, entry: { minutes: 60 } });
    expect(late.entry?.stoppedAt).toBe("2026-11-25T12:15:00.000Z");
    expect(late.notice).toContain("stopped itself at 25 Nov 2026, 12:15 UTC, when it reached this week's 1-hour limit: 1h recorded");
  });

  it("says where time can still be logged once a week is submitted", async () => {
    const { ctx, clock } = testContext(env, { now: new Date("2026-11-25T10:00:00Z") }); // Wednesday of 2026-W48
    const f = await hourlyContract(ctx, { weeklyHourLimit: 10 });
    await addManualEntry(ctx, f.freelancer, f.contractId, { date: "2026-11-24", minutes: 120 });
    expect((await listEntries(ctx, f.freelancer.id, f.contractId, { limit: 10 })).logNext).toBeNull();
    await submitTimesheet(ctx, f.freelancer, f.contractId, "2026-11-23");

    // This week is closed: the rest of it cannot be logged, the next week can from its Monday.
    const closed = await listEntries(ctx, f.freelancer.id, f.contractId, { limit: 10 });
    expect(closed.logNext).toEqual({ weekStart: "2026-11-30", label: "2026-W49", from: "2026-11-30", remainingMinutes: 600 });

    // A week later, looking back at the submitted week points to the current one and what it has left.
    clock.set(new Date("2026-12-01T09:00:00Z"));
    await addManualEntry(ctx, f.freelancer, f.contractId, { date: "2026-11-30", minutes: 60 });
    const back = await listEntries(ctx, f.freelancer.id, f.contractId, { week: "2026-11-23", limit: 10 });
    expect(back.logNext).toEqual({ weekStart: "2026-11-30", label: "2026-W49", from: null, remainingMinutes: 540 });
  });

  it("shows the limit the running timer stops at, and where to log after submitting, on the time page", async () => {
    const { ctx } = testContext(env);
    const f = await hourlyContract(ctx, { weeklyHourLimit: 3 });
    const started = await call(`/api/contracts/${f.contractId}/timer/start`, { token: f.freelancerToken, method: "POST" });
    expect(started.status).toBe(201);
    const browser = await browserFor(f.freelancer, { timeZone: "Europe/Paris" });
    const running = await browser.get(`/contracts/${f.contractId}/time`);
    expect(running.status).toBe(200);
    expect(running.html).toMatch(/It stops itself at <time dateTime="[^"]+">[^<]+ CET<\/time>, when this week’s limit is reached\./);

    const api = await call(`/api/contracts/${f.contractId}/time-entries`, { token: f.freelancerToken });
    const stopsAt = Date.parse(api.body.runningTimer.stopsAt);
    expect(stopsAt - Date.parse(started.body.entry.startedAt)).toBe(3 * 60 * MINUTE);

    // A stop within half a minute is explained on the page (no JavaScript needed).
    const stop = await browser.post(`/contracts/${f.contractId}/time`, { intent: "stop" });
    expect(stop.status).toBe(200);
    expect(await htmlOf(stop)).toContain("under half a minute, so nothing was recorded");

    await addManualEntry(ctx, f.freelancer, f.contractId, { date: utcDate(new Date()), minutes: 30 });
    await submitTimesheet(ctx, f.freelancer, f.contractId, weekStartAt(new Date()));
    const page = await browser.get(`/contracts/${f.contractId}/time`);
    expect(page.html).toMatch(
      /is submitted: its time can no longer change\. Time worked from Monday .+ goes in <a[^>]*>week \d{4}-W\d{2}<\/a>, which has 3 h left\./,
    );
  });
});
