import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { readVars } from "../../env";
import { githubProvider } from "./github";
import { googleProvider } from "./google";
import { oauthProvider, OAuthExchangeError } from "./index";

const config = { clientId: "id", clientSecret: "secret", redirectUri: "https://megilance.example/api/auth/oauth/x/callback" };

describe("OAuth provider adapters", () => {
  it("point at the real Google and GitHub endpoints when no override is set", () => {
    const google = googleProvider(config).authorizationUrl("state-1", "verifier-verifier-verifier-verifier-verifier");
    expect(`${google.origin}${google.pathname}`).toBe("https://accounts.google.com/o/oauth2/v2/auth");
    expect(google.searchParams.get("code_challenge_method")).toBe("S256");
    expect(google.searchParams.get("scope")).toBe("openid email profile");
    const github = githubProvider(config).authorizationUrl("state-1", "verifier-verifier-verifier-verifier-verifier");
    expect(`${github.origin}${github.pathname}`).toBe("https://github.com/login/oauth/authorize");
    expect(github.searchParams.get("code_challenge_method")).toBe("S256");
  });

  it("counts a provider as configured only with both its client id and secret", () => {
    const vars = readVars({ ...env, GOOGLE_CLIENT_SECRET: "", GITHUB_CLIENT_ID: undefined } as unknown as Record<string, unknown>);
    expect(oauthProvider(vars, "google")).toBeNull();
    expect(oauthProvider(vars, "github")).toBeNull();
    expect(oauthProvider(readVars(env as unknown as Record<string, unknown>), "google")?.name).toBe("google");
  });

  it("reports a code refused by the provider when the client secret is wrong", async () => {
    for (const make of [googleProvider, githubProvider]) {
      const provider = make({ ...config, clientSecret: "wrong", endpointOverride: env.OAUTH_ENDPOINT_OVERRIDE });
      const failure = await provider.fetchProfile("any-code", "any-verifier").catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(OAuthExchangeError);
      expect((failure as OAuthExchangeError).reason).toBe("code_rejected");
    }
  });

  it("reports an unreachable provider as unavailable", async () => {
    const provider = googleProvider({ ...config, endpointOverride: "http://127.0.0.1:9" });
    const failure = await provider.fetchProfile("code", "verifier").catch((error: unknown) => error);
    expect((failure as OAuthExchangeError).reason).toBe("provider_unavailable");
  });
});
