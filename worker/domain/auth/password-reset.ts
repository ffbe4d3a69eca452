import type { DomainContext } from "../context";
import type { DomainJob } from "../shared/jobs";
import { recordEvent } from "../shared/audit";
import { findUserByEmail, normalizeEmail, withinMailLimit } from "./accounts";
import { authEmails } from "./emails";
import { issueOneTimeToken } from "./one-time";
import type { RequestMeta } from "./sessions";
import { generateSecretToken } from "./tokens";

/**
 * "Forgot password": the request only queues the work, the same single step for every address, so the
 * answer takes the same time whether an account exists or not. The lookup and the mail happen in the
 * jobs queue (or at once where no queue is wired, as in scripts).
 */
export async function requestPasswordReset(ctx: DomainContext, email: string, meta: RequestMeta): Promise<void> {
  const job: DomainJob = { type: "auth.password_reset", email: normalizeEmail(email), meta };
  if (ctx.enqueue) await ctx.enqueue(job);
  else await sendPasswordReset(ctx, job.email, job.meta);
}

/** The queued half: mails a reset link when the address belongs to an account that may sign in. */
export async function sendPasswordReset(ctx: DomainContext, email: string, meta: RequestMeta): Promise<void> {
  const user = await findUserByEmail(ctx, email);
  if (!user || user.blockedAt) return;
  if (!(await withinMailLimit(ctx, user.id, "reset"))) return;
  const token = generateSecretToken();
  await issueOneTimeToken(ctx, user.id, "reset_password", token);
  await ctx.sendEmail(authEmails.resetPassword(user.email, user.name, `${ctx.config.appOrigin}/reset-password?token=${token}`));
  await recordEvent(ctx, { type: "auth.password_reset_requested", actorId: user.id, subjectType: "user", subjectId: user.id, ...meta });
}
