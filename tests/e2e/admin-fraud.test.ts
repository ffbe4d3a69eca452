import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import * as schema from "../../db/schema";
import { newId } from "../../db/schema/ids";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { confirmedClick } from "./demo-session";
import { NEW_PASSWORD, signedIn } from "./people";

const baseUrl = inject("baseUrl");
const client = createClient({ url: inject("stackDatabaseUrl") });
const db = drizzle(client, { schema });
const browser = browserForThisFile();

afterAll(() => {
  client.close();
});

/** Today's footprint of a scam account: five more accounts on its address, and messages that take the deal off the platform. */
async function plantFraudActivity(userId: string): Promise<void> {
  const now = new Date();
  const ip = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
  const session = (uid: string) => ({
    id: newId(),
    userId: uid,
    kind: "web" as const,
    tokenHash: `planted-${newId()}`,
    expiresAt: new Date(now.getTime() + 86_400_000),
    lastVerifiedAt: now,
    lastSeenAt: now,
    ip,
    userAgent: "planted-browser",
    createdAt: now,
  });
  const others = Array.from({ length: 5 }, (_, i) => ({
    id: newId(),
    email: `farm-${i}-${newId().toLowerCase()}@yopmail.com`,
    name: `Farm account ${i}`,
    roles: ["freelancer" as const],
    createdAt: now,
    updatedAt: now,
  }));
  await db.insert(schema.users).values(others);
  await db.insert(schema.sessions).values([session(userId), ...others.map((o) => session(o.id))]);
  const [demoClient] = await db.select().from(schema.users).where(eq(schema.users.email, "client@demo.test"));
  const conversationId = newId();
  await db.insert(schema.conversations).values({
    id: conversationId,
    clientId: demoClient.id,
    freelancerId: userId,
    contextKey: "direct",
    lastActivityAt: now,
    createdAt: now,
  });
  await db.insert(schema.conversationMembers).values([
    { conversationId, userId: demoClient.id },
    { conversationId, userId },
  ]);
  await db.insert(schema.messages).values(
    ["Add me on WhatsApp, it is faster.", "Pay me directly by bank transfer and we both skip the fees.", "Western Union is fine too."].map(
      (body) => ({
        id: newId(),
        conversationId,
        senderId: userId,
        body,
        attachments: [],
        createdAt: now,
      }),
    ),
  );
}

describe("admin blocks a fraudulent account from its alert", () => {
  it("runs the sweep, opens the alert, blocks the account, and the account's next request is refused with the reason and an appeal link", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const name = `Sam Scam ${tag}`;
    const email = `sam-${tag}@yopmail.com`;
    const registered = await fetch(`${baseUrl}/api/auth/register`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password: NEW_PASSWORD, name, role: "freelancer" }),
    });
    expect(registered.status).toBe(201);
    const { user } = (await registered.json()) as { user: { id: string } };
    const scammer = (await signedIn(browser, email, { password: NEW_PASSWORD, landsOn: "/freelancer" })).page;
    await plantFraudActivity(user.id);

    const admin = (await signedIn(browser, "admin@demo.test", { landsOn: "/admin" })).page;
    const watch = watchConsoleErrors(admin);
    await admin.getByRole("link", { name: "Fraud alerts" }).click();
    await admin.waitForURL(`${baseUrl}/admin/fraud`);
    await admin.getByLabel("Activity window").selectOption("24");
    await admin.getByRole("button", { name: "Run the sweep" }).click();
    await expect.poll(() => admin.getByText(/new alerts/).count(), { timeout: 20_000 }).toBe(1);
    await admin.getByLabel("Severity").selectOption("critical");
    await admin.getByRole("button", { name: "Filter" }).click();
    await admin.waitForURL(/severity=critical/);
    await expectAccessible(admin);
    await admin.getByRole("link", { name: new RegExp(name) }).click();
    await admin.waitForURL(/\/admin\/fraud\/[0-9A-Z]+$/);
    await expect.poll(() => admin.getByRole("heading", { level: 1 }).textContent()).toContain(name);
    await expect.poll(() => admin.getByText("messages try to move contact or payment off the platform").count()).toBe(1);
    await expectAccessible(admin);

    await admin.getByLabel("Reason shown to the account").fill("Taking payments off the platform");
    await confirmedClick(admin, "Block the account");
    await expect.poll(() => admin.getByText(/is blocked and signed out everywhere/).count(), { timeout: 15_000 }).toBe(1);
    expect(watch.errors).toEqual([]);

    // The blocked account's very next requests, on its existing session.
    const api = await scammer.evaluate(async () => {
      const res = await fetch("/api/auth/me");
      return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
    });
    expect(api.status).toBe(403);
    expect(api.body.error.code).toBe("account_blocked");
    expect(api.body.error.message).toContain("Taking payments off the platform");
    const response = await scammer.reload();
    expect(response?.status()).toBe(403);
    await expect.poll(() => scammer.getByRole("heading", { name: "Your account is blocked" }).count()).toBe(1);
    expect(await scammer.getByText(/Taking payments off the platform/).count()).toBeGreaterThan(0);
    await expectAccessible(scammer);

    await scammer.getByRole("link", { name: "Appeal the block" }).click();
    await scammer.waitForURL(`${baseUrl}/appeal`);
    expect(await scammer.getByLabel("Email of the blocked account").inputValue()).toBe(email);
    await scammer.getByLabel("Your appeal").fill("Those messages were a misunderstanding; I will keep every payment on MegiLance.");
    await scammer.getByRole("button", { name: "Send the appeal" }).click();
    await expect.poll(() => scammer.getByText("Appeal received").count()).toBe(1);
    await expectAccessible(scammer);

    await admin.goto(`${baseUrl}/admin/appeals`);
    await expect.poll(() => admin.getByRole("link", { name }).count()).toBe(1);
    await expectAccessible(admin);
  });
});
