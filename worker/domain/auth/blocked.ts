import type { User } from "../../../db/schema";
import { AppError } from "../errors";

/** What a blocked account hears at every door (password, passkey, OAuth, a live session), with the way to appeal. */
export function blockedError(user: User): AppError {
  return new AppError(
    403,
    "account_blocked",
    `This account is blocked: ${user.blockedReason ?? "a violation of our terms"}. To appeal, reply to the email we sent or open /appeal with your email address.`,
  );
}
