import { z } from "zod";
import { sendPasswordReset } from "../domain/auth/password-reset";
import type { DomainContext } from "../domain/context";
import { domainJobSchemas } from "../domain/shared/jobs";
import { settleStripeMilestone } from "../domain/settlement/settle";
import { runFraudSweepChunkJob, runTask, TASK_NAMES, taskForCron, type TaskName } from "./tasks";
import type { Env } from "../env";
import { domainContextFromEnv } from "../platform/domain-context";
import { emailMessageSchema } from "../platform/email/message";
import { createOutboxMailer } from "../platform/email/outbox-mailer";
import { remindMeeting } from "../domain/meetings/reminders";
import { alertSavedSearches } from "../domain/saved-searches/instant";
import { sendSavedSearchDigest } from "../domain/saved-searches/digest";

export const jobSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("task"), task: z.enum(TASK_NAMES as [TaskName, ...TaskName[]]) }),
  z.object({ type: z.literal("stripe.settle"), milestoneId: z.string().min(1) }),
  ...domainJobSchemas,
]);
export type Job = z.infer<typeof jobSchema>;

/** Cron fires; the task itself runs from the jobs queue so it gets retries. */
export async function handleScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const task = taskForCron(controller.cron);
  if (!task) {
    console.warn(JSON.stringify({ message: "unknown cron", cron: controller.cron }));
    return;
  }
  await env.JOBS_QUEUE.send({ type: "task", task } satisfies Job);
}

export async function handleQueue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const ctx = domainContextFromEnv(env);
  for (const message of batch.messages) {
    try {
      if (batch.queue.startsWith("email")) {
        const parsed = emailMessageSchema.safeParse(message.body);
        if (!parsed.success) {
          ctx.log("dropping malformed email message", { id: message.id });
          message.ack();
          continue;
        }
        await createOutboxMailer(ctx.db).send(parsed.data);
      } else {
        const parsed = jobSchema.safeParse(message.body);
        if (!parsed.success) {
          ctx.log("dropping malformed job", { id: message.id });
          message.ack();
          continue;
        }
        await runJob(ctx, parsed.data);
      }
      message.ack();
    } catch (error) {
      ctx.log("queue message failed, will retry", { id: message.id, error: String(error) });
      message.retry();
    }
  }
}

async function runJob(ctx: DomainContext, job: Job): Promise<void> {
  switch (job.type) {
    case "task":
      await runTask(ctx, job.task);
      return;
    case "stripe.settle": {
      const result = await settleStripeMilestone(ctx, job.milestoneId);
      // Throwing hands the message back to the queue, which retries it later with the same idempotency keys.
      if (result.failed > 0) throw new Error(`${result.failed} Stripe requests failed for milestone ${job.milestoneId}`);
      return;
    }
    case "auth.password_reset":
      await sendPasswordReset(ctx, job.email, job.meta);
      return;
    case "meeting.remind":
      await remindMeeting(ctx, job.meetingId, job.startsAt);
      return;
    case "saved-search.match":
      await alertSavedSearches(ctx, job.projectId);
      return;
    case "saved-search.digest":
      await sendSavedSearchDigest(ctx, job.savedSearchId);
      return;
    case "fraud.sweep_chunk":
      await runFraudSweepChunkJob(ctx, job);
      return;
    default:
      return job satisfies never;
  }
}
