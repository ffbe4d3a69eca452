import { Link } from "@remix-run/react";
import type { ProjectMatchView } from "../../../worker/domain/matching/matches";
import { Badge } from "../ui/badge";
import { EmptyState } from "../ui/empty-state";
import { formatMoneyRange } from "~/utils/money";
import { MatchReasons, ScoreBadge } from "./reasons";

/** Open projects that fit the freelancer, by the matching engine, with the reasons. */
export function RecommendedProjects({ items }: { items: ProjectMatchView[] }) {
  return (
    <section aria-labelledby="recommended" className="space-y-3">
      <h2 id="recommended" className="text-lg font-semibold">
        Recommended projects
      </h2>
      {items.length === 0 ? (
        <EmptyState title="No recommendations yet">
          Add skills, a rate and your availability to your profile, and projects that fit you will show here.{" "}
          <Link to="/projects" className="font-medium underline">
            Search all projects
          </Link>
          .
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {items.map(({ project, score, reasons }) => (
            <li key={project.id} className="border-subtle surface rounded-card border p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <Link to={project.url} className="min-w-0 font-semibold hover:underline">
                  {project.title}
                </Link>
                <ScoreBadge score={score} />
              </div>
              <p className="text-muted mt-1 text-sm">
                {formatMoneyRange(project.budgetMin, project.budgetMax, project.currency)}
                {project.budgetType === "hourly" ? " per hour" : " fixed"}
              </p>
              <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Skills">
                {project.skills.map((s) => (
                  <li key={s.slug}>
                    <Badge>{s.name}</Badge>
                  </li>
                ))}
              </ul>
              <div className="mt-2">
                <MatchReasons reasons={reasons} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
