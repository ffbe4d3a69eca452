import { env, SELF } from "cloudflare:test";
import type { User } from "../../db/schema";
import { createSession } from "../domain/auth/sessions";
import { domainContextFromEnv } from "../platform/domain-context";

const ORIGIN = "http://localhost";

/** The HTML of an answer as a reader meets its text: React's empty separators between adjacent text removed. */
export async function htmlOf(res: Response): Promise<string> {
  return (await res.text()).replace(/<!-- -->/g, "");
}

/**
 * A browser without JavaScript, signed in with a web session cookie (and a time zone cookie when given): the one
 * helper for Worker tests that load pages and post forms as a person. Redirects are answered, not followed.
 */
export async function browserFor(user: User, options: { timeZone?: string } = {}) {
  const { token } = await createSession(domainContextFromEnv(env), { userId: user.id, kind: "web", mfaVerified: true, meta: {} });
  const cookie = `megilance_session=${token}${options.timeZone ? `; tz=${encodeURIComponent(options.timeZone)}` : ""}`;
  const headers = { Host: "localhost", Cookie: cookie };
  return {
    /** The page's HTML, with React's empty text separators removed (readers do not see them). */
    get: async (path: string) => {
      const res = await SELF.fetch(`${ORIGIN}${path}`, { headers, redirect: "manual" });
      return { status: res.status, headers: res.headers, html: await htmlOf(res) };
    },
    /** A form post from our own origin (fields as a record, or as pairs when a name repeats). */
    post: (path: string, fields: Record<string, string> | Array<[string, string]>) =>
      SELF.fetch(`${ORIGIN}${path}`, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { ...headers, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
        redirect: "manual",
      }),
  };
}
