import { sql } from "drizzle-orm";
import type { ProjectStatus } from "../../../db/schema";
import type { DomainContext } from "../context";

/**
 * A project's lifecycle: open (takes proposals) -> in_progress once a freelancer accepts an offer (no more
 * proposals unless the client reopens it for more hires) -> completed when every contract on it has ended.
 * A client may close an open project, and reopen any project that is not open.
 */
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  completed: "Completed",
  closed: "Closed",
};

/** Only an open project takes proposals and offers, and only an open project is recommended or matched. */
export function takesProposals(status: ProjectStatus): boolean {
  return status === "open";
}

/** The client may reopen a project for more hires whenever it is not open. */
export function canReopen(status: ProjectStatus): boolean {
  return status !== "open";
}

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
