import { eq } from "drizzle-orm";
import { contractEvents, contracts, type Contract } from "../../../db/schema";
import type { DomainContext } from "../context";

export const CONTRACT_EVENT_TYPES = [
  "contract.offered",
  "contract.terms_updated",
  "contract.accepted",
  "contract.declined",
  "contract.ended",
  "milestone.added",
  "milestone.updated",
  "milestone.funding_started",
  "milestone.funding_cancelled",
  "milestone.funded",
  "milestone.submitted",
  "milestone.changes_requested",
  "milestone.approved",
  "milestone.released",
  "milestone.refunded",
  "milestone.cancelled",
  "timesheet.submitted",
  "timesheet.approved",
  "timesheet.disputed",
  "timesheet.charged",
  "timesheet.paid",
  "dispute.opened",
  "dispute.answered",
  "dispute.resolved",
  "review.written",
  "reviews.published",
] as const;
export type ContractEventType = (typeof CONTRACT_EVENT_TYPES)[number];

export interface ContractEventInput {
  contractId: string;
  type: ContractEventType;
  actorId: string | null;
  milestoneId?: string | null;
  data?: Record<string, unknown>;
}

/** The timeline row for a change, to go in the same batch as the change. */
export function contractEventStatement(ctx: DomainContext, input: ContractEventInput) {
  return ctx.db.insert(contractEvents).values({
    id: ctx.newId(),
    contractId: input.contractId,
    milestoneId: input.milestoneId ?? null,
    type: input.type,
    actorId: input.actorId,
    data: input.data ?? null,
    createdAt: ctx.clock.now(),
  });
}

type ContractChanges = Partial<Omit<typeof contracts.$inferInsert, "id" | "version" | "updatedAt">>;

/**
 * Every change to a contract or its milestones bumps the contract's version from the one we read; the
 * guard trigger fails the whole batch if someone else bumped it first (see 008-ledger.md).
 */
export function bumpContractStatement(ctx: DomainContext, contract: Contract, changes: ContractChanges = {}) {
  return ctx.db
    .update(contracts)
    .set({ ...changes, version: contract.version + 1, updatedAt: ctx.clock.now() })
    .where(eq(contracts.id, contract.id));
}
