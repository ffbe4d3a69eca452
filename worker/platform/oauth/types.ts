export const OAUTH_PROVIDER_NAMES = ["google", "github"] as const;
export type OAuthProviderName = (typeof OAUTH_PROVIDER_NAMES)[number];

/** Who the provider says signed in, in one shape for every provider. */
export interface OAuthProfile {
  providerUserId: string;
  email: string;
  emailVerified: boolean;
  name: string | null;
}

export interface OAuthProvider {
  name: OAuthProviderName;
  /** Where to send the browser; PKCE S256 challenge derived from `codeVerifier`. */
  authorizationUrl(state: string, codeVerifier: string): URL;
  /** Trades the code (with its verifier) for an access token and reads the profile with it. */
  fetchProfile(code: string, codeVerifier: string): Promise<OAuthProfile>;
}

export interface OAuthClientConfig {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Base URL of a stand-in serving `/<provider>/...`; the real endpoints when absent. */
  endpointOverride?: string;
}

export type OAuthFailureReason = "code_rejected" | "provider_unavailable" | "no_email";

/** A provider answered, but not with a usable sign-in. */
export class OAuthExchangeError extends Error {
  constructor(
    readonly reason: OAuthFailureReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function endpoint(config: OAuthClientConfig, provider: OAuthProviderName, path: string, real: string): string {
  return config.endpointOverride ? `${config.endpointOverride.replace(/\/+$/, "")}/${provider}/${path}` : real;
}
