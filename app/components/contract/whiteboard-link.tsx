import { Link } from "@remix-run/react";
import { buttonClass } from "../ui/button";

/** The way from a contract to its shared whiteboard. */
export function WhiteboardLink({ contractId }: { contractId: string }) {
  return (
    <Link to={`/contracts/${contractId}/whiteboard`} className={buttonClass("secondary", "sm")}>
      Open the whiteboard
    </Link>
  );
}
