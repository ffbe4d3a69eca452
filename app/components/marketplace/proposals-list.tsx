import { Avatar } from "../ui/avatar";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useId } from "react";
import type { BudgetType } from "../../../db/schema/values";
import { bidText } from "../../../worker/domain/proposals/bid-text";
import { MessageButton } from "../messaging/message-button";
import { PresenceDot } from "../presence/presence-dot";
import { Badge, type Tone } from "../ui/badge";
import { Button, buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { inputClass } from "../ui/field";
import { LocalTime } from "../ui/local-time";
import { PROPOSAL_STATUS_LABELS } from "./labels";
import { CursorPager } from "./pager";

export type RankedProposal = {
  id: string;
  freelancer: { id: string; name: string; handle: string | null; photoUrl?: string | null };
  coverLetter: string;
  bidAmount: number;
  currency: string;
  estimatedDays: number | null;
  weeklyHours: number | null;
  project: { budgetType: BudgetType } | null;
  status: keyof typeof PROPOSAL_STATUS_LABELS;
  declineReason: string | null;
  createdAt: string;
  ranking: { score: number; skillOverlap: number; bidFit: number; rating: number };
  contract: { id: string; status: string } | null;
};

const STATUS_TONES: Record<RankedProposal["status"], Tone> = {
  pending: "neutral",
  shortlisted: "brand",
  accepted: "success",
  declined: "danger",
  withdrawn: "warning",
};

function Decide({ proposal, canHire }: { proposal: RankedProposal; canHire: boolean }) {
  const reasonId = useId();
  const busy = useNavigation().formData?.get("proposalId") === proposal.id;
  const who = proposal.freelancer.name;
  return (
    <div className="mt-3 flex flex-wrap items-end gap-2">
      {canHire ? (
        <Link to={`/client/proposals/${proposal.id}/offer`} className={buttonClass("primary", "sm")} aria-label={`Hire ${who}`}>
          Hire
        </Link>
      ) : null}
      {proposal.status === "pending" ? (
        <Form method="post">
          <input type="hidden" name="proposalId" value={proposal.id} />
          <Button
            name="intent"
            value="shortlist"
            variant="secondary"
            size="sm"
            disabled={busy}
            aria-label={`Shortlist proposal from ${who}`}
          >
            Shortlist
          </Button>
        </Form>
      ) : null}
      <Form method="post" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="proposalId" value={proposal.id} />
        <div>
          <label htmlFor={reasonId} className="block text-xs font-medium">
            Reason for declining (optional)
          </label>
          <input id={reasonId} name="reason" maxLength={1000} className={`${inputClass} mt-1 py-1.5 text-sm`} />
        </div>
        <Button name="intent" value="decline" variant="danger" size="sm" disabled={busy} aria-label={`Decline proposal from ${who}`}>
          Decline
        </Button>
      </Form>
    </div>
  );
}

/** The owner's view: proposals in ranked order with the score's parts, and the decisions still open. */
export function ProposalsList({
  proposals,
  total,
  nextCursor,
  canHire,
}: {
  proposals: RankedProposal[];
  total: number;
  nextCursor: string | null;
  /** Offers go out only while the project is open; otherwise the owner reopens it first. */
  canHire: boolean;
}) {
  return (
    <Card
      title={`Proposals (${total})`}
      description={
        canHire
          ? "Ranked by skill match (50), bid within budget (30) and rating (20). “Hire” opens an offer for you to review and send."
          : "Ranked by skill match (50), bid within budget (30) and rating (20). Reopen the project for more hires to make another offer."
      }
    >
      {proposals.length === 0 ? (
        <EmptyState title="No proposals yet">Freelancers' proposals will appear here as they arrive.</EmptyState>
      ) : (
        <ol className="divide-y divide-[var(--border)]" aria-label="Proposals">
          {proposals.map((p) => (
            <li key={p.id} id={`proposal-${p.id}`} className="py-4">
              <article aria-label={`Proposal from ${p.freelancer.name}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <Avatar name={p.freelancer.name} photoUrl={p.freelancer.photoUrl} size="md" />
                  <h3 className="font-semibold">
                    {p.freelancer.handle ? (
                      <Link to={`/f/${p.freelancer.handle}`} className="hover:underline">
                        {p.freelancer.name}
                      </Link>
                    ) : (
                      p.freelancer.name
                    )}
                  </h3>
                  <PresenceDot userId={p.freelancer.id} />
                  <Badge tone={STATUS_TONES[p.status]}>{PROPOSAL_STATUS_LABELS[p.status]}</Badge>
                  <span className="text-muted text-sm">Score {p.ranking.score}/100</span>
                </div>
                <p className="text-muted mt-1 text-sm">
                  Bid {bidText(p, p.project?.budgetType)} · sent <LocalTime value={p.createdAt} />
                </p>
                <p className="mt-2 whitespace-pre-line text-sm">{p.coverLetter}</p>
                {p.declineReason ? <p className="text-muted mt-2 text-sm">Declined: {p.declineReason}</p> : null}
                <div className="mt-3">
                  <MessageButton subject={{ proposalId: p.id }} name={p.freelancer.name} />
                </div>
                {p.status === "pending" || p.status === "shortlisted" ? <Decide proposal={p} canHire={canHire} /> : null}
                {p.contract ? (
                  <p className="mt-3 text-sm">
                    <Link to={`/contracts/${p.contract.id}`} className="font-medium underline">
                      {p.contract.status === "offered" ? "Open the offer" : "Open the contract"}
                      <span className="sr-only"> with {p.freelancer.name}</span>
                    </Link>
                  </p>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      )}
      <CursorPager nextCursor={nextCursor} label="Proposal pages" />
    </Card>
  );
}
