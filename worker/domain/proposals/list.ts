import { and, desc, eq, inArray, lt, ne, or } from "drizzle-orm";
import {
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
import { clampLimit, decodeCursor, encodeCursor, keysetOf, offsetOf } from "../search/cursor";
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
): Promise<{ items: Array<ProposalView & { ranking: Ranking }>; nextCursor: string | null; total: number }> {
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
  const views = await loadProposalViews(
    ctx,
    page.map((p) => p.row),
  );
  return {
    items: views.map((v, i) => ({ ...v, ranking: page[i].ranking })),
    nextCursor: offset + limit < ranked.length ? encodeCursor({ o: offset + limit }) : null,
    total: ranked.length,
  };
}

/** A freelancer's own proposals, newest first, with each project's summary. */
export async function listMyProposals(
  ctx: DomainContext,
  actor: User,
  input: { status?: ProposalStatus; cursor?: string; limit?: number },
): Promise<{ items: ProposalView[]; nextCursor: string | null }> {
  const limit = clampLimit(input.limit, 20, PROPOSAL_PAGE_MAX);
  const after = keysetOf(decodeCursor(input.cursor));
  const at = after ? new Date(after[0]) : null;
  const rows = await ctx.db
    .select()
    .from(proposals)
    .where(
      and(
        eq(proposals.freelancerId, actor.id),
        input.status ? eq(proposals.status, input.status) : undefined,
        at && after ? or(lt(proposals.createdAt, at), and(eq(proposals.createdAt, at), lt(proposals.id, after[1]))) : undefined,
      ),
    )
    .orderBy(desc(proposals.createdAt), desc(proposals.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await loadProposalViews(ctx, page),
    nextCursor: rows.length > limit ? encodeCursor({ k: [last.createdAt.getTime(), last.id] }) : null,
  };
}
