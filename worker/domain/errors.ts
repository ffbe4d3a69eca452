import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";

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

/** The body of every API error: a stable code to branch on, a sentence for people, and per-field messages. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;

export function errorBody(code: string, message: string, fields?: FieldErrors): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}
