import { Link, useLocation } from "@remix-run/react";
import { buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import type { TrackRecord as TrackRecordData } from "../../../worker/domain/reviews/track-record";
import { JobSuccessFigure } from "./job-success";
import { ReviewList } from "./review-list";

/** Profile section: job success, average rating and count, and the visible reviews page by page. */
export function TrackRecord({ record }: { record: TrackRecordData }) {
  const location = useLocation();
  const { summary, items, nextCursor } = record.reviews;
  const next = new URLSearchParams(location.search);
  if (nextCursor) next.set("reviewsCursor", nextCursor);
  return (
    <Card title="Track record">
      <div className="grid gap-4 sm:grid-cols-2">
        <JobSuccessFigure value={record.jobSuccess} />
        <div>
          <p className="text-2xl font-bold">{summary.count ? `${summary.average.toFixed(1)} / 5` : "No reviews yet"}</p>
          <p className="text-muted text-sm">
            Average of {summary.count} visible review{summary.count === 1 ? "" : "s"}
          </p>
        </div>
      </div>
      {items.length ? (
        <div className="mt-6">
          <h3 className="mb-2 font-semibold">Reviews</h3>
          <ReviewList items={items} />
        </div>
      ) : null}
      {nextCursor ? (
        <Link to={`${location.pathname}?${next}`} className={buttonClass("secondary", "sm", "mt-4")}>
          More reviews
        </Link>
      ) : null}
    </Card>
  );
}
