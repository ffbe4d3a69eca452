import { OpenAPIHono } from "@hono/zod-openapi";
import type { Db } from "../../db/client";
import type { Viewer } from "../domain/auth/sessions";
import type { DomainContext } from "../domain/context";
import { AppError } from "../domain/errors";
import type { Env } from "../env";

export interface ApiVariables {
  db: Db;
  domain: DomainContext;
  viewer: Viewer | null;
}

export type ApiEnv = { Bindings: Env; Variables: ApiVariables };

export type Router = OpenAPIHono<ApiEnv>;

/** A router whose request validation failures become 422s in the house error shape. */
export function createRouter(): Router {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const fields: Record<string, string[]> = {};
        for (const issue of result.error.issues) {
          const key = issue.path.join(".") || "_";
          (fields[key] ??= []).push(issue.message);
        }
        throw new AppError(422, "validation_failed", "Some fields are not valid.", fields);
      }
    },
  });
}
