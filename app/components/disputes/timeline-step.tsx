import { Link } from "@remix-run/react";
import { LocalTime } from "../ui/local-time";

/** A dispute's timeline entry: its deadline (answer, or admin decision) and a link to the dispute. */
export function DisputeStep({ data }: { data: Record<string, unknown> }) {
  if (typeof data.disputeId !== "string") return null;
  return (
    <p className="text-sm">
      {typeof data.deadline === "string" ? (
        <>
          Deadline: <LocalTime value={data.deadline} /> ·{" "}
        </>
      ) : null}
      <Link to={`/disputes/${data.disputeId}`} className="underline">
        See the dispute
      </Link>
    </p>
  );
}
