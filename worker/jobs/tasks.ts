import type { DomainContext } from "../domain/context";
import { auditStatement, recordEvent } from "../domain/shared/audit";
import type { FraudSweepChunkJob } from "../domain/shared/jobs";
import { describeRefresh, refreshRates } from "./rates-refresh";
import { autoApproveStaleMilestones } from "../domain/milestones/auto-approve";
import { describeSweep, planFraudSweep, runFraudSweepChunk, type SweepResult } from "../domain/trust/sweep";
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

/**
 * Runs one scheduled task and leaves an event behind, so operators can see every run. A task that hands its work to
 * the jobs queue in chunks (the fraud sweep) leaves its event when the last chunk finishes instead.
 */
export async function runTask(ctx: DomainContext, task: TaskName): Promise<TaskResult> {
  const summary = await runTaskBody(ctx, task);
  if (summary === QUEUED) {
    ctx.log("task queued in chunks", { task });
    return { task, summary: "queued in chunks" };
  }
  await recordEvent(ctx, { type: "task.run", subjectType: "task", subjectId: task, data: { summary } });
  ctx.log("task finished", { task, summary });
  return { task, summary };
}

const QUEUED = Symbol("queued in chunks");

/**
 * The cron's fraud sweep: cut into queue-sized chunks, each a job of its own. A sweep that fits one chunk (or a
 * context without a queue) runs here and now.
 */
async function fraudSweepTask(ctx: DomainContext): Promise<string | typeof QUEUED> {
  const jobs = await planFraudSweep(ctx, CRON_WINDOW_MS);
  const enqueue = ctx.enqueue;
  if (enqueue && jobs.length > 1) {
    await Promise.all(jobs.map((job) => enqueue(job)));
    return QUEUED;
  }
  let sweep: SweepResult | null = null;
  for (const job of jobs) sweep = (await runFraudSweepChunk(ctx, job)).sweep;
  return describeSweep(sweep!);
}

/**
 * One queued chunk of the fraud sweep. The chunk that completes the sweep writes the sweep's task.run entry, under
 * the sweep's id, so chunks finishing together or a redelivery still leave exactly one.
 */
export async function runFraudSweepChunkJob(ctx: DomainContext, job: FraudSweepChunkJob): Promise<void> {
  const { sweep } = await runFraudSweepChunk(ctx, job);
  if (!sweep) return;
  const summary = describeSweep(sweep);
  await auditStatement(ctx, {
    id: job.sweepId,
    type: "task.run",
    subjectType: "task",
    subjectId: "fraud.sweep",
    data: { summary, chunks: job.chunks, windowStart: sweep.windowStart, windowEnd: sweep.windowEnd },
  }).onConflictDoNothing();
  ctx.log("task finished", { task: "fraud.sweep", summary, chunks: job.chunks });
}

async function runTaskBody(ctx: DomainContext, task: TaskName): Promise<string | typeof QUEUED> {
  switch (task) {
    case "rates.refresh": {
      // The hourly run also cancels payments started a day ago and never finished.
      const rates = describeRefresh(await refreshRates(ctx));
      return `${rates}; ${describeExpiry(await expireAbandonedPayments(ctx))}`;
    }
    case "fraud.sweep":
      return fraudSweepTask(ctx);
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
