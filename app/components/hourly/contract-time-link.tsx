import { Link } from "@remix-run/react";
import { buttonClass } from "../ui/button";
import { Card } from "../ui/card";

/** The contract page's way to the time page (hourly contracts) and to the contract's invoices. */
export function ContractTimeAndInvoices({ contractId, type }: { contractId: string; type: string | null }) {
  return (
    <Card
      title={type === "hourly" ? "Time and invoices" : "Invoices"}
      description={
        type === "hourly"
          ? "Log time with the timer or by hand, submit weekly timesheets, and approve them for payment."
          : "Every charge and release on this contract has a numbered invoice."
      }
    >
      <div className="flex flex-wrap gap-3">
        {type === "hourly" ? (
          <Link to={`/contracts/${contractId}/time`} className={buttonClass("primary", "sm")}>
            Time and timesheets
          </Link>
        ) : null}
        <Link to={`/invoices?contractId=${contractId}`} className={buttonClass("secondary", "sm")}>
          Invoices for this contract
        </Link>
      </div>
    </Card>
  );
}
