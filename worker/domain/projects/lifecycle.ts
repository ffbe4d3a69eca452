import { sql } from "drizzle-orm";
import type { DomainContext } from "../context";

/** The statements that move a project along its lifecycle (see status.ts), for the batches that hire and end. */

/** In the batch that makes a contract active: the project is now in progress (whatever it was before). */
export function projectHiredStatement(ctx: DomainContext, projectId: string) {
  return ctx.db.run(
    sql`UPDATE projects SET status = 'in_progress', closed_at = NULL, updated_at = ${ctx.clock.now().getTime()}
        WHERE id = ${projectId} AND status != 'in_progress'`,
  );
}

/**
 * In the batch that ends or declines a contract: a project in progress is completed once none of its contracts is
 * offered or active any more and at least one of them ran. An open project stays open: its client wants more hires.
 */
export function projectCompletionStatement(ctx: DomainContext, projectId: string, closingContractId: string) {
  return ctx.db.run(
    sql`UPDATE projects SET status = 'completed', updated_at = ${ctx.clock.now().getTime()}
        WHERE id = ${projectId} AND status = 'in_progress'
        AND NOT EXISTS (SELECT 1 FROM contracts WHERE project_id = ${projectId} AND id != ${closingContractId} AND status IN ('offered', 'active'))
        AND EXISTS (SELECT 1 FROM contracts WHERE project_id = ${projectId} AND (status = 'ended' OR id = ${closingContractId}) AND accepted_at IS NOT NULL)`,
  );
}
