import { env } from "cloudflare:test";
import { and, desc, eq } from "drizzle-orm";
import { createDb } from "../../db/client";
import { outbox } from "../../db/schema";

/** Waits for the email queue consumer to deliver a mail to the local outbox, and returns it. */
export async function waitForMail(to: string, template: string, timeoutMs = 8_000) {
  const db = createDb(env);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [mail] = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, to), eq(outbox.template, template)))
      .orderBy(desc(outbox.id))
      .limit(1);
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No "${template}" mail reached ${to} within ${timeoutMs} ms`);
}

export async function mailsTo(to: string) {
  return createDb(env).select().from(outbox).where(eq(outbox.toAddress, to));
}

/** The token query parameter of the first link in a mail body. */
export function tokenFromMail(text: string): string {
  const match = /token=([a-z0-9]+)/.exec(text);
  if (!match) throw new Error(`No token link in mail:\n${text}`);
  return match[1];
}
