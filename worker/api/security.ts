import { z } from "@hono/zod-openapi";
import { changePassword } from "../domain/auth/accounts";
import { beginTotpSetup, confirmTotpSetup, disableTotp, mfaMethods, regenerateBackupCodes } from "../domain/auth/mfa";
import { listSecurityEvents } from "../domain/auth/security-events";
import { listActiveSessions, revokeOwnSession } from "../domain/auth/sessions";
import { requestMeta } from "../request-meta";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { serializeSession } from "./serializers";
import { requireViewer } from "./viewer";
import {
  backupCodesSchema,
  mfaMethodsSchema,
  securityEventViewSchema,
  sessionViewSchema,
  totpSetupSchema,
} from "../domain/auth/view-schema";
import { countedPageSchema, pageSchema } from "../domain/shared/views";

const tags = ["security"];
const code = z.string().trim().min(6).max(32);

export const securityRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "post",
      path: "/mfa/setup",
      tags,
      auth: true,
      summary: "Start TOTP setup: secret, otpauth URL and QR code",
      body: z.object({ method: z.literal("totp") }),
      ok: { status: 200, description: "{secret, otpauthUrl, qrSvg}", schema: totpSetupSchema },
      errors: [409],
    }),
    async (c) => c.json(await beginTotpSetup(c.get("domain"), requireViewer(c)), 200),
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/mfa/verify",
      tags,
      auth: true,
      summary: "Confirm TOTP with a first code; returns ten backup codes once",
      body: z.object({ method: z.literal("totp"), code }),
      ok: {
        status: 200,
        description: "{enabled, backupCodes}",
        schema: z.object({ enabled: z.literal(true), method: z.literal("totp"), backupCodes: backupCodesSchema }),
      },
      errors: [409, 422],
    }),
    async (c) => {
      const backupCodes = await confirmTotpSetup(c.get("domain"), requireViewer(c), c.req.valid("json").code, requestMeta(c.req.raw));
      return c.json({ enabled: true, method: "totp", backupCodes }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/mfa/methods",
      tags,
      auth: true,
      summary: "Which second factors are on",
      ok: { status: 200, description: "{methods}", schema: z.object({ methods: mfaMethodsSchema }) },
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ methods: await mfaMethods(c.get("domain"), viewer.user.id) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "delete",
      path: "/mfa/disable",
      tags,
      auth: true,
      summary: "Turn TOTP off (needs a valid code)",
      body: z.object({ code }),
      ok: { status: 200, description: "Disabled", schema: z.object({ enabled: z.literal(false) }) },
      errors: [409, 422],
    }),
    async (c) => {
      await disableTotp(c.get("domain"), requireViewer(c), c.req.valid("json").code, requestMeta(c.req.raw));
      return c.json({ enabled: false }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/mfa/backup-codes",
      tags,
      auth: true,
      summary: "Replace the backup codes (needs a recent sign-in)",
      ok: { status: 200, description: "{backupCodes}", schema: z.object({ backupCodes: backupCodesSchema }) },
      errors: [403, 409],
    }),
    async (c) => c.json({ backupCodes: await regenerateBackupCodes(c.get("domain"), requireViewer(c), requestMeta(c.req.raw)) }, 200),
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/password",
      tags,
      auth: true,
      summary: "Change the password; other sessions end",
      body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }),
      ok: { status: 200, description: "Changed", schema: z.object({ status: z.literal("password_changed") }) },
      errors: [422],
    }),
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid("json");
      await changePassword(c.get("domain"), requireViewer(c), currentPassword, newPassword, requestMeta(c.req.raw));
      return c.json({ status: "password_changed" }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/sessions",
      tags,
      auth: true,
      summary: "Active sessions of this account",
      ok: { status: 200, description: "{items}", schema: countedPageSchema(sessionViewSchema) },
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const rows = await listActiveSessions(c.get("domain"), viewer.user.id);
      return c.json({ items: rows.map((s) => serializeSession(s, viewer.session.id)), nextCursor: null, total: rows.length }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "delete",
      path: "/sessions/{id}",
      tags,
      auth: true,
      summary: "Sign a session out",
      params: z.object({ id: z.string().min(1).max(64) }),
      ok: { status: 200, description: "Revoked", schema: z.object({ status: z.literal("revoked") }) },
      errors: [404],
    }),
    async (c) => {
      await revokeOwnSession(c.get("domain"), requireViewer(c), c.req.valid("param").id);
      return c.json({ status: "revoked" }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/security-events",
      tags,
      auth: true,
      summary: "Recent security events (sign-ins, failures, 2FA and password changes)",
      query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(25), cursor: z.string().max(64).optional() }),
      ok: { status: 200, description: "{items, nextCursor}", schema: pageSchema(securityEventViewSchema) },
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const { limit, cursor } = c.req.valid("query");
      const page = await listSecurityEvents(c.get("domain"), viewer.user.id, { limit, cursor });
      return c.json(
        {
          items: page.items.map((e): z.infer<typeof securityEventViewSchema> => ({
            id: e.id,
            type: e.type,
            at: e.createdAt.toISOString(),
            ip: e.ip,
            userAgent: e.userAgent,
            country: e.country,
            data: e.data,
          })),
          nextCursor: page.nextCursor,
        },
        200,
      );
    },
  );
