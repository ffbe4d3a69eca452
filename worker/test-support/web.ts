import { env, SELF } from "cloudflare:test";
import type { User } from "../../db/schema";
import { createSession } from "../domain/auth/sessions";
import { domainContextFromEnv } from "../platform/domain-context";

const ORIGIN = "http://localhost";

/** A browser without JavaScript, signed in with a web session cookie (and a time zone cookie when given). */
export async function browserFor(user: User, options: { timeZone?: string } = {}) {
  const { token } = await createSession(domainContextFromEnv(env), { userId: user.id, kind: "web", mfaVerified: true, meta: {} });
  const cookie = `megilance_session=${token}${options.timeZone ? `; tz=${encodeURIComponent(options.timeZone)}` : ""}`;
  const headers = { Host: "localhost", Cookie: cookie };
  return {
    /** The page's HTML, with React's empty text separators removed (readers do not see them). */
    get: async (path: string) => {
      const res = await SELF.fetch(`${ORIGIN}${path}`, { headers, redirect: "manual" });
      return { status: res.status, headers: res.headers, html: (await res.text()).replace(/<!-- -->/g, "") };
    },
    post: (path: string, fields: Record<string, string>) =>
      SELF.fetch(`${ORIGIN}${path}`, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { ...headers, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
        redirect: "manual",
      }),
  };
}
