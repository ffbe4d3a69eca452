import { and, asc, desc, eq, inArray, lt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  contractEvents,
  contracts,
  milestones,
  projects,
  users,
  type Contract,
  type ContractStatus,
  type ContractEvent,
} from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { milestoneFunds, NO_FUNDS, sumFunds, type HeldFunds } from "../ledger/balances";
import { milestoneFacts } from "../milestones/facts";
import { fileViewsByKey } from "../files/records";
import { toMilestoneView } from "../milestones/view";
import { contractForParty, partyRole, type PartyRole } from "./access";
import { toContractView, toTimelineEntry, type ContractDetailView, type ContractView } from "./view";

export const CONTRACT_PAGE_MAX = 50;

const clientUser = alias(users, "client_user");
const freelancerUser = alias(users, "freelancer_user");

async function contractRows(ctx: DomainContext, where: ReturnType<typeof and>, limit: number) {
  return ctx.db
    .select({
      contract: contracts,
      budgetType: projects.budgetType,
      projectTitle: projects.title,
      clientName: clientUser.name,
      freelancerName: freelancerUser.name,
    })
    .from(contracts)
    .innerJoin(projects, eq(projects.id, contracts.projectId))
    .innerJoin(clientUser, eq(clientUser.id, contracts.clientId))
    .innerJoin(freelancerUser, eq(freelancerUser.id, contracts.freelancerId))
    .where(where)
    .orderBy(desc(contracts.id))
    .limit(limit);
}

type ContractRow = Awaited<ReturnType<typeof contractRows>>[number];

function viewOf(row: ContractRow, funds: HeldFunds, viewerRole: PartyRole): ContractView {
  return toContractView({
    contract: row.contract,
    projectBudgetType: row.budgetType,
    projectTitle: row.projectTitle,
    client: { id: row.contract.clientId, name: row.clientName },
    freelancer: { id: row.contract.freelancerId, name: row.freelancerName },
    funds,
    viewerRole,
  });
}

async function fundsByContract(ctx: DomainContext, contractIds: string[]) {
  const perMilestone = await milestoneFunds(ctx, contractIds);
  const owners = contractIds.length
    ? await ctx.db
        .select({ id: milestones.id, contractId: milestones.contractId })
        .from(milestones)
        .where(inArray(milestones.contractId, contractIds))
    : [];
  const byContract = new Map<string, HeldFunds[]>();
  for (const m of owners) {
    const funds = perMilestone.get(m.id);
    if (funds) byContract.set(m.contractId, [...(byContract.get(m.contractId) ?? []), funds]);
  }
  return new Map(contractIds.map((id) => [id, sumFunds(byContract.get(id) ?? [])]));
}

export interface ContractListInput {
  status?: ContractStatus;
  role?: PartyRole;
  limit: number;
  cursor?: string;
}

/** The viewer's contracts on either side (or one side), newest first. */
export async function listContracts(ctx: DomainContext, userId: string, input: ContractListInput) {
  const limit = Math.min(Math.max(input.limit, 1), CONTRACT_PAGE_MAX);
  const mine =
    input.role === "client"
      ? eq(contracts.clientId, userId)
      : input.role === "freelancer"
        ? eq(contracts.freelancerId, userId)
        : or(eq(contracts.clientId, userId), eq(contracts.freelancerId, userId));
  const rows = await contractRows(
    ctx,
    and(mine, input.status ? eq(contracts.status, input.status) : undefined, input.cursor ? lt(contracts.id, input.cursor) : undefined),
    limit + 1,
  );
  const page = rows.slice(0, limit);
  const funds = await fundsByContract(
    ctx,
    page.map((r) => r.contract.id),
  );
  return {
    items: page.map((r) => viewOf(r, funds.get(r.contract.id) ?? NO_FUNDS, partyRole(r.contract, userId) ?? "client")),
    nextCursor: rows.length > limit ? page[page.length - 1].contract.id : null,
  };
}

/** A contract shows its offer even when it was made by code that predates the timeline. */
function withOfferEvent(contract: Contract, events: ContractEvent[]): ContractEvent[] {
  if (events.some((e) => e.type === "contract.offered")) return events;
  const offered: ContractEvent = {
    id: contract.id,
    contractId: contract.id,
    milestoneId: null,
    type: "contract.offered",
    actorId: contract.clientId,
    data: { proposalId: contract.proposalId },
    createdAt: contract.createdAt,
  };
  return [offered, ...events];
}

/** The whole contract for one of its parties: terms, milestones with their funds, and the timeline. */
export async function getContractDetail(ctx: DomainContext, userId: string, contractId: string): Promise<ContractDetailView> {
  const access = await contractForParty(ctx, contractId, userId);
  const [row] = await contractRows(ctx, eq(contracts.id, contractId), 1);
  if (!row) throw new AppError(404, "not_found", "No such contract.");
  const [list, events, perMilestone, facts] = await Promise.all([
    ctx.db.select().from(milestones).where(eq(milestones.contractId, contractId)).orderBy(asc(milestones.position)),
    ctx.db
      .select()
      .from(contractEvents)
      .where(eq(contractEvents.contractId, contractId))
      .orderBy(asc(contractEvents.createdAt), asc(contractEvents.id)),
    milestoneFunds(ctx, [contractId]),
    milestoneFacts(ctx, { contractId }),
  ]);
  const funds = sumFunds(list.map((m) => perMilestone.get(m.id) ?? NO_FUNDS));
  const files = await fileViewsByKey(
    ctx,
    list.flatMap((m) => m.submissionFiles),
  );
  return {
    ...viewOf(row, funds, access.role),
    milestones: list.map((m) => toMilestoneView(m, perMilestone.get(m.id), facts.get(m.id), files)),
    timeline: withOfferEvent(row.contract, events).map(toTimelineEntry),
  };
}
