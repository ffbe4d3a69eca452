import { data } from "@remix-run/cloudflare";
import type { Submission } from "@conform-to/react";
import { AppError } from "../../worker/domain/errors";
import { formatWait } from "./redirect";

/** The domain's message, plus how long to wait when it asked the client to slow down. */
export function messageOf(error: AppError): string {
  const retryAfter = Number(error.headers?.["Retry-After"]);
  return Number.isFinite(retryAfter) && retryAfter > 0 ? `${error.message} Try again in ${formatWait(retryAfter)}.` : error.message;
}

/**
 * Turns a domain error into a form reply with field errors and the right status; anything else is a
 * bug and rethrown. Secret fields are never sent back.
 */
export function replyWithAppError<T>(submission: Submission<T>, error: unknown, hideFields: string[] = []) {
  if (!(error instanceof AppError)) throw error;
  const message = messageOf(error);
  const repeated = Object.values(error.fields ?? {}).some((messages) => messages.includes(message));
  const result = submission.reply({
    formErrors: repeated ? [] : [message],
    fieldErrors: error.fields,
    hideFields,
  });
  return data({ result, code: error.code }, { status: error.status });
}
