import { createRoute, z } from "@hono/zod-openapi";

type Method = "get" | "post" | "put" | "patch" | "delete";

interface RouteSpec<Body extends z.ZodType | undefined, Query extends z.ZodObject | undefined, Params extends z.ZodObject | undefined> {
  method: Method;
  path: string;
  tags: string[];
  summary: string;
  body?: Body;
  query?: Query;
  params?: Params;
  /** The success status and what it returns. */
  ok: { status: 200 | 201 | 202 | 204; description: string };
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

/** createRoute with the house defaults: JSON bodies, the error shape, bearer auth when asked. */
export function jsonRoute<
  Body extends z.ZodType | undefined = undefined,
  Query extends z.ZodObject | undefined = undefined,
  Params extends z.ZodObject | undefined = undefined,
>(spec: RouteSpec<Body, Query, Params>) {
  const responses: Record<number, { description: string }> = { [spec.ok.status]: { description: spec.ok.description } };
  for (const status of spec.errors ?? []) responses[status] = { description: ERROR_DESCRIPTIONS[status] ?? "Error" };
  if (spec.auth) responses[401] = { description: ERROR_DESCRIPTIONS[401] };
  return createRoute({
    method: spec.method,
    path: spec.path,
    tags: spec.tags,
    summary: spec.summary,
    security: spec.auth ? [{ bearer: [] }] : undefined,
    request: {
      ...(spec.body ? { body: { content: { "application/json": { schema: spec.body } }, required: true } } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.params ? { params: spec.params } : {}),
    } as {
      body: Body extends z.ZodType ? { content: { "application/json": { schema: Body } }; required: true } : undefined;
      query: Query;
      params: Params;
    },
    responses,
  });
}
