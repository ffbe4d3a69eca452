import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { fileURLToPath } from "node:url";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../migrations", import.meta.url));

/** Applies every migration in migrations/ that the database has not seen yet. */
export async function migrateDatabase(url: string, authToken?: string): Promise<void> {
  const client = createClient({ url, authToken: authToken || undefined });
  try {
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    client.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const url = process.env.DATABASE_URL ?? "http://127.0.0.1:8080";
  migrateDatabase(url, process.env.DATABASE_AUTH_TOKEN)
    .then(() => console.log(`Migrations applied to ${url}`))
    .catch((error) => {
      console.error(`Migration failed for ${url}: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    });
}
