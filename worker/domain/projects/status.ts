import type { ProjectStatus } from "../../../db/schema";

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
