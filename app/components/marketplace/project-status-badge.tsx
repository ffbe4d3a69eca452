import type { ProjectStatus } from "../../../db/schema/values";
import { PROJECT_STATUS_LABELS } from "../../../worker/domain/projects/status";
import { Badge, type Tone } from "../ui/badge";

const TONES: Record<ProjectStatus, Tone> = { open: "success", in_progress: "brand", completed: "neutral", closed: "neutral" };

/** Where a project stands in its lifecycle, in words (never colour alone). */
export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  return <Badge tone={TONES[status]}>{PROJECT_STATUS_LABELS[status]}</Badge>;
}
