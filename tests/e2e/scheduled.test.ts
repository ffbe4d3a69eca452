import { createClient } from "@libsql/client";
import { and, count, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { afterAll, describe, expect, inject, it } from "vitest";
import * as schema from "../../db/schema";
import { declaredCrons, fireCron } from "../../scripts/local-cron";
import { taskForCron } from "../../worker/jobs/tasks";

const baseUrl = inject("baseUrl");
const client = createClient({ url: inject("stackDatabaseUrl") });
const db = drizzle(client, { schema });

afterAll(() => client.close());

async function runsOf(task: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(schema.events)
    .where(and(eq(schema.events.type, "task.run"), eq(schema.events.subjectId, task)));
  return row.n;
}

describe("Cron Triggers in the running app", () => {
  it("runs every declared cron through the Worker's scheduled entry, as npm run dev fires them, and leaves each task's audit entry", async () => {
    const crons = declaredCrons();
    expect(crons.length).toBeGreaterThan(0);
    for (const cron of crons) {
      const task = taskForCron(cron);
      expect(task, `wrangler.toml declares "${cron}", which starts no task`).toBeDefined();
      const before = await runsOf(task!);
      await fireCron(baseUrl, cron);
      // scheduled() enqueues the task; the jobs queue consumer runs it and records the event.
      await expect.poll(() => runsOf(task!), { timeout: 30_000, interval: 250 }).toBe(before + 1);
    }
  });
});
