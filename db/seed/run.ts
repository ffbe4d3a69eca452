import { createClient } from "@libsql/client";
import { count } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { hashPassword } from "../../worker/domain/auth/password";
import * as schema from "../schema";
import { newId } from "../schema/ids";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import { seedDemoMarket } from "./market";
import { loadTaxonomy } from "./taxonomy-load";

export type SeedDb = ReturnType<typeof drizzle<typeof schema>>;

/** Seeds the demo market into an empty database. Returns false when users already exist. */
export async function seedIfEmpty(url: string, say: (message: string) => void = () => {}): Promise<boolean> {
  const client = createClient({ url });
  const db = drizzle(client, { schema });
  try {
    await loadTaxonomy(db);
    const [{ users }] = await db.select({ users: count() }).from(schema.users);
    if (users > 0) return false;
    await seedDemoAccounts(db);
    say(`seeded ${DEMO_ACCOUNTS.length} demo accounts (password "${DEMO_PASSWORD}")`);
    await seedDemoMarket(db, say);
    return true;
  } finally {
    client.close();
  }
}

async function seedDemoAccounts(db: SeedDb): Promise<void> {
  const now = new Date();
  const rows = await Promise.all(
    DEMO_ACCOUNTS.map(async (account) => ({
      id: newId(),
      email: account.email,
      name: account.name,
      roles: account.roles,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      emailVerifiedAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await db.insert(schema.users).values(rows);
}
