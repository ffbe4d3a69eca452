import { sql } from "drizzle-orm";
import { profileViewDays, userActivityDays } from "../../../db/schema";
import type { DomainContext } from "../context";
import { dayOf } from "./range";

/** Marks the user active today (once per UTC day; repeats are free no-ops). */
export async function recordActivity(ctx: DomainContext, userId: string, at: Date): Promise<void> {
  await activityStatement(ctx, userId, at);
}

/** recordActivity as a statement, to go in a batch with other writes. */
export function activityStatement(ctx: DomainContext, userId: string, at: Date) {
  return ctx.db
    .insert(userActivityDays)
    .values({ userId, day: dayOf(at) })
    .onConflictDoNothing();
}

/** Counts one view of a freelancer's public profile by someone else (signed in or not). */
export async function recordProfileView(ctx: DomainContext, freelancerId: string, viewerId: string | null): Promise<void> {
  await profileViewStatement(ctx, { id: freelancerId }, viewerId);
}

/**
 * recordProfileView as one statement, for the freelancer with this id or handle (so a page can batch it with the
 * reads that look the handle up). The freelancer's own visits are not views.
 */
export function profileViewStatement(ctx: DomainContext, freelancer: { id: string } | { handle: string }, viewerId: string | null) {
  const who =
    "id" in freelancer
      ? sql`SELECT ${freelancer.id} AS user_id`
      : sql`SELECT user_id FROM freelancer_profiles WHERE handle = ${freelancer.handle}`;
  return ctx.db.run(sql`INSERT INTO ${profileViewDays} (freelancer_id, day, views)
    SELECT user_id, ${dayOf(ctx.clock.now())}, 1 FROM (${who}) WHERE user_id IS NOT ${viewerId}
    ON CONFLICT (freelancer_id, day) DO UPDATE SET views = views + 1`);
}
