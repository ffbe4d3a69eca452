import { eq } from "drizzle-orm";
import { users, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { requireCurrency } from "./currencies";

/** Sets (or clears, with null) the currency the user also wants to see amounts in. */
export async function setPreferredCurrency(ctx: DomainContext, user: User, code: string | null): Promise<string | null> {
  const preferred = code === null || code.trim() === "" ? null : requireCurrency(code).code;
  await ctx.db.update(users).set({ preferredCurrency: preferred, updatedAt: ctx.clock.now() }).where(eq(users.id, user.id));
  return preferred;
}
