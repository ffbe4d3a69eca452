/**
 * Prepares the matching scenario: an admin account made through the real API (register, then the admin grant
 * the CLI uses, then sign-in for a bearer token) and a web-development project with at least three skills, the
 * busiest corner of the large market.
 */
import { createClient } from "@libsql/client";
import { randomBytes } from "node:crypto";
import { grantAdmin } from "../scripts/grant-admin";

export interface PrepareContext {
  baseUrl: string;
  databaseUrl: string;
}

async function postJson(url: string, body: unknown) {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function prepareMatchingScenario({ baseUrl, databaseUrl }: PrepareContext) {
  const email = `bench-${Date.now().toString(36)}@bench.test`;
  const password = randomBytes(18).toString("base64url");
  await postJson(`${baseUrl}/api/auth/register`, { email, password, name: "Bench Admin", role: "client" });
  await grantAdmin(databaseUrl, email);
  const { accessToken } = (await postJson(`${baseUrl}/api/auth/login`, { email, password })) as { accessToken: string };
  const db = createClient({ url: databaseUrl });
  try {
    const { rows } = await db.execute(`
      SELECT p.id FROM projects p
      WHERE p.category_slug = 'web-development' AND p.status = 'open'
        AND (SELECT count(*) FROM project_skills ps WHERE ps.project_id = p.id) >= 3
      ORDER BY p.created_at DESC LIMIT 1`);
    if (rows.length === 0) throw new Error("no web-development project with three skills to match");
    return { path: `/api/ai/match-freelancers/${String(rows[0].id)}?limit=10`, headers: { Authorization: `Bearer ${accessToken}` } };
  } finally {
    db.close();
  }
}
