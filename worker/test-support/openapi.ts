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
