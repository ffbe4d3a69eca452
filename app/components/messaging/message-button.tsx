import { Form } from "@remix-run/react";
import { Button, type ButtonSize, type ButtonVariant } from "../ui/button";

/** What a conversation is about: a proposal, a contract, or a person (optionally about one of your projects). */
export type MessageSubject = { proposalId: string } | { contractId: string } | { participantId: string; projectId?: string };

/**
 * "Message" wherever two people meet: opens the one conversation for that pair and subject (creating it the first
 * time) and goes there. A plain form post, so it works without JavaScript.
 */
export function MessageButton({
  subject,
  name,
  variant = "secondary",
  size = "sm",
}: {
  subject: MessageSubject;
  /** Whom the conversation is with, for the button's accessible name when a page lists several people. */
  name?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
}) {
  return (
    <Form method="post" action="/messages/start">
      {Object.entries(subject).map(([field, value]) => (value ? <input key={field} type="hidden" name={field} value={value} /> : null))}
      <Button variant={variant} size={size} aria-label={name ? `Message ${name}` : undefined}>
        Message
      </Button>
    </Form>
  );
}
