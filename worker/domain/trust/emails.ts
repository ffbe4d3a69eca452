import { render } from "../auth/emails";

export const trustEmails = {
  blocked: (to: string, name: string, reason: string, appealHref: string) =>
    render(
      "trust.account_blocked",
      to,
      "Your MegiLance account is blocked",
      [
        `Hi ${name},`,
        `We blocked your account: ${reason}. You are signed out everywhere and cannot sign in while the block stands.`,
        "If you think this is a mistake, send us an appeal: an admin reads every one and answers by email.",
      ],
      { href: appealHref, label: "Appeal the block" },
    ),
  unblocked: (to: string, name: string, signInHref: string) =>
    render(
      "trust.account_unblocked",
      to,
      "Your MegiLance account is open again",
      [`Hi ${name},`, "We lifted the block on your account. You can sign in again."],
      { href: signInHref, label: "Sign in" },
    ),
  appealRejected: (to: string, name: string, note: string) =>
    render("trust.appeal_rejected", to, "Your appeal was reviewed", [
      `Hi ${name},`,
      `An admin reviewed your appeal and the block stays in place.${note ? ` ${note}` : ""}`,
    ]),
};
