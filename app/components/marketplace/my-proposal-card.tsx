import type { ProposalStatus } from "../../../db/schema/values";
import { MessageButton } from "../messaging/message-button";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { PROPOSAL_STATUS_LABELS } from "./labels";

/** On a project's page, for the freelancer who applied: where their proposal stands, and a way to talk to the client. */
export function MyProposalCard({ proposal, clientName }: { proposal: { id: string; status: ProposalStatus }; clientName: string }) {
  return (
    <Card title="Your proposal">
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={proposal.status === "declined" || proposal.status === "withdrawn" ? "neutral" : "brand"}>
          {PROPOSAL_STATUS_LABELS[proposal.status]}
        </Badge>
        <p className="text-muted min-w-0 flex-1 text-sm">Questions about the project? Ask {clientName} before anyone is hired.</p>
        <MessageButton subject={{ proposalId: proposal.id }} name={clientName} />
      </div>
    </Card>
  );
}
