import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    oauthProviderUrl: string;
  }
}

/** Client credentials the Worker tests are configured with; the stand-in accepts only these. */
export const OAUTH_TEST_CLIENTS = {
  google: { id: "test-google-client-id", secret: "test-google-client-secret" },
  github: { id: "test-github-client-id", secret: "test-github-client-secret" },
} as const;

type ProviderName = keyof typeof OAUTH_TEST_CLIENTS;
type GoogleProfile = { sub: string; email: string; email_verified: boolean; name: string };
type GithubProfile = {
  user: { id: number; login: string; name: string | null };
  emails: { email: string; primary: boolean; verified: boolean }[];
};

/**
 * Canned people, keyed by the `login_as` the test picks at the authorize step; `tag` keeps ids and
 * emails unique per test since the database lives for the whole run.
 */
const googleProfiles: Record<string, (tag: string) => GoogleProfile> = {
  "google-new": (t) => ({ sub: `g-new-${t}`, email: `new-${t}@gmail.test`, email_verified: true, name: "Grace New" }),
  "google-existing": (t) => ({ sub: `g-existing-${t}`, email: `existing-${t}@example.test`, email_verified: true, name: "Ed Existing" }),
  "google-unverified": (t) => ({
    sub: `g-unverified-${t}`,
    email: `existing-${t}@example.test`,
    email_verified: false,
    name: "Una Verified",
  }),
};
const githubProfiles: Record<string, (tag: string) => GithubProfile> = {
  "github-new": (t) => ({
    user: { id: numericId(t), login: `octo-${t}`, name: null },
    emails: [
      { email: `secondary-${t}@example.test`, primary: false, verified: true },
      { email: `octo-${t}@github.test`, primary: true, verified: true },
    ],
  }),
  "github-unverified": (t) => ({
    user: { id: numericId(t), login: `unverified-${t}`, name: "Una Hub" },
    emails: [{ email: `existing-${t}@example.test`, primary: true, verified: false }],
  }),
};

interface Grant {
  provider: ProviderName;
  profileKey: string;
  tag: string;
  codeChallenge: string;
  redirectUri: string;
  used: boolean;
}

function numericId(tag: string): number {
  return Number.parseInt(createHash("sha256").update(tag).digest("hex").slice(0, 12), 16);
}

const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

export function startOAuthStandIn(): Promise<{ url: string; close: () => Promise<void> }> {
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, Grant>();

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  };
  // GitHub reports token errors with 200 and an `error` field; Google with 400.
  const tokenError = (res: ServerResponse, provider: ProviderName, error: string) =>
    send(res, provider === "github" ? 200 : error === "invalid_client" ? 401 : 400, { error, error_description: error });

  function authorize(provider: ProviderName, url: URL, res: ServerResponse) {
    const q = url.searchParams;
    const profileKey = q.get("login_as") ?? "";
    const table: Record<string, unknown> = provider === "google" ? googleProfiles : githubProfiles;
    if (q.get("client_id") !== OAUTH_TEST_CLIENTS[provider].id) return send(res, 400, { error: "invalid_client" });
    if (q.get("response_type") !== "code" || q.get("code_challenge_method") !== "S256" || !q.get("code_challenge") || !q.get("state")) {
      return send(res, 400, { error: "invalid_request" });
    }
    if (!(profileKey in table)) return send(res, 400, { error: "unknown login_as" });
    const code = `${profileKey}.${randomBytes(12).toString("hex")}`;
    grants.set(code, {
      provider,
      profileKey,
      tag: q.get("tag") ?? "default",
      codeChallenge: q.get("code_challenge")!,
      redirectUri: q.get("redirect_uri") ?? "",
      used: false,
    });
    const back = new URL(q.get("redirect_uri")!);
    back.searchParams.set("code", code);
    back.searchParams.set("state", q.get("state")!);
    res.writeHead(302, { Location: back.toString() }).end();
  }

  async function token(provider: ProviderName, req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    const client = OAUTH_TEST_CLIENTS[provider];
    const expectedAuth = `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString("base64")}`;
    if (req.headers.authorization !== expectedAuth) return tokenError(res, provider, "invalid_client");
    const grant = grants.get(form.get("code") ?? "");
    if (form.get("grant_type") !== "authorization_code" || !grant || grant.used || grant.provider !== provider) {
      return tokenError(res, provider, provider === "github" ? "bad_verification_code" : "invalid_grant");
    }
    grant.used = true;
    if (form.get("redirect_uri") !== grant.redirectUri) return tokenError(res, provider, "redirect_uri_mismatch");
    const verifier = form.get("code_verifier") ?? "";
    if (!verifier || s256(verifier) !== grant.codeChallenge) return tokenError(res, provider, "invalid_grant");
    const accessToken = randomBytes(16).toString("hex");
    tokens.set(accessToken, grant);
    send(res, 200, { access_token: accessToken, token_type: "Bearer", expires_in: 3600, scope: "email" });
  }

  function profile(path: string, req: IncomingMessage, res: ServerResponse) {
    const grant = tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
    if (!grant) return send(res, 401, { message: "Bad credentials" });
    if (grant.provider === "google" && path === "/google/userinfo") return send(res, 200, googleProfiles[grant.profileKey](grant.tag));
    if (grant.provider === "github" && path === "/github/user") return send(res, 200, githubProfiles[grant.profileKey](grant.tag).user);
    if (grant.provider === "github" && path === "/github/user/emails")
      return send(res, 200, githubProfiles[grant.profileKey](grant.tag).emails);
    send(res, 404, { message: "Not Found" });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const [, provider, step] = url.pathname.split("/");
    if (provider !== "google" && provider !== "github") return send(res, 404, { message: "Not Found" });
    if (req.method === "GET" && step === "authorize") return authorize(provider, url, res);
    if (req.method === "POST" && step === "token") {
      token(provider, req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
      return;
    }
    if (req.method === "GET") return profile(url.pathname, req, res);
    send(res, 405, { message: "Method Not Allowed" });
  });

  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** Stands in for Google's and GitHub's OAuth endpoints (authorize, token, user info) during the Worker tests. */
export default async function setup(project: TestProject) {
  const standIn = await startOAuthStandIn();
  project.provide("oauthProviderUrl", standIn.url);
  return standIn.close;
}
