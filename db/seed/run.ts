import { createClient } from "@libsql/client";
import { count } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import type { Db } from "../client";
import { hashPassword } from "../../worker/domain/auth/password";
import type { FileBucket } from "../../worker/domain/files/uploads";
import * as schema from "../schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import { discardedFiles, openLocalFiles } from "./local-files";
import { DEMO_MARKET_SEED, seedDemoMarket } from "./market";
import { rngFor, seededId } from "./market-random";
import { seedDemoStory } from "./story";
import { loadTaxonomy } from "./taxonomy-load";

export type SeedDb = ReturnType<typeof drizzle<typeof schema>>;

export interface SeedOptions {
  /** wrangler's `--persist-to` folder: the story's files go into its local R2 bucket. Without it they are dropped. */
  wranglerDir?: string;
  /** The app's origin, for the links in the story's mail. */
  appOrigin?: string;
}

/** Seeds the demo accounts, the market and the demo story into an empty database. Returns false when users already exist. */
export async function seedIfEmpty(url: string, say: (message: string) => void = () => {}, options: SeedOptions = {}): Promise<boolean> {
  const client = createClient({ url });
  const db = drizzle(client, { schema });
  try {
    await loadTaxonomy(db);
    const [{ users }] = await db.select({ users: count() }).from(schema.users);
    if (users > 0) return false;
    const files = options.wranglerDir ? await openLocalFiles(options.wranglerDir) : { bucket: discardedFiles(), close: async () => {} };
    try {
      await seedDemo(db, { bucket: files.bucket, appOrigin: options.appOrigin, say });
    } finally {
      await files.close();
    }
    return true;
  } finally {
    client.close();
  }
}

/** Everything `npm run dev` shows, as of `now`: the same data for the same moment. */
export async function seedDemo(
  db: SeedDb,
  options: { bucket: FileBucket; now?: Date; appOrigin?: string; say?: (message: string) => void },
): Promise<void> {
  const say = options.say ?? (() => {});
  const now = options.now ?? new Date();
  await seedDemoAccounts(db, now);
  say(`seeded ${DEMO_ACCOUNTS.length} demo accounts (password "${DEMO_PASSWORD}")`);
  await seedDemoMarket(db, say, now);
  const started = Date.now();
  await seedDemoStory(db as unknown as Db, { bucket: options.bucket, appOrigin: options.appOrigin, now });
  say(`seeded the demo story (contracts in every state, payments, conversations, reviews, disputes) in ${Date.now() - started} ms`);
}

/** The demo accounts joined long before the demo story's first chapter. */
const DEMO_MEMBER_FOR_MS = 400 * 24 * 60 * 60 * 1000;

async function seedDemoAccounts(db: SeedDb, now: Date): Promise<void> {
  const joined = new Date(now.getTime() - DEMO_MEMBER_FOR_MS);
  const rows = await Promise.all(
    DEMO_ACCOUNTS.map(async (account, i) => ({
      id: seededId(joined.getTime(), rngFor(DEMO_MARKET_SEED, "demo-account", i), "D", i),
      email: account.email,
      name: account.name,
      roles: account.roles,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      emailVerifiedAt: joined,
      createdAt: joined,
      updatedAt: joined,
    })),
  );
  await db.insert(schema.users).values(rows);
}
