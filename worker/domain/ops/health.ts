import { sql } from "drizzle-orm";
import type { DomainContext } from "../context";

export type Readiness = { ok: true } | { ok: false; reason: string };

/** Ready means a query round-trips to the database. */
export async function checkReadiness(ctx: Pick<DomainContext, "db">): Promise<Readiness> {
  try {
    const rows = await ctx.db.all<{ one: number }>(sql`select 1 as one`);
    if (rows[0]?.one !== 1) return { ok: false, reason: "database returned an unexpected answer" };
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `database unreachable: ${error instanceof Error ? error.message : String(error)}` };
  }
}
