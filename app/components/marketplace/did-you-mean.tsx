import { Link, useLocation } from "@remix-run/react";

/** "Did you mean …?" under a search: a link to the same search, filters kept, with the corrected text. */
export function DidYouMean({ text }: { text: string | null | undefined }) {
  const location = useLocation();
  if (!text) return null;
  const params = new URLSearchParams(location.search);
  params.delete("cursor");
  params.set("q", text);
  return (
    <p className="text-sm break-words">
      Did you mean{" "}
      <Link to={`${location.pathname}?${params}`} className="font-medium underline">
        {text}
      </Link>
      ?
    </p>
  );
}
