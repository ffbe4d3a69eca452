/**
 * Telling "the database could not answer now" from a bug. Under overload, or while Turso (or the local server)
 * is unreachable, a query fails with a dropped connection, an HTTP error from the server, or SQLite's busy codes;
 * such a request is answered 503 with Retry-After, so clients back off and retry, never 500.
 */

/** What a 503 asks a client to wait before retrying. */
export const RETRY_AFTER_SECONDS = 2;

/** libSQL client codes (and SQLite codes the server passes on) that mean "try again", not "this query is wrong". */
const TRANSIENT_CODES =
  /^(SERVER_ERROR|HRANA_CLOSED_ERROR|HRANA_WEBSOCKET_ERROR|SQLITE_BUSY|SQLITE_LOCKED|SQLITE_INTERRUPT|SQLITE_IOERR|STREAM_EXPIRED)/;
/** What `fetch` rejects with when the connection fails or drops: workerd throws a plain Error, undici a TypeError. */
const NETWORK_MESSAGE =
  /network connection lost|fetch failed|connection (refused|reset|closed)|ECONNREFUSED|ECONNRESET|EPIPE|socket hang up/i;

/** Whether `error`, or an error it wraps (drizzle wraps the client's in `cause`), means the database was unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && TRANSIENT_CODES.test(code)) return true;
    if (NETWORK_MESSAGE.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

export const UNAVAILABLE_MESSAGE = "The marketplace is busy right now. Please try again in a moment.";

/** Headers of a 503 that asks the client to come back. */
export function retryAfterHeaders(): Record<string, string> {
  return { "Retry-After": String(RETRY_AFTER_SECONDS) };
}
