const COMMON_HEADERS: Record<string, string> = {
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

const PAGE_HEADERS: Record<string, string> = {
  "Content-Security-Policy": [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self' ws: wss:",
    "media-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; "),
  ...COMMON_HEADERS,
  "Permissions-Policy": "camera=(self), microphone=(self), geolocation=()",
};

/** JSON and files never run anything: an API answer opened in a browser gets no powers at all. */
const API_HEADERS: Record<string, string> = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  ...COMMON_HEADERS,
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/** The API reference page: its own inline script and style (by nonce), and fetches of the document. */
export function apiDocsPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

function withHeaders(response: Response, defaults: Record<string, string>): Response {
  // A WebSocket upgrade cannot be copied into a new Response, and carries no document.
  if (response.status === 101 || response.webSocket) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(defaults)) if (!headers.has(name)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Pages: the headers a route did not set itself. */
export function withSecurityHeaders(response: Response): Response {
  return withHeaders(response, PAGE_HEADERS);
}

/** `/api/*`: the same protections, with a policy that lets nothing run unless a route (the docs page) says so. */
export function withApiSecurityHeaders(response: Response): Response {
  return withHeaders(response, API_HEADERS);
}
