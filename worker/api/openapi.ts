import { createRoute, z } from "@hono/zod-openapi";
import type { ErrorBody } from "../domain/errors";

/** The domain's error body (`ErrorBody`) as a named component of the document. */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
    }),
  })
  .openapi("Error") satisfies z.ZodType<ErrorBody>;

type Method = "get" | "post" | "put" | "patch" | "delete";

interface RouteSpec<Body extends z.ZodType | undefined, Query extends z.ZodObject | undefined, Params extends z.ZodObject | undefined> {
  method: Method;
  path: string;
  tags: string[];
  summary: string;
  body?: Body;
  query?: Query;
  params?: Params;
  /**
   * The success status and what it returns: `schema` is the zod schema of the JSON body (none for 204); `media` holds
   * the answer's other representations by content type (a CSV export, a PDF, a calendar file).
   */
  ok: {
    status: 200 | 201 | 202 | 204;
    description: string;
    schema?: z.ZodType;
    media?: Record<string, z.ZodType>;
    /** Other success statuses with the same body (e.g. 200 when a create finds what already exists). */
    also?: { status: 200 | 201 | 202; description: string }[];
  };
  /** A stable name for client generators; derived from method and path when left out. */
  operationId?: string;
  /** Statuses the route can answer with besides success, for the document. */
  errors?: number[];
  auth?: boolean;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Bad request",
  401: "Not signed in, or credentials not valid",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict with the current state",
  422: "Validation failed (see error.fields)",
  429: "Too many requests (see Retry-After)",
};

/** Who may call a route: a bearer access token (API clients) or the web app's session cookie. */
export const SIGNED_IN: Record<string, string[]>[] = [{ bearer: [] }, { sessionCookie: [] }];

/** createRoute with the house defaults: JSON bodies, the error shape, bearer or cookie auth when asked. */
export function jsonRoute<
  Body extends z.ZodType | undefined = undefined,
  Query extends z.ZodObject | undefined = undefined,
  Params extends z.ZodObject | undefined = undefined,
>(spec: RouteSpec<Body, Query, Params>) {
  const content: Record<string, { schema: z.ZodType }> = {};
  if (spec.ok.schema) content["application/json"] = { schema: spec.ok.schema };
  for (const [type, schema] of Object.entries(spec.ok.media ?? {})) content[type] = { schema };
  const responses: Record<number, { description: string; content?: Record<string, { schema: z.ZodType }> }> = {
    [spec.ok.status]: { description: spec.ok.description, ...(Object.keys(content).length > 0 ? { content } : {}) },
  };
  for (const other of spec.ok.also ?? []) responses[other.status] = { description: other.description, content };
  for (const status of spec.errors ?? []) responses[status] = errorResponse(ERROR_DESCRIPTIONS[status] ?? "Error");
  if (spec.auth) responses[401] = errorResponse(ERROR_DESCRIPTIONS[401]);
  return createRoute({
    method: spec.method,
    path: spec.path,
    tags: spec.tags,
    summary: spec.summary,
    ...(spec.operationId ? { operationId: spec.operationId } : {}),
    security: spec.auth ? SIGNED_IN : [],
    request: {
      ...(spec.body ? { body: { content: { "application/json": { schema: spec.body } }, required: true } } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.params ? { params: spec.params } : {}),
    } as {
      body: Body extends z.ZodType ? { content: { "application/json": { schema: Body } }; required: true } : undefined;
      query: Query;
      params: Params;
    },
    responses: responses as Record<number, { description: string }>,
  });
}

/** An error answer in the house shape, `{"error": {code, message, fields}}`. */
export function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: apiErrorSchema } } };
}

/** A file's bytes in a non-JSON answer (CSV, PDF, calendar, an upload), for `ok.media`. */
export const fileBytes = (description: string) => z.string().openapi({ format: "binary", description });
