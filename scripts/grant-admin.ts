/**
 * Grants the admin role — the only way to get it besides the local seed.
 * Usage: DATABASE_URL=... [DATABASE_AUTH_TOKEN=...] npm run admin:grant -- person@example.com
 */
import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import * as schema from "../db/schema";
import { newId } from "../db/schema/ids";

export async function grantAdmin(url: string, email: string, authToken?: string): Promise<"granted" | "already_admin"> {
  const client = createClient({ url, authToken });
  const db = drizzle(client, { schema });
  try {
    const user = await db.query.users.findFirst({ where: eq(schema.users.email, email.trim().toLowerCase()) });
    if (!user) throw new Error(`No account with the email ${email}`);
    if (user.roles.includes("admin")) return "already_admin";
    await db.batch([
      db
        .update(schema.users)
        .set({ roles: [...user.roles, "admin"], updatedAt: new Date() })
        .where(eq(schema.users.id, user.id)),
      db.insert(schema.events).values({
        id: newId(),
        type: "admin.role_granted",
        subjectType: "user",
        subjectId: user.id,
        data: { via: "cli" },
        createdAt: new Date(),
      }),
    ]);
    return "granted";
  } finally {
    client.close();
  }
}

if (process.argv[1] === import.meta.filename) {
  const email = process.argv[2];
  if (!email) {
    console.error("Usage: npm run admin:grant -- <email>");
    process.exit(2);
  }
  const url = process.env.DATABASE_URL ?? "http://127.0.0.1:8080";
  grantAdmin(url, email, process.env.DATABASE_AUTH_TOKEN)
    .then((result) => console.log(result === "granted" ? `${email} is now an admin.` : `${email} was already an admin.`))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
