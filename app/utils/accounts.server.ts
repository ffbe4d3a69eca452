// The domain functions the account pages call, behind a .server name so they never reach the browser bundle.
export {
  addRole,
  changePassword,
  registerUser,
  resetPassword,
  sendVerificationEmail,
  verifyEmail,
} from "../../worker/domain/auth/accounts";
export { requestPasswordReset } from "../../worker/domain/auth/password-reset";
export { beginTotpSetup, confirmTotpSetup, disableTotp, mfaMethods, regenerateBackupCodes } from "../../worker/domain/auth/mfa";
export { beginPasskeyRegistration, finishPasskeyRegistration, listPasskeys, removePasskey } from "../../worker/domain/auth/passkeys";
export { authenticationResponseSchema, challengeId, registrationResponseSchema } from "../../worker/domain/auth/passkeys-schema";
export { beginPasskeySignIn, signInWithPasskey } from "../../worker/domain/auth/passkeys-sign-in";
export { listSecurityEvents } from "../../worker/domain/auth/security-events";
export { listActiveSessions, markSessionVerified, revokeOwnSession, revokeSession } from "../../worker/domain/auth/sessions";
export { authenticateWithPassword, emailSignInCode } from "../../worker/domain/auth/sign-in";
export {
  completeSignInWithCode,
  emailCodeForPendingSignIn,
  pendingSignInUser,
  signInWithPassword,
} from "../../worker/domain/auth/web-sign-in";
export { getOutboxMail, listOutbox, OUTBOX_PAGE_MAX } from "../../worker/domain/ops/outbox";
