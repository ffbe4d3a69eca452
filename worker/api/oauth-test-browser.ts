import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { oauthAccounts, users, type Role } from "../../db/schema";
import { newId } from "../../db/schema/ids";
import { domainContextFromEnv } from "../platform/domain-context";
import { createApi } from "./app";

/** Test helper: plays the browser between our Worker and the stand-in provider (tests/setup/oauth-provider.global.ts). */
export const ORIGIN = "http://localhost:8787";

export function uniqueTag(): string {
  return crypto.randomUUID().slice(0, 8);
}

export function request(path: string, init: RequestInit = {}, bindings: Cloudflare.Env = env) {
  return createApi().request(path.startsWith("http") ? path : `${ORIGIN}${path}`, init, bindings);
}

/** `name=value` of a Set-Cookie header, for sending back as a Cookie header. */
export function cookiePair(res: Response, name: string): string | undefined {
  const header = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return header?.split(";")[0];
}

export function setCookieHeader(res: Response, name: string): string | undefined {
  return res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
}

export async function start(provider: string, query: Record<string, string> = {}, origin = ORIGIN) {
  const res = await request(`${origin}/api/auth/oauth/${provider}/start?${new URLSearchParams(query)}`);
  if (res.status !== 302) throw new Error(`start answered ${res.status}: ${await res.text()}`);
  return { authorizeUrl: new URL(res.headers.get("Location")!), stateCookie: cookiePair(res, "megilance_oauth")!, res };
}

/** The user "signs in" at the stand-in as `loginAs`; returns where the provider sends the browser back. */
export async function authorize(authorizeUrl: URL, loginAs: string, tag: string, overrides: Record<string, string> = {}): Promise<URL> {
  const url = new URL(authorizeUrl);
  url.searchParams.set("login_as", loginAs);
  url.searchParams.set("tag", tag);
  for (const [key, value] of Object.entries(overrides)) url.searchParams.set(key, value);
  const res = await fetch(url, { redirect: "manual" });
  if (res.status !== 302) throw new Error(`stand-in authorize answered ${res.status}: ${await res.text()}`);
  return new URL(res.headers.get("Location")!);
}

export function callback(callbackUrl: URL | string, cookie: string | undefined, origin = ORIGIN) {
  const url = new URL(callbackUrl);
  return request(`${origin}${url.pathname}${url.search}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** The whole round trip: start, authorize at the stand-in, come back. */
export async function signIn(provider: string, loginAs: string, tag: string, query: Record<string, string> = {}, origin = ORIGIN) {
  const { authorizeUrl, stateCookie } = await start(provider, query, origin);
  return callback(await authorize(authorizeUrl, loginAs, tag), stateCookie, origin);
}

export const db = () => domainContextFromEnv(env).db;

export async function usersWithEmail(email: string) {
  return db().select().from(users).where(eq(users.email, email));
}

export async function linksOf(userId: string) {
  return db().select().from(oauthAccounts).where(eq(oauthAccounts.userId, userId));
}

export async function insertUser(input: {
  email: string;
  verified: boolean;
  passwordHash?: string | null;
  roles?: Role[];
  blocked?: boolean;
}) {
  const now = new Date();
  const [user] = await db()
    .insert(users)
    .values({
      id: newId(),
      email: input.email,
      name: "Existing Person",
      passwordHash: input.passwordHash ?? null,
      roles: input.roles ?? ["client"],
      emailVerifiedAt: input.verified ? now : null,
      blockedAt: input.blocked ? now : null,
      blockedReason: input.blocked ? "fraud" : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return user;
}
