import type { MatchReason } from "../../../worker/domain/matching/score";

const LABELS: Record<MatchReason["factor"], string> = {
  skills: "Skills",
  budget: "Budget",
  rating: "Rating",
  jobSuccess: "Job success",
  availability: "Availability",
  timezone: "Time zone",
  activity: "Activity",
};

/** Why a match scored what it did: the two strongest reasons in view, all of them behind a disclosure. */
export function MatchReasons({ reasons }: { reasons: MatchReason[] }) {
  return (
    <div className="text-sm">
      <ul className="text-muted space-y-0.5">
        {reasons.slice(0, 2).map((r) => (
          <li key={r.factor}>{r.text}</li>
        ))}
      </ul>
      <details className="mt-1">
        <summary className="cursor-pointer text-sm font-medium underline-offset-2 hover:underline">Why this match</summary>
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Score by factor</caption>
          <thead>
            <tr className="text-muted">
              <th scope="col" className="py-1 pr-3 font-medium">
                Factor
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Points
              </th>
              <th scope="col" className="py-1 font-medium">
                Reason
              </th>
            </tr>
          </thead>
          <tbody>
            {reasons.map((r) => (
              <tr key={r.factor} className="border-subtle border-t align-top">
                <th scope="row" className="py-1 pr-3 font-medium">
                  {LABELS[r.factor]}
                </th>
                <td className="py-1 pr-3 whitespace-nowrap">
                  {Math.round((r.score * r.weight) / 100)} / {r.weight}
                </td>
                <td className="py-1">{r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

export function ScoreBadge({ score }: { score: number }) {
  return (
    <span className="bg-brand-100 text-brand-700 dark:bg-brand-700 inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-sm font-semibold dark:text-white">
      <span className="sr-only">Match score {score} out of 100</span>
      <span aria-hidden="true">{score}/100</span>
    </span>
  );
}
