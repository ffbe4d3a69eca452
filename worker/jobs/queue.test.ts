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
import { events, fraudSweepChunks, outbox } from "../../db/schema";
import { newId } from "../../db/schema/ids";
import { createTestUser } from "../test-support/users";
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

  // A task that always runs in one call, whatever other tests left in the database: the fraud sweep hands a busy
  // window to the queue in chunks instead, and records its run when the last chunk is done (the next test).
  it("runs a task from the jobs queue and records the run", async () => {
    const batch = createMessageBatch("jobs", [
      { id: "m1", timestamp: new Date(), attempts: 1, body: { type: "task", task: "meetings.remind" } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toContain("m1");
    const rows = await db()
      .select()
      .from(events)
      .where(and(eq(events.type, "task.run"), eq(events.subjectId, "meetings.remind")));
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(String(rows[0].data?.summary)).toMatch(/^sent \d+ meeting reminders, queued \d+$/);
  });

  it("runs a fraud sweep queued in chunks, each its own message; the last records the sweep once, redeliveries add nothing", async () => {
    const people = await Promise.all([createTestUser(env), createTestUser(env), createTestUser(env)]);
    const sweepId = newId();
    const windowEnd = Date.now();
    const job = (chunk: number, userIds: string[]) => ({
      type: "fraud.sweep_chunk",
      sweepId,
      chunk,
      chunks: 2,
      windowStart: windowEnd - 30 * 60 * 1000,
      windowEnd,
      userIds,
      projectIds: [],
      paymentIds: [],
    });
    const deliver = async (id: string, body: unknown) => {
      const batch = createMessageBatch("jobs", [{ id, timestamp: new Date(), attempts: 1, body }]);
      const ctx = createExecutionContext();
      await worker.queue(batch, env, ctx);
      expect((await getQueueResult(batch, ctx)).explicitAcks).toContain(id);
    };
    const runs = () =>
      db()
        .select()
        .from(events)
        .where(and(eq(events.type, "task.run"), eq(events.subjectId, "fraud.sweep"), eq(events.id, sweepId)));
    const chunkRows = () => db().select().from(fraudSweepChunks).where(eq(fraudSweepChunks.sweepId, sweepId));

    await deliver("c0", job(0, [people[0].user.id, people[1].user.id]));
    expect(await runs()).toEqual([]);
    await deliver("c1", job(1, [people[2].user.id]));
    const [run] = await runs();
    expect(String(run?.data?.summary)).toBe("scored 3 users, 0 projects, 0 payments; 0 new alerts, 0 updated, 0 payout holds");
    expect(run?.data).toMatchObject({ chunks: 2, windowEnd: new Date(windowEnd).toISOString() });

    await deliver("c1-again", job(1, [people[2].user.id]));
    await deliver("c0-again", job(0, [people[0].user.id, people[1].user.id]));
    expect(await runs()).toHaveLength(1);
    expect((await chunkRows()).map((r) => r.chunk).sort()).toEqual([0, 1]);
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
