import { CodeChallengeMethod, OAuth2Client } from "arctic";
import { z } from "zod";
import { exchangeCode, fetchJson } from "./http";
import { endpoint, OAuthExchangeError, type OAuthClientConfig, type OAuthProvider } from "./types";

const userInfoSchema = z.object({
  sub: z.string().min(1),
  email: z.string().optional(),
  email_verified: z.boolean().optional(),
  name: z.string().optional(),
});

export function googleProvider(config: OAuthClientConfig): OAuthProvider {
  const client = new OAuth2Client(config.clientId, config.clientSecret, config.redirectUri);
  const urls = {
    authorize: endpoint(config, "google", "authorize", "https://accounts.google.com/o/oauth2/v2/auth"),
    token: endpoint(config, "google", "token", "https://oauth2.googleapis.com/token"),
    userInfo: endpoint(config, "google", "userinfo", "https://openidconnect.googleapis.com/v1/userinfo"),
  };
  return {
    name: "google",
    authorizationUrl: (state, codeVerifier) =>
      client.createAuthorizationURLWithPKCE(urls.authorize, state, CodeChallengeMethod.S256, codeVerifier, ["openid", "email", "profile"]),
    async fetchProfile(code, codeVerifier) {
      const accessToken = await exchangeCode(client, urls.token, code, codeVerifier);
      const parsed = userInfoSchema.safeParse(await fetchJson(urls.userInfo, accessToken));
      if (!parsed.success) throw new OAuthExchangeError("provider_unavailable", "Unexpected Google userinfo shape");
      const info = parsed.data;
      if (!info.email) throw new OAuthExchangeError("no_email", "Google shared no email address");
      return { providerUserId: info.sub, email: info.email, emailVerified: info.email_verified === true, name: info.name?.trim() || null };
    },
  };
}
