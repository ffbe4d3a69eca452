import type { EmailMessage } from "../../platform/email/message";

/** Plain text plus minimal HTML for every account email; links always use the configured origin. */
export function render(
  template: string,
  to: string,
  subject: string,
  paragraphs: string[],
  link?: { href: string; label: string },
): EmailMessage {
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.href}`] : []), "", "— MegiLance"].join("\n\n");
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const html =
    `<div style="font-family:system-ui,sans-serif;max-width:560px">` +
    paragraphs.map((p) => `<p>${escape(p)}</p>`).join("") +
    (link
      ? `<p><a href="${escape(link.href)}" style="background:#4f46e5;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none">${escape(link.label)}</a></p>`
      : "") +
    `<p style="color:#64748b">— MegiLance</p></div>`;
  return { to, subject, text, html, template };
}

export const authEmails = {
  verifyEmail: (to: string, name: string, href: string) =>
    render(
      "auth.verify_email",
      to,
      "Confirm your email address",
      [
        `Hi ${name},`,
        "Please confirm your email address to start posting projects, sending proposals and moving money on MegiLance. The link works for 24 hours.",
      ],
      { href, label: "Confirm my email" },
    ),
  resetPassword: (to: string, name: string, href: string) =>
    render(
      "auth.reset_password",
      to,
      "Reset your MegiLance password",
      [
        `Hi ${name},`,
        "Someone (hopefully you) asked to reset your password. The link works for one hour and only once. If it was not you, ignore this email: your password stays as it is.",
      ],
      { href, label: "Choose a new password" },
    ),
  signInCode: (to: string, name: string, code: string) =>
    render("auth.email_code", to, `Your MegiLance sign-in code: ${code}`, [
      `Hi ${name},`,
      `Your one-time sign-in code is ${code}. It works for 10 minutes and only once.`,
      "If you did not try to sign in, change your password.",
    ]),
  newSignIn: (to: string, name: string, where: string) =>
    render("auth.new_sign_in", to, "New sign-in to your MegiLance account", [
      `Hi ${name},`,
      `Your account was just signed in to from a new device or network: ${where}.`,
      "If this was not you, reset your password and review your active sessions in Security settings.",
    ]),
  accountLocked: (to: string, name: string, minutes: number) =>
    render("auth.account_locked", to, "Too many failed sign-ins on your account", [
      `Hi ${name},`,
      `We saw many failed sign-in attempts on your account, so for up to ${minutes} minutes signing in with your password also needs a code we email you.`,
      "If this was not you, someone may be guessing your password: consider changing it and turning on two-factor authentication.",
    ]),
  twoFactorChanged: (to: string, name: string, change: string) =>
    render("auth.two_factor_changed", to, "Your two-factor settings changed", [
      `Hi ${name},`,
      `Two-factor authentication change on your account: ${change}.`,
      "If this was not you, reset your password right away.",
    ]),
  passwordChanged: (to: string, name: string) =>
    render("auth.password_changed", to, "Your MegiLance password was changed", [
      `Hi ${name},`,
      "Your password was just changed and your other sessions were signed out.",
      "If this was not you, reset your password right away.",
    ]),
};
