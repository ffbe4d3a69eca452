import type { Db } from "../../../db/client";
import { outbox } from "../../../db/schema";
import { newId } from "../../../db/schema/ids";
import type { EmailMessage, Mailer } from "./message";

/** The local provider: mail lands in the outbox table, readable at /admin/mail and by tests. */
export function createOutboxMailer(db: Db): Mailer {
  return {
    name: "outbox",
    async send(message: EmailMessage) {
      await db.insert(outbox).values({
        id: newId(),
        toAddress: message.to,
        subject: message.subject,
        textBody: message.text,
        htmlBody: message.html ?? null,
        template: message.template,
        attachments: message.attachments?.length ? message.attachments : null,
        provider: "outbox",
      });
    },
  };
}
