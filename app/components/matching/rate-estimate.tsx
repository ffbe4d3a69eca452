import type { RateEstimate } from "../../../worker/domain/estimates/freelancer-rate";
import { formatMoney } from "~/utils/money";

/** What comparable freelancers charge, shown beside the rate field. */
export function RateGuide({ estimate }: { estimate: RateEstimate | null }) {
  if (!estimate) return null;
  return (
    <p className="text-muted text-sm sm:col-span-2" aria-live="polite">
      {estimate.enoughData ? (
        <>
          Freelancers with skills and experience like yours charge {formatMoney(estimate.low, estimate.currency)} to{" "}
          {formatMoney(estimate.high, estimate.currency)} an hour (median {formatMoney(estimate.median, estimate.currency)};{" "}
          {estimate.basedOn.count} profiles, confidence {Math.round(estimate.confidence * 100)}%).
        </>
      ) : (
        estimate.message
      )}
    </p>
  );
}
