import { Form } from "@remix-run/react";
import type { ProjectStatus } from "../../../db/schema/values";
import { canReopen } from "../../../worker/domain/projects/status";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { ProjectStatusBadge } from "./project-status-badge";

const EXPLAINED: Record<ProjectStatus, string> = {
  open: "Freelancers can find it and send proposals.",
  in_progress: "You hired someone, so it takes no more proposals. Reopen it to hire more people.",
  completed: "Every contract on it ended. Reopen it if you need more work done.",
  closed: "You closed it: it takes no proposals and does not show in search.",
};

/** The owner's view of where a project stands, with the one move that fits: close it, or reopen it for more hires. */
export function ProjectLifecycleCard({ status }: { status: ProjectStatus }) {
  return (
    <Card title="Status" actions={<ProjectStatusBadge status={status} />}>
      <p className="text-muted text-sm">{EXPLAINED[status]}</p>
      <Form method="post" className="mt-3">
        {canReopen(status) ? (
          <Button name="intent" value="reopen" variant="secondary" size="sm">
            {status === "closed" ? "Reopen project" : "Reopen for more hires"}
          </Button>
        ) : (
          <Button name="intent" value="close" variant="danger" size="sm">
            Close project
          </Button>
        )}
      </Form>
    </Card>
  );
}
