import type { DomainContext } from "../domain/context";
import { recordEvent } from "../domain/shared/audit";
import { describeRefresh, refreshRates } from "./rates-refresh";
import { autoApproveStaleMilestones } from "../domain/milestones/auto-approve";
import { runFraudSweep } from "../domain/trust/sweep";
import { CRON_WINDOW_MS } from "../domain/trust/weights";
import { stripeDailyChecks } from "./stripe-daily";
import { autoApproveStaleTimesheets } from "../domain/hourly/approve";
import { issueMissingInvoices } from "../domain/invoices/sweep";
import { disputeAndReviewDeadlines } from "./deadlines";
import { describeExpiry, expireAbandonedPayments } from "../domain/payments/cancel";
import { sweepMeetingReminders } from "../domain/meetings/reminders";
import { deleteExpiredRecordings } from "../domain/recordings/recordings";
import { queueSavedSearchDigests } from "../domain/saved-searches/digest";

/** Cron expression (as declared in wrangler.toml) -> the task it starts. */
export const CRON_TASKS = {
  "0 * * * *": "rates.refresh",
  "*/15 * * * *": "fraud.sweep",
  "0 6 * * *": "daily.digest",
  "*/5 * * * *": "meetings.remind",
} as const;

export type TaskName = (typeof CRON_TASKS)[keyof typeof CRON_TASKS];
export const TASK_NAMES = Object.values(CRON_TASKS) as TaskName[];

export function taskForCron(cron: string): TaskName | undefined {
  return (CRON_TASKS as Record<string, TaskName>)[cron];
}

export interface TaskResult {
  task: TaskName;
  summary: string;
}

/** Runs one scheduled task and leaves an event behind, so operators can see every run. */
export async function runTask(ctx: DomainContext, task: TaskName): Promise<TaskResult> {
  const summary = await runTaskBody(ctx, task);
  await recordEvent(ctx, { type: "task.run", subjectType: "task", subjectId: task, data: { summary } });
  ctx.log("task finished", { task, summary });
  return { task, summary };
}

async function runTaskBody(ctx: DomainContext, task: TaskName): Promise<string> {
  switch (task) {
    case "rates.refresh": {
      // The hourly run also cancels payments started a day ago and never finished.
      const rates = describeRefresh(await refreshRates(ctx));
      return `${rates}; ${describeExpiry(await expireAbandonedPayments(ctx))}`;
    }
    case "fraud.sweep": {
      const swept = await runFraudSweep(ctx, CRON_WINDOW_MS);
      return `scored ${swept.scored.users} users, ${swept.scored.projects} projects, ${swept.scored.payments} payments; ${swept.created} new alerts, ${swept.updated} updated, ${swept.held} payout holds`;
    }
    case "daily.digest": {
      const { approved, failed } = await autoApproveStaleMilestones(ctx);
      const deadlines = await disputeAndReviewDeadlines(ctx);
      const hours = await autoApproveStaleTimesheets(ctx);
      const invoiced = await issueMissingInvoices(ctx);
      const stripe = await stripeDailyChecks(ctx);
      const recordings = await deleteExpiredRecordings(ctx);
      const digests = await queueSavedSearchDigests(ctx);
      return `${digests}; deleted ${recordings} call recordings past 30 days; auto-approved ${approved} milestones (${failed} failed); ${deadlines}; auto-approved ${hours.approved} timesheets (${hours.failed} failed); issued ${invoiced} missing invoices; ${stripe}`;
    }
    case "meetings.remind":
      return sweepMeetingReminders(ctx);
    default:
      return task satisfies never;
  }
}
