import { Link } from "@remix-run/react";
import type { JobSuccess } from "../../../worker/domain/reviews/job-success";

/** The job-success figure with the numbers it comes from, and where the formula is published. */
export function JobSuccessFigure({ value }: { value: JobSuccess }) {
  return (
    <div>
      <p className="text-2xl font-bold">{value.score === null ? "No job success score yet" : `${value.score}% job success`}</p>
      <p className="text-muted text-sm">
        {value.score === null
          ? `Shown from ${value.minimum} contracts with an outcome (${value.withOutcome} so far).`
          : `${value.positive} of ${value.withOutcome} contracts with a good outcome.`}{" "}
        <Link to="/help/job-success" className="underline">
          How it is worked out
        </Link>
      </p>
    </div>
  );
}
