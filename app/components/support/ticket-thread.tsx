import { Form } from "@remix-run/react";
import type { TicketMessageView, TicketView } from "../../../worker/domain/support/tickets";
import { Badge, type Tone } from "../ui/badge";
import { Button } from "../ui/button";
import { cx } from "../ui/cx";
import { inputClass } from "../ui/field";
import { LocalTime } from "../ui/local-time";

export const STATUS_TONE: Record<TicketView["status"], Tone> = { open: "warning", answered: "brand", closed: "neutral" };
export const STATUS_LABEL: Record<TicketView["status"], string> = {
  open: "Waiting for support",
  answered: "Support replied",
  closed: "Closed",
};

export function TicketStatus({ status }: { status: TicketView["status"] }) {
  return <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge>;
}

/** The whole conversation of a ticket, oldest first, with its attachments. */
export function TicketThread({ messages }: { messages: TicketMessageView[] }) {
  return (
    <ol className="space-y-4" aria-label="Conversation">
      {messages.map((m) => (
        <li
          key={m.id}
          className={cx("rounded-card border-subtle border p-4", m.fromStaff ? "bg-brand-50 dark:bg-brand-700/20" : "surface")}
        >
          <p className="text-sm font-semibold">
            {m.author.name} {m.fromStaff ? <Badge tone="brand">MegiLance support</Badge> : null}
          </p>
          <p className="text-muted text-xs">
            <LocalTime value={m.createdAt} />
          </p>
          <p className="mt-2 whitespace-pre-wrap break-words">{m.body}</p>
          {m.attachments.length ? (
            <ul className="mt-2 flex flex-wrap gap-2 text-sm" aria-label="Attachments">
              {m.attachments.map((f) => (
                <li key={f.key}>
                  <a href={f.url} className="underline" target="_blank" rel="noreferrer">
                    {f.name ?? "Attachment"}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** Reply box with optional files; works without JavaScript (a multipart form post). */
export function ReplyForm({ error, label = "Your reply" }: { error?: string | null; label?: string }) {
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-3">
      <input type="hidden" name="intent" value="reply" />
      <div>
        <label htmlFor="reply-body" className="block text-sm font-medium">
          {label}
        </label>
        <textarea
          id="reply-body"
          name="body"
          required
          maxLength={10_000}
          rows={4}
          className={cx(inputClass, "mt-1")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "reply-error" : undefined}
        />
        {error ? (
          <p id="reply-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="reply-files" className="block text-sm font-medium">
          Attach files (PDF or images, optional)
        </label>
        <input id="reply-files" name="attachments" type="file" multiple accept="application/pdf,image/*" className="mt-1 text-sm" />
      </div>
      <Button>Send reply</Button>
    </Form>
  );
}
