import { LocalTime } from "../ui/local-time";

export interface ReviewItem {
  id: string;
  authorName?: string;
  authorRole: string;
  rating?: number;
  skillRatings?: { skill: string; rating: number }[];
  comment?: string;
  privateNote?: string | null;
  hidden?: boolean;
  /** Set when a moderator hid the review. */
  moderation?: { hiddenAt: string; reason: string } | null;
  createdAt: string;
}

export function Stars({ rating }: { rating: number }) {
  return (
    <span aria-label={`${rating} out of 5 stars`} className="font-semibold">
      <span aria-hidden="true" className="text-amber-600 dark:text-amber-400">
        {"★".repeat(rating)}
        {"☆".repeat(5 - rating)}
      </span>{" "}
      {rating}/5
    </span>
  );
}

/** Reviews as their readers see them: hidden ones say only that they exist; moderated ones say why they are hidden. */
export function ReviewList({ items }: { items: ReviewItem[] }) {
  return (
    <ul className="space-y-4">
      {items.map((r) => (
        <li key={r.id} className="border-subtle border-l-2 pl-3 text-sm">
          {r.moderation ? (
            <p className="font-medium">
              A moderator hid this review: it does not show on profiles or count in ratings. Reason: {r.moderation.reason}
            </p>
          ) : null}
          {r.hidden || r.rating === undefined ? (
            r.moderation ? null : (
              <p className="text-muted">
                The {r.authorRole} wrote a review. It shows once you write yours, or when the waiting period ends.
              </p>
            )
          ) : (
            <>
              <p>
                <Stars rating={r.rating} /> · {r.authorName || `The ${r.authorRole}`}
              </p>
              {r.skillRatings?.length ? (
                <p className="text-muted">{r.skillRatings.map((s) => `${s.skill}: ${s.rating}/5`).join(" · ")}</p>
              ) : null}
              <p className="mt-1 whitespace-pre-line">{r.comment}</p>
              {r.privateNote ? <p className="text-muted mt-1">Private note to the platform: “{r.privateNote}”</p> : null}
            </>
          )}
          <p className="text-muted text-xs">
            <LocalTime value={r.createdAt} />
          </p>
        </li>
      ))}
    </ul>
  );
}
