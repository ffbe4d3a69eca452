import { Link, useFetcher } from "@remix-run/react";
import type { FreelancerMatchView } from "../../../worker/domain/matching/matches";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { formatMoney } from "~/utils/money";
import { MatchReasons, ScoreBadge } from "./reasons";

function InviteButton({ projectId, match }: { projectId: string; match: FreelancerMatchView }) {
  const fetcher = useFetcher<{ error?: string }>();
  if (match.applied) return <Badge tone="success">Applied</Badge>;
  if (match.invited) return <Badge tone="brand">Invited</Badge>;
  return (
    <fetcher.Form method="post" action={`/projects/${projectId}/matches`}>
      <input type="hidden" name="freelancerId" value={match.freelancer.id} />
      <Button size="sm" variant="secondary" disabled={fetcher.state !== "idle"}>
        {fetcher.state !== "idle" ? "Inviting…" : "Invite to apply"}
        <span className="sr-only">: {match.freelancer.name}</span>
      </Button>
      {fetcher.data?.error ? (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
          {fetcher.data.error}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

/** The project owner's view of the freelancers who fit best, with an invitation to apply. */
export function ProjectMatches({ projectId, matches }: { projectId: string; matches: FreelancerMatchView[] }) {
  return (
    <Card
      title="Recommended freelancers"
      description="Ranked by skills, budget fit, reputation, availability, time zone and recent activity."
    >
      <div id="matches">
        {matches.length === 0 ? (
          <EmptyState title="No strong matches yet">Nobody reaches the minimum match score for this project right now.</EmptyState>
        ) : (
          <ol className="divide-y divide-[var(--border)]" aria-label="Recommended freelancers">
            {matches.map((m) => (
              <li key={m.freelancer.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <ScoreBadge score={m.score} />
                    <Link to={m.freelancer.url} className="font-semibold hover:underline">
                      {m.freelancer.name}
                    </Link>
                    {m.freelancer.hourlyRate !== null ? (
                      <span className="text-muted text-sm">{formatMoney(m.freelancer.hourlyRate, m.freelancer.currency)}/h</span>
                    ) : null}
                  </div>
                  <p className="text-sm">{m.freelancer.headline}</p>
                  <MatchReasons reasons={m.reasons} />
                </div>
                <InviteButton projectId={projectId} match={m} />
              </li>
            ))}
          </ol>
        )}
      </div>
    </Card>
  );
}
