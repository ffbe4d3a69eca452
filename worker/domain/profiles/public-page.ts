/**
 * A freelancer's public profile (/f/:handle and GET /api/freelancers/:handle) in one database round trip: the
 * summary, the portfolio and its images, optionally the track record, and the day's view count, all keyed by
 * the handle in SQL so nothing waits for the handle to be looked up first.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { files, portfolioItems, type StoredFile } from "../../../db/schema";
import { portfolioOrder } from "./portfolio";
import { profileViewStatement } from "../analytics/activity";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { openProjectChoicesQuery } from "../projects/client-projects";
import { toTrackRecord, trackRecordQueries, type TrackRecord } from "../reviews/track-record";
import {
  freelancerSummariesSql,
  toFreelancerSummary,
  toPortfolioImage,
  toPortfolioView,
  toProfileCredentials,
  type FreelancerProfileView,
  type FreelancerSummaryRow,
  portfolioRowsQuery,
  type PortfolioRow,
} from "./views";

export interface PublicProfileOptions {
  /** Also read the track record (reviews page and job success), as the profile page shows it. */
  trackRecord?: { reviewsCursor?: string };
  /** Count one view of the profile by this viewer (null: signed out); nothing is counted for its owner. */
  countViewBy?: { viewerId: string | null };
  /** Also read this client's open projects (id and title), which they may invite the freelancer to. */
  openProjectsOf?: { clientId: string };
}

export async function loadPublicProfile(
  ctx: DomainContext,
  handleParam: string,
  options: PublicProfileOptions = {},
): Promise<{ profile: FreelancerProfileView; track: TrackRecord | null; openProjects: Array<{ id: string; title: string }> | null }> {
  const handle = handleParam.trim().toLowerCase();
  const byHandle = sql`SELECT user_id FROM freelancer_profiles WHERE handle = ${handle}`;
  const userId = sql`(${byHandle})`;
  const reads = [
    ctx.db.all<FreelancerSummaryRow>(freelancerSummariesSql(ctx, byHandle, sql`page.user_id`)),
    portfolioRowsQuery(ctx)
      .where(eq(portfolioItems.freelancerId, userId))
      .orderBy(...portfolioOrder),
    ctx.db
      .select()
      .from(files)
      .where(
        inArray(
          files.key,
          sql`(SELECT k.value FROM ${portfolioItems}, json_each(${portfolioItems.imageKeys}) AS k WHERE ${portfolioItems.freelancerId} = ${userId})`,
        ),
      ),
    ...(options.trackRecord ? trackRecordQueries(ctx, userId, options.trackRecord.reviewsCursor) : []),
    ...(options.openProjectsOf ? [openProjectChoicesQuery(ctx, options.openProjectsOf.clientId)] : []),
  ] as const;
  const countView = options.countViewBy ? [profileViewStatement(ctx, { handle }, options.countViewBy.viewerId)] : [];
  const [summaries, items, images, ...rest] = (await ctx.db.batch([...reads, ...countView] as never)) as [
    FreelancerSummaryRow[],
    PortfolioRow[],
    StoredFile[],
    ...unknown[],
  ];
  if (summaries.length === 0) throw new AppError(404, "not_found", "No freelancer has that handle.");
  const imageViews = new Map(images.map((f) => [f.key, toPortfolioImage(ctx, f)]));
  const profile = {
    ...toFreelancerSummary(ctx, summaries[0]),
    ...toProfileCredentials(summaries[0]),
    portfolio: items.map((r) => toPortfolioView(r.item, imageViews, r.project)),
  };
  const track = options.trackRecord ? toTrackRecord(ctx, rest.slice(0, 5) as never) : null;
  const openProjects = options.openProjectsOf ? (rest[track ? 5 : 0] as Array<{ id: string; title: string }>) : null;
  return { profile, track, openProjects };
}
