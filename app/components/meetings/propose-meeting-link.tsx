import { Link } from "@remix-run/react";
import { buttonClass } from "../ui/button";

/** Opens the form that proposes a meeting in a conversation or a contract. */
export function ProposeMeetingLink(props: { conversationId: string } | { contractId: string }) {
  const query = "conversationId" in props ? `conversationId=${props.conversationId}` : `contractId=${props.contractId}`;
  return (
    <Link to={`/meetings/new?${query}`} className={buttonClass("secondary", "sm")}>
      Propose a meeting
    </Link>
  );
}
