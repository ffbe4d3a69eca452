import type { Contract, ContractEvent, ContractType } from "../../../db/schema";
import type { HeldFunds } from "../ledger/balances";
import type { MilestoneView } from "../milestones/view";
import type { PartyRole } from "../contract-core/access";
import { resolveTerms } from "../contract-core/terms";

export interface PartySummary {
  id: string;
  name: string;
  /** Their square profile photo; null shows initials. */
  photoUrl: string | null;
  /** Their local zone when they stated one (settings, or a freelancer's profile); null when not known. */
  timeZone: string | null;
}

export interface ContractViewInput {
  contract: Contract;
  projectBudgetType: ContractType;
  projectTitle: string;
  client: PartySummary;
  freelancer: PartySummary;
  funds: HeldFunds;
  viewerRole: PartyRole;
}

export function toContractView(input: ContractViewInput) {
  const { contract: c, funds } = input;
  const terms = resolveTerms(c, input.projectBudgetType);
  return {
    id: c.id,
    /** The offer's title, or the project's for offers made by accepting a proposal. */
    title: c.title ?? input.projectTitle,
    offerMessage: c.offerMessage,
    status: c.status,
    ...terms,
    currency: c.currency,
    project: { id: c.projectId, title: input.projectTitle },
    proposalId: c.proposalId,
    client: input.client,
    freelancer: input.freelancer,
    viewerRole: input.viewerRole,
    /** Funds held for this contract's milestones, and what already went out of them. */
    funds: { funded: funds.funded, held: funds.held, released: funds.released, refunded: funds.refunded },
    createdAt: c.createdAt.toISOString(),
    acceptedAt: c.acceptedAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    endedBy: c.endedBy,
    endReason: c.endReason,
    updatedAt: (c.updatedAt ?? c.createdAt).toISOString(),
  };
}
export type ContractView = ReturnType<typeof toContractView>;

export function toTimelineEntry(e: ContractEvent) {
  return {
    id: e.id,
    type: e.type,
    actorId: e.actorId,
    milestoneId: e.milestoneId,
    data: e.data ?? {},
    createdAt: e.createdAt.toISOString(),
  };
}

export type ContractDetailView = ContractView & { milestones: MilestoneView[]; timeline: ReturnType<typeof toTimelineEntry>[] };
