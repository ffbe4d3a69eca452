/**
 * Signed-in test users in one call, for Worker tests of any area:
 *
 *   const { user, accessToken, headers } = await createTestUser(env, { roles: ["client"] });
 *   await SELF.fetch("http://localhost/api/projects", { method: "POST", headers, body });
 *
 * The user gets a unique email, no password, a verified email unless `verified: false`, and an API session
 * (createSession kind "api" + issueTokenPair), so the token works exactly like one from /api/auth/login.
 */
import { users, type Role, type User } from "../../db/schema";
import { issueTokenPair } from "../domain/auth/api-tokens";
import { createSession } from "../domain/auth/sessions";
import type { DomainContext } from "../domain/context";
import type { Env } from "../env";
import { domainContextFromEnv } from "../platform/domain-context";

export interface TestUserOptions {
  roles?: Role[];
  /** Default true. */
  verified?: boolean;
  name?: string;
  email?: string;
}

export interface TestUser {
  user: User;
  accessToken: string;
  /** Authorization and JSON content-type headers, ready for fetch. */
  headers: Record<string, string>;
}

export async function createTestUser(source: Env | DomainContext, options: TestUserOptions = {}): Promise<TestUser> {
  const ctx = "db" in source && "clock" in source ? source : domainContextFromEnv(source as Env);
  const now = ctx.clock.now();
  const id = ctx.newId();
  const [user] = await ctx.db
    .insert(users)
    .values({
      id,
      email: options.email ?? `user-${id.toLowerCase()}@example.test`,
      name: options.name ?? `Test User ${id.slice(-6)}`,
      passwordHash: null,
      roles: options.roles ?? ["client"],
      emailVerifiedAt: options.verified === false ? null : now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const { session } = await createSession(ctx, { userId: user.id, kind: "api", mfaVerified: true, meta: {} });
  const { accessToken } = await issueTokenPair(ctx, session);
  return { user, accessToken, headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" } };
}

/** SELF.fetch-style JSON call to the API: `call(SELF, "POST", "/api/projects", token, body)`. */
export async function callApi(
  target: { fetch: (input: string, init?: RequestInit) => Promise<Response> },
  method: string,
  path: string,
  token?: string | null,
  body?: unknown,
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await target.fetch(`http://localhost${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Non-JSON answers (HTML, files) stay text.
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
