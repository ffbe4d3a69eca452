import type { ContentfulStatusCode } from "hono/utils/http-status";

export type FieldErrors = Record<string, string[]>;

/** An error a client can act on: it maps to `{"error": {code, message, fields}}` with `status`. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * The body of every API error: a stable code to branch on, a sentence for people, and per-field messages. Its
 * schema for the API reference is `apiErrorSchema` in `worker/api/openapi.ts`; this module stays free of zod, as
 * pages in the browser import `AppError`.
 */
export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldErrors };
}

export function errorBody(code: string, message: string, fields?: FieldErrors): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}
