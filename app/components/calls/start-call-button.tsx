import { Form } from "@remix-run/react";
import { Button } from "../ui/button";

/** Starts a video call from a conversation or a contract (works without JavaScript: the form posts). */
export function StartCallButton(props: { conversationId: string } | { contractId: string }) {
  const [name, value] = "conversationId" in props ? ["conversationId", props.conversationId] : ["contractId", props.contractId];
  return (
    <Form method="post" action="/calls/start">
      <input type="hidden" name={name} value={value} />
      <Button type="submit" size="sm" variant="secondary">
        Start call
      </Button>
    </Form>
  );
}
