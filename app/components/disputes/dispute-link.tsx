import { Link } from "@remix-run/react";

/** On a milestone card: where either party opens a dispute, or finds the one already open. */
export function DisputeLink({ contractId, milestoneId }: { contractId: string; milestoneId: string }) {
  return (
    <p className="text-sm">
      <Link to={`/contracts/${contractId}/dispute?milestone=${milestoneId}`} className="text-muted underline">
        Open a dispute
      </Link>
    </p>
  );
}
