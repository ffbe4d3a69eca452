import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { contracts, disputes, milestones, projects, type Contract, type Dispute, type DisputeStatus, type User } from "../../../db/schema";
import { contractForParty, partyRole } from "../contract-core/access";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { fileViewsByKey } from "../shared/file-records";
import { toDisputeView, type DisputeView, type DisputeViewerRole } from "./view";

export const DISPUTE_PAGE_MAX = 50;

export interface DisputeRow {
  dispute: Dispute;
  contract: Contract;
  milestoneTitle: string;
  projectTitle: string;
}

function disputeRows(ctx: DomainContext) {
  return ctx.db
    .select({ dispute: disputes, contract: contracts, milestoneTitle: milestones.title, projectTitle: projects.title })
    .from(disputes)
    .innerJoin(contracts, eq(contracts.id, disputes.contractId))
    .innerJoin(milestones, eq(milestones.id, disputes.milestoneId))
    .innerJoin(projects, eq(projects.id, contracts.projectId));
}

export async function loadDisputeRow(ctx: DomainContext, id: string): Promise<DisputeRow | undefined> {
  const [row] = await disputeRows(ctx).where(eq(disputes.id, id)).limit(1);
  return row;
}

export function isAdmin(user: User): boolean {
  return user.roles.includes("admin");
}

/** Parties see their contract's disputes, admins see all; anyone else is told it does not exist. */
export function viewerRoleFor(user: User, contract: Contract): DisputeViewerRole | null {
  return partyRole(contract, user.id) ?? (isAdmin(user) ? "admin" : null);
}

export async function disputeViews(ctx: DomainContext, rows: DisputeRow[], roleOf: (row: DisputeRow) => DisputeViewerRole) {
  const keys = rows.flatMap((r) => [...r.dispute.evidence, ...(r.dispute.responseEvidence ?? [])]);
  const files = await fileViewsByKey(ctx, keys);
  const now = ctx.clock.now();
  return rows.map((r) =>
    toDisputeView(r.dispute, { milestoneTitle: r.milestoneTitle, projectTitle: r.projectTitle, files, viewerRole: roleOf(r), now }),
  );
}

export function disputeNotFound(): AppError {
  return new AppError(404, "not_found", "No such dispute.");
}

export async function getDispute(ctx: DomainContext, viewer: User, id: string): Promise<DisputeView> {
  const row = await loadDisputeRow(ctx, id);
  const role = row ? viewerRoleFor(viewer, row.contract) : null;
  if (!row || !role) throw disputeNotFound();
  const [view] = await disputeViews(ctx, [row], () => role);
  return view;
}

interface Page {
  limit: number;
  cursor?: string;
}

async function page(ctx: DomainContext, where: SQL | undefined, input: Page, roleOf: (row: DisputeRow) => DisputeViewerRole) {
  const limit = Math.min(input.limit, DISPUTE_PAGE_MAX);
  const rows = await disputeRows(ctx)
    .where(and(where, input.cursor ? lt(disputes.id, input.cursor) : undefined))
    .orderBy(desc(disputes.id))
    .limit(limit + 1);
  const items = await disputeViews(ctx, rows.slice(0, limit), roleOf);
  return { items, nextCursor: rows.length > limit ? items[limit - 1].id : null };
}

/** A contract's disputes, newest first, for its parties (and admins). */
export async function listContractDisputes(ctx: DomainContext, viewer: User, contractId: string, input: Page) {
  let role: DisputeViewerRole;
  if (isAdmin(viewer)) {
    const [found] = await ctx.db.select().from(contracts).where(eq(contracts.id, contractId)).limit(1);
    if (!found) throw new AppError(404, "not_found", "No such contract.");
    role = partyRole(found, viewer.id) ?? "admin";
  } else {
    role = (await contractForParty(ctx, contractId, viewer.id)).role;
  }
  return page(ctx, eq(disputes.contractId, contractId), input, () => role);
}

/** The admins' queue, newest first, optionally by status. */
export async function adminDisputeQueue(ctx: DomainContext, input: Page & { status?: DisputeStatus }) {
  return page(ctx, input.status ? eq(disputes.status, input.status) : undefined, input, () => "admin");
}

/** The open (unresolved) dispute of each milestone of a contract, for the milestone cards. */
export async function openDisputesByMilestone(ctx: DomainContext, contractId: string): Promise<Map<string, string>> {
  const rows = await ctx.db
    .select({ id: disputes.id, milestoneId: disputes.milestoneId, status: disputes.status })
    .from(disputes)
    .where(eq(disputes.contractId, contractId));
  return new Map(rows.filter((r) => r.status !== "resolved").map((r) => [r.milestoneId, r.id]));
}
