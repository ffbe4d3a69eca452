import { and, count, eq, inArray, lt, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { contracts, milestones, projects, reviews, timesheets, type MilestoneStatus } from "../../../db/schema";
import type { DomainContext } from "../context";
import { contractFundsFrom, contractFundsQuery, NO_FUNDS } from "../ledger/balances";
import { partyRole, type PartyRole } from "../contract-core/access";
import { nextAction, type NextAction } from "./next-action";
import { clientUser, contractIdsQuery, contractRows, freelancerUser, viewOf, withParties } from "./queries";
import type { ContractView } from "./view";

export const CONTRACT_PAGE_MAX = 50;
export const CONTRACT_PAGE_DEFAULT = 20;

/** The tabs of the contracts pages, and the statuses each one holds: "ended" also lists offers that were declined. */
export const CONTRACT_LIST_STATUSES = ["offered", "active", "ended", "declined"] as const;
export type ContractListStatus = (typeof CONTRACT_LIST_STATUSES)[number];
const STATUS_GROUPS: Record<ContractListStatus, string[]> = {
  offered: ["offered"],
  active: ["active"],
  ended: ["ended", "declined"],
  declined: ["declined"],
};

export interface ContractListInput {
  status?: ContractListStatus;
  role?: PartyRole;
  /** Words in the contract's or project's title or the other party's name. */
  q?: string;
  limit?: number;
  cursor?: string;
}

export type ContractListItem = ContractView & { otherParty: { id: string; name: string }; nextAction: NextAction };

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function listWhere(userId: string, input: ContractListInput): SQL | undefined {
  const mine =
    input.role === "client"
      ? eq(contracts.clientId, userId)
      : input.role === "freelancer"
        ? eq(contracts.freelancerId, userId)
        : or(eq(contracts.clientId, userId), eq(contracts.freelancerId, userId));
  const q = input.q?.trim();
  const like = (column: SQL | typeof projects.title) => sql`${column} LIKE ${likePattern(q ?? "")} ESCAPE '\\'`;
  const matches = q
    ? or(
        like(projects.title),
        like(sql`coalesce(${contracts.title}, '')`),
        and(sql`${contracts.clientId} != ${userId}`, like(sql`${clientUser.name}`)),
        and(sql`${contracts.freelancerId} != ${userId}`, like(sql`${freelancerUser.name}`)),
      )
    : undefined;
  return and(mine, input.status ? inArray(contracts.status, STATUS_GROUPS[input.status]) : undefined, matches);
}

/**
 * For each contract of a page (given as a subquery of ids): its milestones per status, its timesheets awaiting
 * approval, and whether the viewer reviewed it, as batchable queries; read them with progressFrom.
 */
function progressQueries(ctx: DomainContext, userId: string, ids: SQLWrapper) {
  return [
    ctx.db
      .select({ contractId: milestones.contractId, status: milestones.status, n: count() })
      .from(milestones)
      .where(inArray(milestones.contractId, ids))
      .groupBy(milestones.contractId, milestones.status),
    ctx.db
      .select({ contractId: timesheets.contractId, n: count() })
      .from(timesheets)
      .where(and(inArray(timesheets.contractId, ids), eq(timesheets.status, "submitted")))
      .groupBy(timesheets.contractId),
    ctx.db
      .select({ contractId: reviews.contractId })
      .from(reviews)
      .where(and(inArray(reviews.contractId, ids), eq(reviews.authorId, userId))),
  ] as const;
}

type ProgressQueries = ReturnType<typeof progressQueries>;

function progressFrom([perStatus, sheets, written]: [
  Awaited<ProgressQueries[0]>,
  Awaited<ProgressQueries[1]>,
  Awaited<ProgressQueries[2]>,
]) {
  const milestonesOf = new Map<string, Partial<Record<MilestoneStatus, number>>>();
  for (const row of perStatus) milestonesOf.set(row.contractId, { ...milestonesOf.get(row.contractId), [row.status]: row.n });
  return {
    milestonesOf,
    sheetsOf: new Map(sheets.map((s) => [s.contractId, s.n])),
    reviewed: new Set(written.map((w) => w.contractId)),
  };
}

/**
 * The viewer's contracts on either side (or one side), newest first: one status tab, a search, a total, and for
 * each the other party, the funds held in escrow and the next action. One database round trip: the page's funds
 * and progress are read for its ids as a subquery, in the same batch as the page and its total.
 */
export async function listContracts(
  ctx: DomainContext,
  userId: string,
  input: ContractListInput,
): Promise<{ items: ContractListItem[]; nextCursor: string | null; total: number }> {
  const limit = Math.min(Math.max(input.limit ?? CONTRACT_PAGE_DEFAULT, 1), CONTRACT_PAGE_MAX);
  const where = listWhere(userId, input);
  const pageWhere = and(where, input.cursor ? lt(contracts.id, input.cursor) : undefined);
  const pageIds = contractIdsQuery(ctx, pageWhere, limit + 1);
  const [rows, [{ n: total }], fundRows, ...progressRows] = await ctx.db.batch([
    contractRows(ctx, pageWhere, limit + 1),
    withParties(ctx.db.select({ n: count() }).from(contracts).$dynamic()).where(where),
    contractFundsQuery(ctx, pageIds),
    ...progressQueries(ctx, userId, pageIds),
  ]);
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.contract.id);
  const funds = contractFundsFrom(fundRows);
  const progress = progressFrom(progressRows);
  const items = page.map((row) => {
    const role = partyRole(row.contract, userId) ?? "client";
    const view = viewOf(ctx, row, funds.get(row.contract.id) ?? NO_FUNDS, role);
    return {
      ...view,
      otherParty: role === "client" ? view.freelancer : view.client,
      nextAction: nextAction({
        status: view.status,
        type: view.type,
        role,
        milestones: progress.milestonesOf.get(view.id) ?? {},
        submittedTimesheets: progress.sheetsOf.get(view.id) ?? 0,
        reviewed: progress.reviewed.has(view.id),
      }),
    };
  });
  return { items, nextCursor: rows.length > limit ? ids[ids.length - 1] : null, total };
}

/** How many of the viewer's contracts (on one side) sit in each tab: offers, active and ended (declined included). */
export async function contractTabCounts(
  ctx: DomainContext,
  userId: string,
  role: PartyRole,
): Promise<Record<"offered" | "active" | "ended", number>> {
  const rows = await ctx.db
    .select({ status: contracts.status, n: count() })
    .from(contracts)
    .where(role === "client" ? eq(contracts.clientId, userId) : eq(contracts.freelancerId, userId))
    .groupBy(contracts.status);
  const of = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  return { offered: of("offered"), active: of("active"), ended: of("ended") + of("declined") };
}
