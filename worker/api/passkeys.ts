import { z } from "@hono/zod-openapi";
import { issueTokenPair } from "../domain/auth/api-tokens";
import { emailAddress } from "../domain/auth/inputs";
import {
  beginPasskeyRegistration,
  finishPasskeyRegistration,
  listPasskeys,
  removePasskey,
  renamePasskey,
  type Passkey,
} from "../domain/auth/passkeys";
import {
  authenticationResponseSchema,
  challengeId,
  credentialId,
  passkeyName,
  registrationResponseSchema,
} from "../domain/auth/passkeys-schema";
import { beginPasskeyConfirmation, beginPasskeySignIn, confirmWithPasskey, signInWithPasskey } from "../domain/auth/passkeys-sign-in";
import { requestMeta } from "../request-meta";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { serializeUser } from "./serializers";
import { requireViewer } from "./viewer";
import {
  passkeyChallengeSchema,
  passkeyCreationOptionsSchema,
  passkeyViewSchema,
  type PasskeyView,
} from "../domain/auth/passkeys-view-schema";
import { tokenPairSchema, userViewSchema } from "../domain/auth/view-schema";
import { pageSchema } from "../domain/shared/views";

const tags = ["passkeys"];
const passkeyBody = z.object({ passkey: passkeyViewSchema });
const answerBody = z.object({ challengeId, response: authenticationResponseSchema });

function serializePasskey(passkey: Passkey): PasskeyView {
  return {
    id: passkey.id,
    name: passkey.name,
    createdAt: passkey.createdAt.toISOString(),
    lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null,
  };
}

const router = createRouter();
// Management needs a signed-in user before any body is looked at: 401 comes before 422.
router.use("/security/passkeys/*", async (c, next) => {
  requireViewer(c);
  await next();
});

/** Mounted at the API root: passkey management lives under /security, sign-in under /auth. */
export const passkeyRoutes: Router = router
  .openapi(
    jsonRoute({
      method: "post",
      path: "/security/passkeys/register/options",
      tags,
      auth: true,
      summary: "Options for navigator.credentials.create() (needs a recent sign-in)",
      ok: { status: 200, description: "PublicKeyCredentialCreationOptionsJSON", schema: passkeyCreationOptionsSchema },
      errors: [403, 409],
    }),
    async (c) => c.json(await beginPasskeyRegistration(c.get("domain"), requireViewer(c)), 200),
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/security/passkeys/register/verify",
      tags,
      auth: true,
      summary: "Store a new passkey from the authenticator's answer",
      body: z.object({ name: passkeyName, response: registrationResponseSchema }),
      ok: { status: 201, description: "{passkey}", schema: passkeyBody },
      errors: [400, 409, 422],
    }),
    async (c) => {
      const passkey = await finishPasskeyRegistration(c.get("domain"), requireViewer(c), c.req.valid("json"), requestMeta(c.req.raw));
      return c.json({ passkey: serializePasskey(passkey) }, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/security/passkeys",
      tags,
      auth: true,
      summary: "Passkeys on this account",
      ok: { status: 200, description: "{items, nextCursor}", schema: pageSchema(passkeyViewSchema) },
    }),
    async (c) => {
      const rows = await listPasskeys(c.get("domain"), requireViewer(c));
      return c.json({ items: rows.map(serializePasskey), nextCursor: null }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "patch",
      path: "/security/passkeys/{id}",
      tags,
      auth: true,
      summary: "Rename a passkey",
      params: z.object({ id: credentialId }),
      body: z.object({ name: passkeyName }),
      ok: { status: 200, description: "{passkey}", schema: passkeyBody },
      errors: [404, 422],
    }),
    async (c) => {
      const passkey = await renamePasskey(c.get("domain"), requireViewer(c), c.req.valid("param").id, c.req.valid("json").name);
      return c.json({ passkey: serializePasskey(passkey) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "delete",
      path: "/security/passkeys/{id}",
      tags,
      auth: true,
      summary: "Remove a passkey",
      params: z.object({ id: credentialId }),
      ok: { status: 200, description: "Removed", schema: z.object({ status: z.literal("removed") }) },
      errors: [404],
    }),
    async (c) => {
      await removePasskey(c.get("domain"), requireViewer(c), c.req.valid("param").id, requestMeta(c.req.raw));
      return c.json({ status: "removed" }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/security/passkeys/confirm/options",
      tags,
      auth: true,
      summary: "Options to confirm it is you with one of your passkeys (step-up)",
      ok: { status: 200, description: "PublicKeyCredentialRequestOptionsJSON plus challengeId", schema: passkeyChallengeSchema },
      errors: [409],
    }),
    async (c) => {
      const { challengeId: id, options } = await beginPasskeyConfirmation(c.get("domain"), requireViewer(c));
      return c.json({ ...options, challengeId: id }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/security/passkeys/confirm/verify",
      tags,
      auth: true,
      summary: "Confirm with a passkey: this session counts as freshly verified and MFA-verified",
      body: answerBody,
      ok: { status: 200, description: "Verified", schema: z.object({ status: z.literal("verified") }) },
      errors: [400, 422],
    }),
    async (c) => {
      await confirmWithPasskey(c.get("domain"), requireViewer(c), c.req.valid("json"), requestMeta(c.req.raw));
      return c.json({ status: "verified" }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/auth/passkey/options",
      tags,
      summary: "Options for a passwordless sign-in (for one email, or any discoverable passkey)",
      body: z.object({ email: emailAddress.optional() }),
      ok: { status: 200, description: "PublicKeyCredentialRequestOptionsJSON plus challengeId", schema: passkeyChallengeSchema },
      errors: [422, 429],
    }),
    async (c) => {
      const { challengeId: id, options } = await beginPasskeySignIn(c.get("domain"), c.req.valid("json"), requestMeta(c.req.raw));
      return c.json({ ...options, challengeId: id }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/auth/passkey/verify",
      tags,
      summary: "Sign in with a passkey; returns an access token and a refresh token",
      body: answerBody,
      ok: { status: 200, description: "{accessToken, refreshToken, user}", schema: tokenPairSchema.extend({ user: userViewSchema }) },
      errors: [401, 403, 422],
    }),
    async (c) => {
      const domain = c.get("domain");
      const { user, session } = await signInWithPasskey(domain, c.req.valid("json"), requestMeta(c.req.raw), "api");
      const pair = await issueTokenPair(domain, session);
      return c.json({ ...pair, user: serializeUser(user) }, 200);
    },
  );
