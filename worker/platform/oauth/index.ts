import type { Vars } from "../../env";
import { githubProvider } from "./github";
import { googleProvider } from "./google";
import { OAUTH_PROVIDER_NAMES, type OAuthClientConfig, type OAuthProvider, type OAuthProviderName } from "./types";

export * from "./types";

const factories: Record<OAuthProviderName, (config: OAuthClientConfig) => OAuthProvider> = {
  google: googleProvider,
  github: githubProvider,
};

function credentials(vars: Vars, name: OAuthProviderName): { clientId: string; clientSecret: string } | null {
  const [clientId, clientSecret] =
    name === "google" ? [vars.GOOGLE_CLIENT_ID, vars.GOOGLE_CLIENT_SECRET] : [vars.GITHUB_CLIENT_ID, vars.GITHUB_CLIENT_SECRET];
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

export function configuredProviderNames(vars: Vars): OAuthProviderName[] {
  return OAUTH_PROVIDER_NAMES.filter((name) => credentials(vars, name) !== null);
}

/** The adapter for `name`, or null when the name is unknown or its client id and secret are not both set. */
export function oauthProvider(vars: Vars, name: string): OAuthProvider | null {
  const provider = OAUTH_PROVIDER_NAMES.find((n) => n === name);
  const creds = provider && credentials(vars, provider);
  if (!provider || !creds) return null;
  return factories[provider]({
    ...creds,
    redirectUri: `${vars.APP_ORIGIN.replace(/\/+$/, "")}/api/auth/oauth/${provider}/callback`,
    endpointOverride: vars.OAUTH_ENDPOINT_OVERRIDE || undefined,
  });
}
