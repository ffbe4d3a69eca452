import { Link } from "@remix-run/react";
import { formatMoneyRange } from "~/utils/money";
import { Badge } from "../ui/badge";
import { LocalTime } from "../ui/local-time";
import type { ProjectStatus } from "../../../db/schema/values";
import { BUDGET_TYPE_LABELS, EXPERIENCE_LABELS } from "./labels";
import { formatCounted } from "~/utils/count";
import { ProjectStatusBadge } from "./project-status-badge";

export type ProjectCardData = {
  id: string;
  title: string;
  description: string;
  categoryName: string;
  skills: Array<{ slug: string; name: string }>;
  budgetType: keyof typeof BUDGET_TYPE_LABELS;
  budgetMin: number;
  budgetMax: number;
  currency: string;
  experienceLevel: keyof typeof EXPERIENCE_LABELS;
  proposalCount: number;
  proposalCountCapped?: boolean;
  createdAt: string;
  status: ProjectStatus;
};

export function ProjectCard({ project }: { project: ProjectCardData }) {
  return (
    <article className="border-subtle surface rounded-card border p-4 sm:p-5">
      <div className="flex items-start justify-between gap-3">
        <h2 className="min-w-0 break-words text-lg font-semibold">
          <Link to={`/projects/${project.id}`} className="hover:underline">
            {project.title}
          </Link>
        </h2>
        <ProjectStatusBadge status={project.status} />
      </div>
      <p className="text-muted mt-1 text-sm">
        {BUDGET_TYPE_LABELS[project.budgetType]} · {formatMoneyRange(project.budgetMin, project.budgetMax, project.currency)}
        {project.budgetType === "hourly" ? " per hour" : ""} · {EXPERIENCE_LABELS[project.experienceLevel]} · {project.categoryName}
      </p>
      <p className="mt-2 line-clamp-3 text-sm">{project.description}</p>
      <div className="mt-3 flex flex-wrap items-center gap-1.5">
        {project.skills.map((skill) => (
          <Badge key={skill.slug}>{skill.name}</Badge>
        ))}
      </div>
      <p className="text-muted mt-3 text-xs">
        Posted <LocalTime value={project.createdAt} /> ·{" "}
        {formatCounted(project.proposalCount, project.proposalCountCapped ?? false, "proposal", "proposals")}
      </p>
    </article>
  );
}
