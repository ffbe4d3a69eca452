import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contractEvents, notifications } from "../../db/schema";
import { hourlyContract } from "../domain/hourly/test-fixtures";
import { utcDate, weekStartAt } from "../domain/time/weeks";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";

describe("hourly approvals speak of hours", () => {
  it("tells the freelancer once that the week was approved and paid, and the timeline says hours, never milestones", async () => {
    const { ctx } = testContext(env);
    const f = await hourlyContract(ctx, { rate: 4_500, weeklyHourLimit: 10 });
    const logged = await call(`/api/contracts/${f.contractId}/time-entries`, {
      token: f.freelancerToken,
      body: { date: utcDate(new Date()), minutes: 60, memo: "Call and fixes" },
    });
    expect(logged.status).toBe(201);
    const week = weekStartAt(new Date());
    expect(
      (await call(`/api/contracts/${f.contractId}/timesheets/${week}/submit`, { token: f.freelancerToken, method: "POST" })).status,
    ).toBe(200);
    const before = await ctx.db.select().from(notifications).where(eq(notifications.userId, f.freelancer.id));
    const sheet = (await call(`/api/contracts/${f.contractId}/timesheets`, { token: f.clientToken })).body.items[0];
    const approved = await call(`/api/timesheets/${sheet.id}/approve`, { token: f.clientToken, method: "POST" });
    expect(approved.status).toBe(200);

    const told = (await ctx.db.select().from(notifications).where(eq(notifications.userId, f.freelancer.id))).filter(
      (n) => !before.some((b) => b.id === n.id),
    );
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ type: "timesheet_approved" });
    expect(told[0].title).toMatch(/^Timesheet approved and paid: \d{4}-W\d{2}$/);
    expect(told[0].body).toContain(
      "the hours were charged to the client and $40.50 was paid to your balance ($45.00 less the $4.50 platform fee)",
    );
    for (const n of told) expect(`${n.title} ${n.body}`).not.toMatch(/milestone/i);

    const types = (await ctx.db.select().from(contractEvents).where(eq(contractEvents.contractId, f.contractId))).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["timesheet.submitted", "timesheet.approved", "timesheet.charged", "timesheet.paid"]));
    expect(types.filter((t) => t.startsWith("milestone."))).toEqual([]);
  });
});
