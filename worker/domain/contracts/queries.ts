import { asc, desc, eq, type SQL } from "drizzle-orm";
import { alias, type SQLiteSelect } from "drizzle-orm/sqlite-core";
import {
  contractEvents,
  contracts,
  freelancerProfiles,
  milestones,
  projects,
  users,
  type Contract,
  type ContractEvent,
} from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { milestoneFunds, NO_FUNDS, sumFunds, type HeldFunds } from "../ledger/balances";
import { milestoneFacts } from "../milestones/facts";
import { fileUrl, fileViewsByKey } from "../shared/file-records";
import { toMilestoneView } from "../milestones/view";
import { knownZone } from "../time/zones";
import { contractForParty, type PartyRole } from "../contract-core/access";
import { toContractView, toTimelineEntry, type ContractDetailView, type ContractView } from "./view";

export const clientUser = alias(users, "client_user");
export const freelancerUser = alias(users, "freelancer_user");

/** Joins a contracts query to its project and both parties (aliased clientUser and freelancerUser). */
export function withParties<T extends SQLiteSelect>(query: T) {
  return query
    .innerJoin(projects, eq(projects.id, contracts.projectId))
    .innerJoin(clientUser, eq(clientUser.id, contracts.clientId))
    .innerJoin(freelancerUser, eq(freelancerUser.id, contracts.freelancerId));
}

/** Contracts with their project's title and budget type and both parties' names and zones, newest first (one batchable query). */
export function contractRows(ctx: DomainContext, where: SQL | undefined, limit: number) {
  return withParties(
    ctx.db
      .select({
        contract: contracts,
        budgetType: projects.budgetType,
        projectTitle: projects.title,
        clientName: clientUser.name,
        clientPhoto: clientUser.photoKey,
        clientZone: clientUser.timeZone,
        freelancerName: freelancerUser.name,
        freelancerPhoto: freelancerUser.photoKey,
        freelancerZone: freelancerUser.timeZone,
        freelancerProfileZone: freelancerProfiles.timezone,
      })
      .from(contracts)
      .$dynamic(),
  )
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, contracts.freelancerId))
    .where(where)
    .orderBy(desc(contracts.id))
    .limit(limit);
}

/** The ids contractRows selects, as a subquery: what a list's funds and progress read in the page's round trip. */
export function contractIdsQuery(ctx: DomainContext, where: SQL | undefined, limit: number) {
  return withParties(ctx.db.select({ id: contracts.id }).from(contracts).$dynamic())
    .where(where)
    .orderBy(desc(contracts.id))
    .limit(limit);
}

type ContractRow = Awaited<ReturnType<typeof contractRows>>[number];

export function viewOf(ctx: DomainContext, row: ContractRow, funds: HeldFunds, viewerRole: PartyRole): ContractView {
  const photo = (key: string | null) => (key ? fileUrl(ctx, key) : null);
  return toContractView({
    contract: row.contract,
    projectBudgetType: row.budgetType,
    projectTitle: row.projectTitle,
    client: { id: row.contract.clientId, name: row.clientName, photoUrl: photo(row.clientPhoto), timeZone: knownZone(row.clientZone) },
    freelancer: {
      id: row.contract.freelancerId,
      name: row.freelancerName,
      photoUrl: photo(row.freelancerPhoto),
      timeZone: knownZone(row.freelancerZone, row.freelancerProfileZone),
    },
    funds,
    viewerRole,
  });
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
    ...viewOf(ctx, row, funds, access.role),
    milestones: list.map((m) => toMilestoneView(m, perMilestone.get(m.id), facts.get(m.id), files)),
    timeline: withOfferEvent(row.contract, events).map(toTimelineEntry),
  };
}
