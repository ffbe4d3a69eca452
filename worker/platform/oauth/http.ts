import { ArcticFetchError, OAuth2RequestError, type OAuth2Client, type OAuth2Tokens } from "arctic";
import { OAuthExchangeError } from "./types";

/** Runs arctic's code exchange and sorts its failures into "the code was refused" and "the provider is down". */
export async function exchangeCode(client: OAuth2Client, tokenEndpoint: string, code: string, codeVerifier: string): Promise<string> {
  let tokens: OAuth2Tokens;
  try {
    tokens = await client.validateAuthorizationCode(tokenEndpoint, code, codeVerifier);
  } catch (error) {
    if (error instanceof OAuth2RequestError) throw new OAuthExchangeError("code_rejected", `Code refused: ${error.code}`, { cause: error });
    if (error instanceof ArcticFetchError) throw new OAuthExchangeError("provider_unavailable", "Provider unreachable", { cause: error });
    throw new OAuthExchangeError("provider_unavailable", "Unexpected token response", { cause: error });
  }
  // GitHub answers a refused code with 200 and an `error` field instead of an HTTP error.
  const data = tokens.data as { error?: unknown; access_token?: unknown };
  if (typeof data.error === "string") throw new OAuthExchangeError("code_rejected", `Code refused: ${data.error}`);
  if (typeof data.access_token !== "string") throw new OAuthExchangeError("provider_unavailable", "No access token in the response");
  return data.access_token;
}

export async function fetchJson(url: string, accessToken: string, headers: Record<string, string> = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}`, "User-Agent": "MegiLance", ...headers } });
  } catch (error) {
    throw new OAuthExchangeError("provider_unavailable", `Provider unreachable: ${url}`, { cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new OAuthExchangeError("provider_unavailable", `Provider answered ${response.status} for ${url}`);
  }
  try {
    return await response.json();
  } catch (error) {
    throw new OAuthExchangeError("provider_unavailable", `Provider sent invalid JSON for ${url}`, { cause: error });
  }
}
