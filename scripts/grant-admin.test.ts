import { createClient } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalDbServer } from "../db/local-server";
import { migrateDatabase } from "../db/migrate";
import { grantAdmin } from "./grant-admin";

let server: Awaited<ReturnType<typeof startLocalDbServer>>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "megilance-admin-"));
  server = await startLocalDbServer({ file: join(dir, "db.sqlite"), port: 0 });
  await migrateDatabase(server.url);
  const client = createClient({ url: server.url });
  await client.execute({
    sql: "insert into users (id, email, name, roles, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
    args: ["u1", "ops@example.test", "Ops", JSON.stringify(["client"]), Date.now(), Date.now()],
  });
  client.close();
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("grant-admin CLI", () => {
  it("adds the admin role once, keeps the other roles, and audits it", async () => {
    expect(await grantAdmin(server.url, "OPS@example.test")).toBe("granted");
    expect(await grantAdmin(server.url, "ops@example.test")).toBe("already_admin");
    const client = createClient({ url: server.url });
    const { rows } = await client.execute("select roles from users where id = 'u1'");
    expect(JSON.parse(String(rows[0].roles))).toEqual(["client", "admin"]);
    const audit = await client.execute("select count(*) as n from events where type = 'admin.role_granted' and subject_id = 'u1'");
    expect(Number(audit.rows[0].n)).toBe(1);
    client.close();
  });

  it("fails clearly for an unknown email", async () => {
    await expect(grantAdmin(server.url, "nobody@example.test")).rejects.toThrow(/No account/);
  });
});
