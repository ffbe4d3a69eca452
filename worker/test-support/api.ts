import { SELF } from "cloudflare:test";

export interface CallOptions {
  method?: string;
  body?: unknown;
  token?: string;
  ip?: string;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** One JSON API call through the whole Worker, as an API client would make it. */
export async function call<T = any>(path: string, options: CallOptions = {}): Promise<CallResult<T>> {
  const headers: Record<string, string> = { "User-Agent": "megilance-tests", ...options.headers };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.ip) headers["CF-Connecting-IP"] = options.ip;
  const res = await SELF.fetch(`http://localhost${path}`, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

let counter = 0;
/** A unique address and IP per test, so rate-limit windows never leak between tests. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}@example.test`;
}
export function uniqueIp(): string {
  // Documentation prefix (RFC 3849): only ever a header value in tests, never an address we reach.
  const part = () => Math.floor(Math.random() * 0xffff).toString(16);
  // Sign-in throttles key IPv6 clients by their /64, so each test client gets a /64 of its own.
  return `2001:db8:${part()}:${part()}::${part()}`;
}
