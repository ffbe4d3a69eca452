/**
 * `?_data=` is the data protocol of Remix before single fetch. This app speaks single fetch only, so such
 * a request comes from a browser tab opened before an upgrade, or from a crawler. Remix would log a full
 * stack trace for each one and still run the loaders; instead the Worker answers at once, quietly, with
 * the redirect an old Remix client understands: it reloads the page as a document and gets today's app.
 */
export function isLegacyDataRequest(request: Request, url: URL): boolean {
  // A form post of an old tab still reaches its action (Remix answers it), so no submission is lost.
  return (request.method === "GET" || request.method === "HEAD") && url.searchParams.has("_data");
}

export function legacyDataResponse(url: URL): Response {
  const target = new URL(url);
  target.searchParams.delete("_data");
  return new Response(null, {
    status: 204,
    headers: {
      "X-Remix-Redirect": `${target.pathname}${target.search}`,
      "X-Remix-Status": "302",
      "X-Remix-Reload-Document": "true",
      "Cache-Control": "no-store",
    },
  });
}
