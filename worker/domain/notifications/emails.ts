import type { EmailAttachment, EmailMessage } from "../../platform/email/message";
import type { NotificationPayload } from "./types";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The email twin of an in-app notification, with a one-click unsubscribe link for its type. */
export function notificationEmail(input: {
  to: string;
  name: string;
  type: string;
  payload: NotificationPayload;
  appOrigin: string;
  unsubscribeHref: string;
  attachments?: EmailAttachment[];
}): EmailMessage {
  const { payload } = input;
  const href = payload.link ? `${input.appOrigin}${payload.link}` : undefined;
  const text = [
    `Hi ${input.name},`,
    payload.body,
    ...(href ? [`Open it on MegiLance: ${href}`] : []),
    "— MegiLance",
    `Stop these emails: ${input.unsubscribeHref}`,
  ].join("\n\n");
  const html =
    `<div style="font-family:system-ui,sans-serif;max-width:560px">` +
    `<p>Hi ${escape(input.name)},</p><p>${escape(payload.body)}</p>` +
    (href
      ? `<p><a href="${escape(href)}" style="background:#4f46e5;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none">Open on MegiLance</a></p>`
      : "") +
    `<p style="color:#64748b">— MegiLance</p>` +
    `<p style="color:#64748b;font-size:12px"><a href="${escape(input.unsubscribeHref)}">Unsubscribe from these emails</a></p></div>`;
  return {
    to: input.to,
    subject: payload.title.slice(0, 200),
    text,
    html,
    template: `notification.${input.type}`,
    ...(input.attachments?.length ? { attachments: input.attachments } : {}),
  };
}
