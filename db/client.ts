import { createClient, type Client } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import * as schema from "./schema";

export type Db = ReturnType<typeof drizzle<typeof schema>>;

export interface DbConfig {
  DATABASE_URL: string;
  DATABASE_AUTH_TOKEN?: string;
}

export function createLibsqlClient(config: DbConfig): Client {
  return createClient({ url: config.DATABASE_URL, authToken: config.DATABASE_AUTH_TOKEN || undefined });
}

/** One drizzle instance per request: the web client is a thin HTTP client, cheap to create. */
export function createDb(config: DbConfig | Client): Db {
  const client = "execute" in config ? config : createLibsqlClient(config);
  return drizzle(client, { schema });
}
