import { sql } from "drizzle-orm";
import { profileViewDays, userActivityDays } from "../../../db/schema";
import type { DomainContext } from "../context";
import { dayOf } from "./range";

/** Marks the user active today (once per UTC day; repeats are free no-ops). */
export async function recordActivity(ctx: DomainContext, userId: string, at: Date): Promise<void> {
  await ctx.db
    .insert(userActivityDays)
    .values({ userId, day: dayOf(at) })
    .onConflictDoNothing();
}

/** Counts one view of a freelancer's public profile by someone else (signed in or not). */
export async function recordProfileView(ctx: DomainContext, freelancerId: string, viewerId: string | null): Promise<void> {
  if (viewerId === freelancerId) return;
  await ctx.db
    .insert(profileViewDays)
    .values({ freelancerId, day: dayOf(ctx.clock.now()), views: 1 })
    .onConflictDoUpdate({ target: [profileViewDays.freelancerId, profileViewDays.day], set: { views: sql`${profileViewDays.views} + 1` } });
}
