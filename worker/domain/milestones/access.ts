import { eq } from "drizzle-orm";
import { milestones, type Milestone } from "../../../db/schema";
import { contractForParty, type ContractAccess } from "../contract-core/access";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { fileViewsByKey } from "../shared/file-records";
import { milestoneFunds, NO_FUNDS, type HeldFunds } from "../ledger/balances";
import { milestoneFacts } from "./facts";
import { toMilestoneView, type MilestoneView } from "./view";

export interface MilestoneAccess extends ContractAccess {
  milestone: Milestone;
  funds: HeldFunds;
}

export async function loadMilestone(ctx: DomainContext, milestoneId: string): Promise<Milestone | undefined> {
  const [row] = await ctx.db.select().from(milestones).where(eq(milestones.id, milestoneId)).limit(1);
  return row;
}

/** A milestone with its contract and held funds, for one of the contract's parties; others get 404. */
export async function milestoneForParty(ctx: DomainContext, milestoneId: string, userId: string): Promise<MilestoneAccess> {
  const milestone = await loadMilestone(ctx, milestoneId);
  if (!milestone) throw new AppError(404, "not_found", "No such milestone.");
  let access: ContractAccess;
  try {
    access = await contractForParty(ctx, milestone.contractId, userId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw new AppError(404, "not_found", "No such milestone.");
    throw error;
  }
  const funds = (await milestoneFunds(ctx, [milestone.contractId])).get(milestone.id) ?? NO_FUNDS;
  return { ...access, milestone, funds };
}

/** One milestone with its funds and submitted files, for one of the contract's parties. */
export async function getMilestone(ctx: DomainContext, milestoneId: string, userId: string): Promise<MilestoneView> {
  const access = await milestoneForParty(ctx, milestoneId, userId);
  const [facts, files] = await Promise.all([
    milestoneFacts(ctx, { milestoneIds: [access.milestone.id] }),
    fileViewsByKey(ctx, access.milestone.submissionFiles),
  ]);
  return toMilestoneView(access.milestone, access.funds, facts.get(access.milestone.id), files);
}

export function wrongState(message: string): AppError {
  return new AppError(409, "invalid_state", message);
}
