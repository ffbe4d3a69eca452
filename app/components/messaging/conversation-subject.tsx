import { Link } from "@remix-run/react";
import type { ConversationSubject } from "../../../worker/domain/messaging/views";

const KIND_LABELS: Record<ConversationSubject["kind"], string> = {
  contract: "Contract",
  proposal: "Proposal",
  project: "Project",
  direct: "Direct message",
};

/** What the conversation is about, linking to its page: the contract, the proposal or the project. */
export function ConversationSubjectLine({ subject }: { subject: ConversationSubject }) {
  if (subject.kind === "direct" || !subject.title) return <p className="text-muted text-sm">{KIND_LABELS.direct}</p>;
  return (
    <p className="text-muted text-sm">
      {KIND_LABELS[subject.kind]}:{" "}
      {subject.href ? (
        <Link to={subject.href} className="font-medium underline">
          {subject.title}
        </Link>
      ) : (
        subject.title
      )}
    </p>
  );
}
