import { SESSION_COOKIE } from "../session-cookie";
import type { Router } from "./context";
import { z } from "@hono/zod-openapi";
import { apiErrorSchema } from "./openapi";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

type Operation = {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses?: Record<string, { description: string; content?: Record<string, unknown> }>;
};

/** `post /api/projects/{id}/close` -> `postProjectsByIdClose`: unique, because method and path are. */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, "")
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      const word = param ? `by-${param[1]}` : segment;
      return word
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join("");
    });
  return method + words.join("");
}

/** The outline of an OpenAPI 3.1 document (its full rules are the OpenAPI specification's own schema). */
const documentSchema = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string(), description: z.string().optional() }),
  servers: z.array(z.object({ url: z.string() })),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/**
 * The API's OpenAPI 3.1 document. Every operation gets an operationId and an explicit security
 * requirement (empty when anyone may call it), and every error answer the error body schema.
 */
export function buildApiDocument(api: Router) {
  api.openAPIRegistry.register("Error", apiErrorSchema);
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An access token from POST /api/auth/login or /api/auth/refresh.",
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "The web app's session cookie (megilance_session over plain http in development); non-GET requests must be same-origin.",
  });
  api.openAPIRegistry.registerPath({
    method: "get",
    path: "/openapi.json",
    tags: ["documentation"],
    summary: "This OpenAPI 3.1 document",
    security: [],
    responses: { 200: { description: "The document", content: { "application/json": { schema: documentSchema } } } },
  });
  api.openAPIRegistry.registerPath({
    method: "get",
    path: "/docs",
    tags: ["documentation"],
    summary: "A browsable reference page that reads this document",
    security: [],
    responses: { 200: { description: "The reference page", content: { "text/html": { schema: z.string() } } } },
  });
  const document = api.getOpenAPI31Document({
    openapi: "3.1.0",
    info: { title: "MegiLance API", version: "1.0.0", description: "The JSON API of the MegiLance marketplace." },
    servers: [{ url: "/" }],
  });
  const errorContent = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      operation.operationId ??= operationIdFor(method, path);
      operation.security ??= [];
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) >= 400 && !response.content) response.content = errorContent;
      }
    }
  }
  return document;
}
