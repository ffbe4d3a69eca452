import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { events, outbox } from "../../db/schema";
import worker from "../index";
import { CRON_TASKS } from "./tasks";

const db = () => createDb(env);

describe("cron triggers and queues", () => {
  it("sends each declared cron's task to the jobs queue", async () => {
    const sent: unknown[] = [];
    const jobsQueue = { send: async (body: unknown) => void sent.push(body) } as unknown as Queue<unknown>;
    for (const cron of Object.keys(CRON_TASKS)) {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ cron, scheduledTime: Date.now() }), { ...env, JOBS_QUEUE: jobsQueue }, ctx);
      await waitOnExecutionContext(ctx);
    }
    expect(sent).toEqual(Object.values(CRON_TASKS).map((task) => ({ type: "task", task })));
  });

  it("runs a task from the jobs queue and records the run", async () => {
    const batch = createMessageBatch("jobs", [
      { id: "m1", timestamp: new Date(), attempts: 1, body: { type: "task", task: "fraud.sweep" } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toContain("m1");
    const rows = await db()
      .select()
      .from(events)
      .where(and(eq(events.type, "task.run"), eq(events.subjectId, "fraud.sweep")));
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(String(rows[0].data?.summary)).toMatch(
      /^scored \d+ users, \d+ projects, \d+ payments; \d+ new alerts, \d+ updated, \d+ payout holds$/,
    );
  });

  it("acknowledges and drops a malformed job instead of retrying it forever", async () => {
    const batch = createMessageBatch("jobs", [{ id: "bad", timestamp: new Date(), attempts: 1, body: { type: "no-such-job" } }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toContain("bad");
    expect(result.retryMessages).toEqual([]);
  });

  it("delivers mail from the email queue to the local outbox", async () => {
    const to = `queue-${crypto.randomUUID()}@example.test`;
    const body = { to, subject: "Welcome", text: "Hello there", template: "welcome" };
    const batch = createMessageBatch("email", [{ id: "e1", timestamp: new Date(), attempts: 1, body }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toContain("e1");
    const mail = await db().select().from(outbox).where(eq(outbox.toAddress, to));
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe("Welcome");
  });

  it("asks for a retry when delivery fails", async () => {
    const batch = createMessageBatch("email", [
      { id: "e2", timestamp: new Date(), attempts: 1, body: { to: "x@example.test", subject: "Hi", text: "Hi", template: "t" } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, { ...env, DATABASE_URL: "http://127.0.0.1:9/" }, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.retryMessages.map((m: { msgId: string }) => m.msgId)).toContain("e2");
  });
});
