/**
 * The fraud-sweep scenario: one day of activity (with planted fraud) written on top of the bench market
 * once the app is up, and an admin to run the sweep as.
 */
import { createClient } from "@libsql/client";
import { randomBytes } from "node:crypto";
import { drizzle } from "drizzle-orm/libsql";
import * as schema from "../db/schema";
import { BENCH_ACTIVITY, seedOneDayOfActivity, TEST_ACTIVITY } from "../db/seed/trust-activity";
import { grantAdmin } from "../scripts/grant-admin";
import type { PrepareContext } from "./matching-setup";

async function postJson(url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function prepareFraudSweepScenario({ baseUrl, databaseUrl }: PrepareContext) {
  const client = createClient({ url: databaseUrl });
  try {
    const started = Date.now();
    const large = (process.env.BENCH_SCALE ?? "large") === "large";
    const activity = await seedOneDayOfActivity(drizzle(client, { schema }), {
      now: new Date(),
      scale: large ? BENCH_ACTIVITY : TEST_ACTIVITY,
    });
    process.stdout.write(
      `(one day of activity, ${activity.fraudulentUserIds.size} planted fraudulent accounts, seeded in ${Date.now() - started} ms) `,
    );
  } finally {
    client.close();
  }
  const email = `bench-sweep-${Date.now().toString(36)}@bench.test`;
  const password = randomBytes(18).toString("base64url");
  await postJson(`${baseUrl}/api/auth/register`, { email, password, name: "Bench Admin", role: "client" });
  await grantAdmin(databaseUrl, email);
  const { accessToken } = (await postJson(`${baseUrl}/api/auth/login`, { email, password })) as { accessToken: string };
  return { headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" } };
}
