import { z } from "@hono/zod-openapi";
import { addRole, registerUser, resetPassword, sendVerificationEmail, SIGNUP_ROLES, verifyEmail } from "../domain/auth/accounts";
import { accountName, emailAddress } from "../domain/auth/inputs";
import { issueTokenPair, rotateRefreshToken } from "../domain/auth/api-tokens";
import { requestPasswordReset } from "../domain/auth/password-reset";
import { revokeSession, createSession } from "../domain/auth/sessions";
import { authenticateWithPassword, emailSignInCode, recordSignIn } from "../domain/auth/sign-in";
import { requestMeta } from "../request-meta";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { serializeUser } from "./serializers";
import { requireViewer } from "./viewer";
import { tokenPairSchema, userViewSchema } from "../domain/auth/view-schema";
import { setTimeZone } from "../domain/time/preference";
import { timeZonePreferenceInput } from "../domain/time/zones";

const userBody = z.object({ user: userViewSchema });
const statusBody = (status: string) => z.object({ status: z.literal(status) });

const email = emailAddress;
const password = z.string().min(1, { message: "Enter a password." }).max(256);
const tags = ["auth"];

const registerBody = z.object({
  email,
  password,
  name: accountName,
  role: z.enum(SIGNUP_ROLES),
});
const loginBody = z.object({ email, password, code: z.string().max(32).optional() });
const refreshBody = z.object({ refreshToken: z.string().min(1).max(200) });
const tokenBody = z.object({ token: z.string().min(1).max(200) });
const resetBody = z.object({ token: z.string().min(1).max(200), password });

export const authRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "post",
      path: "/register",
      tags,
      summary: "Create an account",
      body: registerBody,
      ok: { status: 201, description: "{user}", schema: userBody },
      errors: [409, 422],
    }),
    async (c) => {
      const user = await registerUser(c.get("domain"), c.req.valid("json"), requestMeta(c.req.raw));
      return c.json({ user: serializeUser(user) }, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/login",
      tags,
      summary: "Sign in; returns an access token and a refresh token",
      body: loginBody,
      ok: { status: 200, description: "{accessToken, refreshToken, user}", schema: tokenPairSchema.extend({ user: userViewSchema }) },
      errors: [401, 403, 422, 429],
    }),
    async (c) => {
      const domain = c.get("domain");
      const meta = requestMeta(c.req.raw);
      const { user, mfaVerified } = await authenticateWithPassword(domain, c.req.valid("json"), meta);
      const { session } = await createSession(domain, { userId: user.id, kind: "api", mfaVerified, meta });
      await recordSignIn(domain, user, meta, "password");
      const pair = await issueTokenPair(domain, session);
      return c.json({ ...pair, user: serializeUser(user) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/login/email-code",
      tags,
      summary: "Email a one-time sign-in code (the second factor, or the way in while password sign-in is throttled)",
      body: z.object({ email, password }),
      ok: { status: 202, description: "Sent when the password is right", schema: statusBody("accepted") },
      errors: [429],
    }),
    async (c) => {
      await emailSignInCode(c.get("domain"), c.req.valid("json"));
      return c.json({ status: "accepted" }, 202);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/refresh",
      tags,
      summary: "Trade a refresh token for a new pair (the old one dies)",
      body: refreshBody,
      ok: { status: 200, description: "{accessToken, refreshToken}", schema: tokenPairSchema },
      errors: [401],
    }),
    async (c) => {
      const pair = await rotateRefreshToken(c.get("domain"), c.req.valid("json").refreshToken, requestMeta(c.req.raw));
      return c.json(pair, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/me",
      tags,
      summary: "The signed-in user",
      auth: true,
      ok: { status: 200, description: "{user}", schema: userBody },
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ user: serializeUser(viewer.user) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "patch",
      path: "/me",
      tags,
      summary: "Change my settings: {timeZone} is an IANA zone every time is shown in, or null to follow the browser's zone",
      auth: true,
      body: timeZonePreferenceInput,
      ok: { status: 200, description: "{user}", schema: userBody },
      errors: [422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const { timeZone } = await setTimeZone(c.get("domain"), viewer.user, c.req.valid("json"));
      return c.json({ user: serializeUser({ ...viewer.user, timeZone }) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/logout",
      tags,
      summary: "End this session (its tokens stop working)",
      auth: true,
      ok: { status: 200, description: "Signed out", schema: statusBody("signed_out") },
    }),
    async (c) => {
      const viewer = requireViewer(c);
      await revokeSession(c.get("domain"), viewer.session.id);
      return c.json({ status: "signed_out" }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/verify-email",
      tags,
      summary: "Confirm an email address with the token from the email",
      body: tokenBody,
      ok: { status: 200, description: "{user}", schema: userBody },
      errors: [400],
    }),
    async (c) => {
      const user = await verifyEmail(c.get("domain"), c.req.valid("json").token, requestMeta(c.req.raw));
      return c.json({ user: serializeUser(user) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/resend-verification",
      tags,
      summary: "Send the verification email again (3 per hour)",
      auth: true,
      ok: { status: 202, description: "Sent", schema: z.object({ status: z.enum(["sent", "already_verified"]) }) },
      errors: [429],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const result = await sendVerificationEmail(c.get("domain"), viewer.user);
      return c.json({ status: result.sent ? "sent" : "already_verified" }, 202);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/forgot-password",
      tags,
      summary: "Email a reset link if the account exists (always 202)",
      body: z.object({ email }),
      ok: { status: 202, description: "Accepted", schema: statusBody("accepted") },
    }),
    async (c) => {
      await requestPasswordReset(c.get("domain"), c.req.valid("json").email, requestMeta(c.req.raw));
      return c.json({ status: "accepted" }, 202);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/reset-password",
      tags,
      summary: "Set a new password with a reset token; other sessions end",
      body: resetBody,
      ok: { status: 200, description: "Password changed", schema: statusBody("password_changed") },
      errors: [400, 422],
    }),
    async (c) => {
      const { token, password: newPassword } = c.req.valid("json");
      await resetPassword(c.get("domain"), token, newPassword, requestMeta(c.req.raw));
      return c.json({ status: "password_changed" }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/roles",
      tags,
      summary: "Add the other marketplace role to your account",
      auth: true,
      body: z.object({ role: z.enum(SIGNUP_ROLES) }),
      ok: { status: 200, description: "{user}", schema: userBody },
    }),
    async (c) => {
      const user = await addRole(c.get("domain"), requireViewer(c), c.req.valid("json").role);
      return c.json({ user: serializeUser(user) }, 200);
    },
  );
