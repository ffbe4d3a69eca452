import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { BlockedNoticePage, isBlockedNotice } from "./blocked-notice";

/** An error inside a page that already has its frame (portal shell): heading and message, no second <main>. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && isBlockedNotice(error.data)) return <BlockedNoticePage notice={error.data} inFrame />;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = status === 404 ? "Not found" : status === 403 ? "Not allowed" : "Something went wrong";
  const message =
    isRouteErrorResponse(error) && typeof error.data === "string" && error.data && status < 500
      ? error.data
      : status === 404
        ? "We could not find what you were looking for."
        : "An unexpected error happened on our side. Please try again in a moment.";
  return (
    <div className="py-10">
      <p className="text-sm font-semibold tracking-widest text-brand-600 dark:text-brand-100">Error {status}</p>
      <h1 className="mt-2 text-2xl font-bold">{title}</h1>
      <p className="text-muted mt-3">{message}</p>
      <Link to="/" className="mt-6 inline-block font-medium text-brand-600 underline dark:text-brand-100">
        Back to the home page
      </Link>
    </div>
  );
}
