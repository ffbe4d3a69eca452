import { and, asc, eq, inArray } from "drizzle-orm";
import { contractEvents, proposalEvents, type Proposal, type ProposalEventType } from "../../../db/schema";
import type { DomainContext } from "../context";

/** The contract events that belong in a proposal's history: what became of the offer. */
const CONTRACT_STEPS = ["contract.offered", "contract.accepted", "contract.declined", "contract.ended"] as const;

export type ProposalHistoryType = ProposalEventType | "offer_sent" | "offer_accepted" | "offer_declined" | "contract_ended";

const FROM_CONTRACT: Record<(typeof CONTRACT_STEPS)[number], ProposalHistoryType> = {
  "contract.offered": "offer_sent",
  "contract.accepted": "offer_accepted",
  "contract.declined": "offer_declined",
  "contract.ended": "contract_ended",
};

export interface ProposalHistoryEntry {
  type: ProposalHistoryType;
  at: string;
  /** A reason given with the step (a decline, an end), if any. */
  note: string | null;
}

/** The history row for a change to a proposal, to go in the same write as the change. */
export function proposalEventStatement(
  ctx: DomainContext,
  input: { proposalId: string; type: ProposalEventType; actorId: string | null; data?: Record<string, unknown> },
) {
  return ctx.db.insert(proposalEvents).values({
    id: ctx.newId(),
    proposalId: input.proposalId,
    type: input.type,
    actorId: input.actorId,
    data: input.data ?? null,
    createdAt: ctx.clock.now(),
  });
}

const noteOf = (data: Record<string, unknown> | null) => (typeof data?.reason === "string" && data.reason ? data.reason : null);

/**
 * What happened to a proposal, oldest first: its own steps, then its contract's offer and end. Proposals written
 * before the history existed get their steps from the proposal's own dates.
 */
export async function proposalHistory(ctx: DomainContext, proposal: Proposal, contractId: string | null): Promise<ProposalHistoryEntry[]> {
  const [own, fromContract] = await ctx.db.batch([
    ctx.db
      .select()
      .from(proposalEvents)
      .where(eq(proposalEvents.proposalId, proposal.id))
      .orderBy(asc(proposalEvents.createdAt), asc(proposalEvents.id)),
    ctx.db
      .select()
      .from(contractEvents)
      .where(and(eq(contractEvents.contractId, contractId ?? ""), inArray(contractEvents.type, [...CONTRACT_STEPS])))
      .orderBy(asc(contractEvents.createdAt), asc(contractEvents.id)),
  ]);
  const entries: Array<ProposalHistoryEntry & { ms: number }> = own.map((e) => ({
    type: e.type,
    at: e.createdAt.toISOString(),
    ms: e.createdAt.getTime(),
    note: noteOf(e.data),
  }));
  if (!own.some((e) => e.type === "sent")) {
    entries.unshift({ type: "sent", at: proposal.createdAt.toISOString(), ms: proposal.createdAt.getTime(), note: null });
  }
  const decided: Partial<Record<Proposal["status"], ProposalEventType>> = {
    declined: "declined",
    withdrawn: "withdrawn",
    accepted: "hired",
  };
  const step = decided[proposal.status];
  if (step && proposal.decidedAt && !own.some((e) => e.type === step)) {
    entries.push({ type: step, at: proposal.decidedAt.toISOString(), ms: proposal.decidedAt.getTime(), note: proposal.declineReason });
  }
  for (const e of fromContract) {
    const type = FROM_CONTRACT[e.type as (typeof CONTRACT_STEPS)[number]];
    entries.push({ type, at: e.createdAt.toISOString(), ms: e.createdAt.getTime(), note: noteOf(e.data) });
  }
  return entries.sort((a, b) => a.ms - b.ms).map(({ ms: _ms, ...entry }) => entry);
}
