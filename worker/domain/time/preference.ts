import { eq } from "drizzle-orm";
import { users, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { parseInput } from "../shared/validate";
import { timeZonePreferenceInput } from "./zones";

/** Saves the zone chosen in settings (null: follow the browser again). */
export async function setTimeZone(ctx: DomainContext, user: User, input: unknown): Promise<{ timeZone: string | null }> {
  const { timeZone } = parseInput(timeZonePreferenceInput, input);
  await ctx.db.update(users).set({ timeZone, updatedAt: ctx.clock.now() }).where(eq(users.id, user.id));
  return { timeZone };
}
