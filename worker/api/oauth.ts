import { createRoute, z } from "@hono/zod-openapi";
import { generateCodeVerifier, generateState } from "arctic";
import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import { SIGNUP_ROLES } from "../domain/auth/accounts";
import { issueTokenPair } from "../domain/auth/api-tokens";
import { signInWithOAuth } from "../domain/auth/oauth";
import { createSession, SESSION_TTL_MS } from "../domain/auth/sessions";
import type { DomainContext } from "../domain/context";
import { AppError } from "../domain/errors";
import { readVars } from "../env";
import { configuredProviderNames, OAuthExchangeError, oauthProvider, type OAuthProfile, type OAuthProvider } from "../platform/oauth";
import { OAUTH_PROVIDER_NAMES } from "../platform/oauth/types";
import { requestMeta } from "../request-meta";
import { sessionCookieName } from "../session-cookie";
import { createRouter, type ApiEnv, type Router } from "./context";
import { isSecureRequest, OAUTH_MODES, safeRedirectPath, setOAuthStateCookie, takeOAuthStateCookie } from "./oauth-state";
import { jsonRoute } from "./openapi";
import { serializeUser } from "./serializers";
import { tokenPairSchema, userViewSchema } from "../domain/auth/view-schema";

const tags = ["auth"];
const providerParams = z.object({ provider: z.string().max(32) });

function requireProvider(c: Context<ApiEnv>, name: string): OAuthProvider {
  const provider = oauthProvider(readVars(c.env as unknown as Record<string, unknown>), name);
  if (!provider) throw new AppError(404, "unknown_provider", `Sign-in with "${name}" is not available.`);
  return provider;
}

async function fetchProfile(domain: DomainContext, provider: OAuthProvider, code: string, verifier: string): Promise<OAuthProfile> {
  try {
    return await provider.fetchProfile(code, verifier);
  } catch (error) {
    if (!(error instanceof OAuthExchangeError)) throw error;
    domain.log("oauth exchange failed", { provider: provider.name, reason: error.reason, detail: error.message });
    if (error.reason === "code_rejected")
      throw new AppError(400, "oauth_code_rejected", "The sign-in could not be completed. Please start again.");
    if (error.reason === "no_email") throw new AppError(422, "oauth_email_missing", "The provider did not share an email address with us.");
    throw new AppError(502, "oauth_provider_unavailable", "The sign-in provider did not answer as expected. Please try again.");
  }
}

export const oauthRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/providers",
      tags,
      summary: "Sign-in providers that are configured",
      ok: { status: 200, description: "{providers}", schema: z.object({ providers: z.array(z.enum(OAUTH_PROVIDER_NAMES)) }) },
    }),
    (c) => c.json({ providers: configuredProviderNames(readVars(c.env as unknown as Record<string, unknown>)) }, 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{provider}/start",
      tags,
      summary: "Begin signing in with a provider (redirects there, PKCE + state)",
      request: {
        params: providerParams,
        query: z.object({
          role: z.enum(SIGNUP_ROLES).default("client"),
          mode: z.enum(OAUTH_MODES).default("web"),
          redirectTo: z.string().max(2048).optional(),
        }),
      },
      responses: {
        302: {
          description: "To the provider's consent page",
          headers: z.object({ Location: z.string().openapi({ description: "The provider's authorization URL (PKCE + state)" }) }),
        },
        404: { description: "Unknown or unconfigured provider" },
      },
    }),
    async (c) => {
      const provider = requireProvider(c, c.req.valid("param").provider);
      const { role, mode, redirectTo } = c.req.valid("query");
      const state = generateState();
      const verifier = generateCodeVerifier();
      await setOAuthStateCookie(c, c.get("domain"), {
        provider: provider.name,
        state,
        verifier,
        role,
        mode,
        redirectTo: safeRedirectPath(redirectTo),
      });
      return c.redirect(provider.authorizationUrl(state, verifier).toString(), 302);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{provider}/callback",
      tags,
      summary: "Where the provider sends the browser back; signs in (web: cookie + redirect, api: tokens)",
      request: {
        params: providerParams,
        query: z.object({
          code: z.string().max(2048).optional(),
          state: z.string().max(512).optional(),
          error: z.string().max(256).optional(),
        }),
      },
      responses: {
        200: {
          description: "{accessToken, refreshToken, tokenType, expiresIn, user} (mode=api)",
          content: { "application/json": { schema: tokenPairSchema.extend({ user: userViewSchema }) } },
        },
        302: {
          description: "Signed in; the session cookie is set and the browser goes to redirectTo (mode=web)",
          headers: z.object({ Location: z.string().openapi({ description: "The page to continue on (redirectTo, or the portal)" }) }),
        },
        400: { description: "invalid_state, oauth_denied or oauth_code_rejected" },
        403: { description: "account_blocked or mfa_required" },
        404: { description: "Unknown or unconfigured provider" },
        409: { description: "email_taken_unverified" },
        502: { description: "The provider failed" },
      },
    }),
    async (c) => {
      const provider = requireProvider(c, c.req.valid("param").provider);
      const domain = c.get("domain");
      const query = c.req.valid("query");
      const saved = await takeOAuthStateCookie(c, domain);
      if (!saved || saved.provider !== provider.name || !query.state || saved.state !== query.state) {
        throw new AppError(400, "invalid_state", "This sign-in link has expired or did not start here. Please start again.");
      }
      if (query.error) throw new AppError(400, "oauth_denied", "Sign-in was cancelled at the provider.");
      if (!query.code) throw new AppError(400, "invalid_request", "The provider sent no authorization code.");

      const profile = await fetchProfile(domain, provider, query.code, saved.verifier);
      const meta = requestMeta(c.req.raw);
      const { user } = await signInWithOAuth(domain, { provider: provider.name, profile, role: saved.role }, meta);
      const { session, token } = await createSession(domain, { userId: user.id, kind: saved.mode, mfaVerified: false, meta });
      if (saved.mode === "api") {
        return c.json({ ...(await issueTokenPair(domain, session)), user: serializeUser(user) }, 200);
      }
      const secure = isSecureRequest(c);
      setCookie(c, sessionCookieName(secure), token, { httpOnly: true, sameSite: "Lax", path: "/", secure, maxAge: SESSION_TTL_MS / 1000 });
      return c.redirect(safeRedirectPath(saved.redirectTo), 302);
    },
  );
