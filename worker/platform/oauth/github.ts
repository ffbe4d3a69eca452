import { CodeChallengeMethod, OAuth2Client } from "arctic";
import { z } from "zod";
import { exchangeCode, fetchJson } from "./http";
import { endpoint, OAuthExchangeError, type OAuthClientConfig, type OAuthProvider } from "./types";

const userSchema = z.object({ id: z.number().int(), login: z.string(), name: z.string().nullish() });
const emailsSchema = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }));
const API_HEADERS = { Accept: "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28" };

export function githubProvider(config: OAuthClientConfig): OAuthProvider {
  const client = new OAuth2Client(config.clientId, config.clientSecret, config.redirectUri);
  const urls = {
    authorize: endpoint(config, "github", "authorize", "https://github.com/login/oauth/authorize"),
    token: endpoint(config, "github", "token", "https://github.com/login/oauth/access_token"),
    user: endpoint(config, "github", "user", "https://api.github.com/user"),
    emails: endpoint(config, "github", "user/emails", "https://api.github.com/user/emails"),
  };
  return {
    name: "github",
    authorizationUrl: (state, codeVerifier) =>
      client.createAuthorizationURLWithPKCE(urls.authorize, state, CodeChallengeMethod.S256, codeVerifier, ["read:user", "user:email"]),
    async fetchProfile(code, codeVerifier) {
      const accessToken = await exchangeCode(client, urls.token, code, codeVerifier);
      const [userJson, emailsJson] = await Promise.all([
        fetchJson(urls.user, accessToken, API_HEADERS),
        fetchJson(urls.emails, accessToken, API_HEADERS),
      ]);
      const user = userSchema.safeParse(userJson);
      const emails = emailsSchema.safeParse(emailsJson);
      if (!user.success || !emails.success) throw new OAuthExchangeError("provider_unavailable", "Unexpected GitHub user shape");
      // The primary address counts as ours only when GitHub has verified it.
      const primary = emails.data.find((e) => e.primary) ?? emails.data[0];
      if (!primary) throw new OAuthExchangeError("no_email", "GitHub shared no email address");
      return {
        providerUserId: String(user.data.id),
        email: primary.email,
        emailVerified: primary.verified,
        name: user.data.name?.trim() || user.data.login,
      };
    },
  };
}
