import { Link } from "@remix-run/react";
import { buttonClass } from "../ui/button";
import { Card } from "../ui/card";

/** On an ended contract's page: where both sides review each other. */
export function ReviewsCard({ contractId }: { contractId: string }) {
  return (
    <Card title="Reviews" description="Rate how it went. Reviews show once both sides have written one, or 14 days after the end.">
      <Link to={`/contracts/${contractId}/review`} className={buttonClass("secondary")}>
        Reviews for this contract
      </Link>
    </Card>
  );
}
