import { inject } from "vitest";
import type { ResponseSample } from "../../tests/setup/openapi-validator.global";

export type { ResponseSample };

/** The API's published document, as a client downloads it. */
export async function apiDocument(target: { fetch: (input: string) => Promise<Response> }) {
  return (await (await target.fetch("http://localhost/api/openapi.json")).json()) as {
    openapi: string;
    paths: Record<string, Record<string, Record<string, any>>>;
    components: Record<string, Record<string, any>>;
  };
}

/** Asks the independent validator (in Node) whether the document is valid OpenAPI; answers its errors. */
export async function documentErrors(document: unknown): Promise<unknown[]> {
  const res = await fetch(`${inject("openApiValidatorUrl")}/document`, { method: "POST", body: JSON.stringify(document) });
  const result = (await res.json()) as { valid: boolean; errors: unknown[] };
  return result.valid ? [] : result.errors;
}

/** Checks real answers against the JSON schemas the document declares for them; answers the mismatches. */
export async function undocumentedAnswers(document: unknown, samples: ResponseSample[]) {
  const res = await fetch(`${inject("openApiValidatorUrl")}/responses`, { method: "POST", body: JSON.stringify({ document, samples }) });
  return ((await res.json()) as { failures: { sample: string; errors: unknown }[] }).failures;
}

type Target = { fetch: (input: string, init?: RequestInit) => Promise<Response> };

/**
 * Calls the API as a client would and keeps every answer, so a test can check them all against the document:
 * `const api = answerSampler(SELF); await api.call("GET", "/api/projects/{id}", { id }, { token })`.
 */
export function answerSampler(target: Target) {
  const samples: ResponseSample[] = [];
  async function call(
    method: string,
    template: string,
    params: Record<string, string> = {},
    options: { token?: string | null; body?: unknown; query?: string; raw?: BodyInit; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: any; headers: Headers }> {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!(name in params)) throw new Error(`no value for {${name}} in ${template}`);
      return encodeURIComponent(params[name]);
    });
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    const res = await target.fetch(`http://localhost${path}${options.query ? `?${options.query}` : ""}`, {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const contentType = (res.headers.get("Content-Type") ?? "").split(";")[0].trim();
    // Non-JSON bodies (files, PDF, CSV, HTML) are read to the end and only their content type is checked.
    const bytes = await res.arrayBuffer();
    const body = contentType === "application/json" && bytes.byteLength > 0 ? JSON.parse(new TextDecoder().decode(bytes)) : null;
    if (res.status !== 204 && res.status !== 304 && res.status < 300) {
      samples.push({ method, path: template, status: res.status, body, ...(contentType === "application/json" ? {} : { contentType }) });
    } else if (res.status >= 400) {
      samples.push({ method, path: template, status: res.status, body });
    }
    return { status: res.status, body, headers: res.headers };
  }
  return { call, samples };
}
