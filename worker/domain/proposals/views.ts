import { eq, inArray, sql, type SQL } from "drizzle-orm";
import { files, freelancerProfiles, projects, proposals, users, type Project, type Proposal } from "../../../db/schema";
import type { DomainContext } from "../context";
import { fileUrl, type FileView } from "../shared/file-records";

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
  freelancer: { id: string; name: string; handle: string | null; photoUrl: string | null };
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

/**
 * Proposals with their freelancer's name and handle, their project's summary and their attachments, as one
 * batchable query over the proposals `where` selects (map rows with toProposalView).
 */
export function proposalViewsQuery(ctx: DomainContext, where: SQL) {
  return ctx.db
    .select({
      proposal: proposals,
      freelancerName: users.name,
      photoKey: users.photoKey,
      handle: freelancerProfiles.handle,
      project: {
        id: projects.id,
        title: projects.title,
        status: projects.status,
        budgetType: projects.budgetType,
        budgetMin: projects.budgetMin,
        budgetMax: projects.budgetMax,
        currency: projects.currency,
      },
      files: sql<string>`CASE WHEN ${proposals.attachments} = '[]' THEN '[]' ELSE (
        SELECT json_group_array(json_array(key, content_type, size, original_name)) FROM (
          SELECT f.key, f.content_type, f.size, f.original_name FROM json_each(${proposals.attachments}) a
          JOIN ${files} f ON f.key = a.value ORDER BY a.key)) END`,
    })
    .from(proposals)
    .leftJoin(users, eq(users.id, proposals.freelancerId))
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, proposals.freelancerId))
    .leftJoin(projects, eq(projects.id, proposals.projectId))
    .where(where);
}

type ProposalViewRow = Awaited<ReturnType<typeof proposalViewsQuery>>[number];

export function toProposalView(ctx: DomainContext, row: ProposalViewRow): ProposalView {
  const p = row.proposal;
  const attached = JSON.parse(row.files) as Array<[string, string, number, string]>;
  return {
    id: p.id,
    projectId: p.projectId,
    project: row.project?.id ? row.project : null,
    freelancerId: p.freelancerId,
    freelancer: {
      id: p.freelancerId,
      name: row.freelancerName ?? "",
      handle: row.handle ?? null,
      photoUrl: row.photoKey ? fileUrl(ctx, row.photoKey) : null,
    },
    coverLetter: p.coverLetter,
    bidAmount: p.bidAmount,
    currency: p.currency,
    estimatedDays: p.estimatedDays,
    weeklyHours: p.weeklyHours,
    milestones: p.milestones,
    attachments: attached.map(([key, contentType, size, name]) => ({ key, url: fileUrl(ctx, key), contentType, size: Number(size), name })),
    status: p.status,
    declineReason: p.declineReason,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    decidedAt: p.decidedAt?.toISOString() ?? null,
  };
}

/** Views of proposals with their freelancer and project summaries, in the given order: one query. */
export async function loadProposalViews(ctx: DomainContext, rows: Proposal[]): Promise<ProposalView[]> {
  if (rows.length === 0) return [];
  const found = await proposalViewsQuery(
    ctx,
    inArray(
      proposals.id,
      rows.map((r) => r.id),
    ),
  );
  const byId = new Map(found.map((row) => [row.proposal.id, toProposalView(ctx, row)]));
  return rows.map((r) => byId.get(r.id)).filter((v): v is ProposalView => Boolean(v));
}

export async function loadProposalView(ctx: DomainContext, proposal: Proposal): Promise<ProposalView> {
  const [view] = await loadProposalViews(ctx, [proposal]);
  return view;
}
