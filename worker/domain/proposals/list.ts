import { and, eq, inArray, ne } from "drizzle-orm";
import {
  contracts,
  freelancerProfiles,
  freelancerSkills,
  projectSkills,
  proposals,
  PROPOSAL_STATUSES,
  type ProposalStatus,
  type User,
} from "../../../db/schema";
import type { DomainContext } from "../context";
import { requireOwnProject } from "../projects/access";
import { clampLimit, decodeCursor, encodeCursor, offsetOf } from "../shared/cursor";
import { proposalForParty } from "./access";
import { rankProposal, type Ranking } from "./ranking";
import { loadProposalView, loadProposalViews, type ProposalView } from "./views";

export const PROPOSAL_PAGE_MAX = 50;
/** A project's proposals are ranked in memory; no project realistically gets more than this many. */
const RANKED_MAX = 1000;

export { PROPOSAL_STATUSES };

/** The project's client or the freelancer who sent it may read a proposal. */
export async function getProposal(ctx: DomainContext, actor: User, proposalId: string): Promise<ProposalView> {
  const { proposal } = await proposalForParty(ctx, actor, proposalId);
  return loadProposalView(ctx, proposal);
}

/** What the client sees: proposals ranked by a transparent score (see ranking.ts), best first. */
export async function listProjectProposals(
  ctx: DomainContext,
  actor: User,
  projectId: string,
  input: { status?: ProposalStatus; cursor?: string; limit?: number },
): Promise<{
  items: Array<ProposalView & { ranking: Ranking; contract: { id: string; status: string } | null }>;
  nextCursor: string | null;
  total: number;
}> {
  const project = await requireOwnProject(ctx, projectId, actor);
  const limit = clampLimit(input.limit, 20, PROPOSAL_PAGE_MAX);
  const offset = offsetOf(decodeCursor(input.cursor));
  const rows = await ctx.db
    .select()
    .from(proposals)
    .where(and(eq(proposals.projectId, project.id), input.status ? eq(proposals.status, input.status) : ne(proposals.status, "withdrawn")))
    .limit(RANKED_MAX);
  const freelancerIds = [...new Set(rows.map((r) => r.freelancerId))];
  const [wanted, theirSkills, profiles] =
    rows.length === 0
      ? [[], [], []]
      : await ctx.db.batch([
          ctx.db.select({ slug: projectSkills.skillSlug }).from(projectSkills).where(eq(projectSkills.projectId, project.id)),
          ctx.db
            .select({ userId: freelancerSkills.userId, slug: freelancerSkills.skillSlug })
            .from(freelancerSkills)
            .where(inArray(freelancerSkills.userId, freelancerIds)),
          ctx.db
            .select({ userId: freelancerProfiles.userId, ratingAvg: freelancerProfiles.ratingAvg })
            .from(freelancerProfiles)
            .where(inArray(freelancerProfiles.userId, freelancerIds)),
        ]);
  const skillsOf = new Map<string, string[]>();
  for (const s of theirSkills) (skillsOf.get(s.userId) ?? skillsOf.set(s.userId, []).get(s.userId)!).push(s.slug);
  const ratingOf = new Map(profiles.map((p) => [p.userId, p.ratingAvg]));
  const ranked = rows
    .map((row) => ({
      row,
      ranking: rankProposal({
        projectSkills: wanted.map((w) => w.slug),
        freelancerSkills: skillsOf.get(row.freelancerId) ?? [],
        bidAmount: row.bidAmount,
        budgetMax: project.budgetMax,
        ratingAvg: ratingOf.get(row.freelancerId) ?? 0,
      }),
    }))
    .sort(
      (a, b) =>
        b.ranking.score - a.ranking.score || a.row.createdAt.getTime() - b.row.createdAt.getTime() || a.row.id.localeCompare(b.row.id),
    );
  const page = ranked.slice(offset, offset + limit);
  const hired = page.filter((p) => p.row.status === "accepted").map((p) => p.row.id);
  const [views, deals] = await Promise.all([
    loadProposalViews(
      ctx,
      page.map((p) => p.row),
    ),
    hired.length
      ? ctx.db
          .select({ id: contracts.id, status: contracts.status, proposalId: contracts.proposalId })
          .from(contracts)
          .where(inArray(contracts.proposalId, hired))
      : Promise.resolve([]),
  ]);
  const contractOf = new Map(deals.map((d) => [d.proposalId, { id: d.id, status: d.status }]));
  return {
    items: views.map((v, i) => ({ ...v, ranking: page[i].ranking, contract: contractOf.get(v.id) ?? null })),
    nextCursor: offset + limit < ranked.length ? encodeCursor({ o: offset + limit }) : null,
    total: ranked.length,
  };
}
