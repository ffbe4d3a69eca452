import { eq, inArray } from "drizzle-orm";
import { freelancerProfiles, projects, users, type Project, type Proposal } from "../../../db/schema";
import type { DomainContext } from "../context";
import { fileViewsByKey, type FileView } from "../files/records";

export interface ProposalView {
  id: string;
  projectId: string;
  project: {
    id: string;
    title: string;
    status: Project["status"];
    budgetType: Project["budgetType"];
    budgetMin: number;
    budgetMax: number;
    currency: string;
  } | null;
  freelancerId: string;
  freelancer: { id: string; name: string; handle: string | null };
  coverLetter: string;
  bidAmount: number;
  currency: string;
  /** Days the work takes: set on fixed-price bids, optional on hourly ones. */
  estimatedDays: number | null;
  /** Hours a week an hourly bid offers (null on fixed-price bids and older hourly ones). */
  weeklyHours: number | null;
  milestones: Proposal["milestones"];
  attachments: FileView[];
  status: Proposal["status"];
  declineReason: string | null;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
}

/** Views of proposals with their freelancer and project summaries, in the given order. */
export async function loadProposalViews(ctx: DomainContext, rows: Proposal[]): Promise<ProposalView[]> {
  if (rows.length === 0) return [];
  const freelancerIds = [...new Set(rows.map((r) => r.freelancerId))];
  const projectIds = [...new Set(rows.map((r) => r.projectId))];
  const [people, projectRows] = await ctx.db.batch([
    ctx.db
      .select({ id: users.id, name: users.name, handle: freelancerProfiles.handle })
      .from(users)
      .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
      .where(inArray(users.id, freelancerIds)),
    ctx.db
      .select({
        id: projects.id,
        title: projects.title,
        status: projects.status,
        budgetType: projects.budgetType,
        budgetMin: projects.budgetMin,
        budgetMax: projects.budgetMax,
        currency: projects.currency,
      })
      .from(projects)
      .where(inArray(projects.id, projectIds)),
  ]);
  const files = await fileViewsByKey(
    ctx,
    rows.flatMap((r) => r.attachments),
  );
  const personOf = new Map(people.map((p) => [p.id, p]));
  const projectOf = new Map(projectRows.map((p) => [p.id, p]));
  return rows.map((p) => ({
    id: p.id,
    projectId: p.projectId,
    project: projectOf.get(p.projectId) ?? null,
    freelancerId: p.freelancerId,
    freelancer: {
      id: p.freelancerId,
      name: personOf.get(p.freelancerId)?.name ?? "",
      handle: personOf.get(p.freelancerId)?.handle ?? null,
    },
    coverLetter: p.coverLetter,
    bidAmount: p.bidAmount,
    currency: p.currency,
    estimatedDays: p.estimatedDays,
    weeklyHours: p.weeklyHours,
    milestones: p.milestones,
    attachments: p.attachments.map((k) => files.get(k)).filter((f): f is FileView => Boolean(f)),
    status: p.status,
    declineReason: p.declineReason,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    decidedAt: p.decidedAt?.toISOString() ?? null,
  }));
}

export async function loadProposalView(ctx: DomainContext, proposal: Proposal): Promise<ProposalView> {
  const [view] = await loadProposalViews(ctx, [proposal]);
  return view;
}
