import { Link, useLocation } from "@remix-run/react";
import { buttonClass } from "../ui/button";

/** "First page" and "Next page" links that keep the current filters and swap only the cursor. */
export function CursorPager({ nextCursor, label }: { nextCursor: string | null; label: string }) {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const onFirstPage = !params.get("cursor");
  params.delete("cursor");
  const first = `${location.pathname}${params.size ? `?${params}` : ""}`;
  if (nextCursor) params.set("cursor", nextCursor);
  if (onFirstPage && !nextCursor) return null;
  return (
    <nav aria-label={label} className="mt-4 flex justify-between gap-3">
      {onFirstPage ? (
        <span />
      ) : (
        <Link to={first} className={buttonClass("secondary", "sm")}>
          First page
        </Link>
      )}
      {nextCursor ? (
        <Link to={`${location.pathname}?${params}`} className={buttonClass("secondary", "sm")}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
