import type { DomainContext } from "../context";
import { recordEvent } from "./audit";
import { autoApproveStaleMilestones } from "../milestones/auto-approve";

/** Cron expression (as declared in wrangler.toml) -> the task it starts. */
export const CRON_TASKS = {
  "0 * * * *": "rates.refresh",
  "*/15 * * * *": "fraud.sweep",
  "0 6 * * *": "daily.digest",
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
    case "rates.refresh":
    case "fraud.sweep":
      return "nothing to do";
    case "daily.digest": {
      const { approved, failed } = await autoApproveStaleMilestones(ctx);
      return `auto-approved ${approved} milestones (${failed} failed)`;
    }
    default:
      return task satisfies never;
  }
}
