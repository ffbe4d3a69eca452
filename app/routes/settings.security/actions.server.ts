import type { Submission } from "@conform-to/react";
import { data, redirect, type AppLoadContext } from "@remix-run/cloudflare";
import { renderSVG } from "uqr";
import type { Viewer } from "../../../worker/domain/auth/sessions";
import {
  authenticateWithPassword,
  beginPasskeyRegistration,
  beginTotpSetup,
  changePassword,
  confirmTotpSetup,
  disableTotp,
  finishPasskeyRegistration,
  markSessionVerified,
  regenerateBackupCodes,
  registrationResponseSchema,
  removePasskey,
  revokeOwnSession,
} from "~/utils/accounts.server";
import { AppError, domainFrom, requestMeta } from "~/utils/domain.server";
import { messageOf } from "~/utils/forms.server";
import { clearSessionCookie } from "~/utils/session.server";
import { SECRET_FIELDS, type SecurityActionData, type securitySchema, type TotpSetup } from "./schemas";
import type { z } from "zod";

type Value = z.infer<typeof securitySchema>;

/** Re-draws the pending setup after a wrong first code; the QR encodes only the otpauth URL the page already showed. */
function setupFromEcho(secret: string, otpauthUrl: string): TotpSetup | undefined {
  if (!otpauthUrl.startsWith("otpauth://totp/") || !/^[A-Z2-7]+$/.test(secret)) return undefined;
  return { secret, otpauthUrl, qrSvg: renderSVG(otpauthUrl) };
}

function reply(submission: Submission<unknown>, intent: Value["intent"], extra: Partial<SecurityActionData> = {}): SecurityActionData {
  return { intent, result: submission.reply({ resetForm: true }), ...extra };
}

/** Runs one intent of the security page for the signed-in viewer. */
export async function runSecurityIntent(request: Request, context: AppLoadContext, viewer: Viewer, submission: Submission<Value>) {
  if (submission.status !== "success" || !submission.value) {
    return data({ intent: null, result: submission.reply({ hideFields: SECRET_FIELDS }) } satisfies SecurityActionData, { status: 400 });
  }
  const value = submission.value;
  const ctx = domainFrom(context);
  const meta = requestMeta(request);
  try {
    switch (value.intent) {
      case "change-password":
        await changePassword(ctx, viewer, value.currentPassword, value.newPassword, meta);
        return reply(submission, value.intent, { notice: "Your password was changed. Your other devices were signed out." });
      case "totp-begin":
        return reply(submission, value.intent, { setup: await beginTotpSetup(ctx, viewer) });
      case "totp-confirm":
        return reply(submission, value.intent, {
          backupCodes: await confirmTotpSetup(ctx, viewer, value.code, meta),
          notice: "Two-factor authentication is on.",
        });
      case "totp-disable":
        await disableTotp(ctx, viewer, value.code, meta);
        return reply(submission, value.intent, { notice: "Two-factor authentication is off." });
      case "backup-codes":
        return reply(submission, value.intent, { backupCodes: await regenerateBackupCodes(ctx, viewer, meta) });
      case "session-revoke":
        await revokeOwnSession(ctx, viewer, value.sessionId);
        if (value.sessionId === viewer.session.id) throw redirect("/sign-in", { headers: { "Set-Cookie": clearSessionCookie(request) } });
        return reply(submission, value.intent, { notice: "That session was signed out." });
      case "reauthenticate":
        await authenticateWithPassword(ctx, { email: viewer.user.email, password: value.password, code: value.code }, meta);
        await markSessionVerified(ctx, viewer.session.id);
        return reply(submission, value.intent, { notice: "Thank you. You can continue for the next 15 minutes." });
      case "passkey-begin":
        return reply(submission, value.intent, { passkeyOptions: await beginPasskeyRegistration(ctx, viewer) });
      case "passkey-finish": {
        const parsed = registrationResponseSchema.safeParse(JSON.parse(value.response));
        if (!parsed.success) throw new AppError(400, "invalid_passkey", "Your browser sent an answer we could not read. Please try again.");
        const passkey = await finishPasskeyRegistration(ctx, viewer, { name: value.name, response: parsed.data }, meta);
        return reply(submission, value.intent, { notice: `Passkey "${passkey.name}" added.` });
      }
      case "passkey-remove":
        await removePasskey(ctx, viewer, value.passkeyId, meta);
        return reply(submission, value.intent, { notice: "Passkey removed." });
    }
  } catch (thrown) {
    const error =
      thrown instanceof SyntaxError ? new AppError(400, "invalid_passkey", "Your browser sent an answer we could not read.") : thrown;
    if (!(error instanceof AppError)) throw error;
    const message = messageOf(error);
    const repeated = Object.values(error.fields ?? {}).some((messages) => messages.includes(message));
    const answer: SecurityActionData = {
      intent: value.intent,
      code: error.code,
      result: submission.reply({ formErrors: repeated ? [] : [message], fieldErrors: error.fields, hideFields: SECRET_FIELDS }),
      setup: value.intent === "totp-confirm" ? setupFromEcho(value.secret, value.otpauthUrl) : undefined,
    };
    return data(answer, { status: error.status });
  }
}
