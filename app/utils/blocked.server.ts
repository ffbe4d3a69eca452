import { AppError } from "../../worker/domain/errors";
import type { BlockedNotice } from "~/components/blocked-notice";

/** A blocked account's request becomes a 403 page that says why and links to the appeal form. */
export function asBlockedResponse(error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== "account_blocked") return error;
  const notice: BlockedNotice = { code: "account_blocked", message: error.message, appealPath: "/appeal" };
  return new Response(JSON.stringify(notice), { status: 403, headers: { "Content-Type": "application/json; charset=utf-8" } });
}

export function isBlockedResponse(error: unknown): error is Response {
  return error instanceof Response && error.status === 403 && (error.headers.get("Content-Type") ?? "").startsWith("application/json");
}

/** Pages a blocked account may still open: the appeal form (and its sign-out button). */
export function blockedMayOpen(request: Request): boolean {
  return new URL(request.url).pathname === "/appeal";
}
