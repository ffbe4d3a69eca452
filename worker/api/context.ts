import { OpenAPIHono } from "@hono/zod-openapi";
import type { Db } from "../../db/client";
import type { Viewer } from "../domain/auth/sessions";
import type { DomainContext } from "../domain/context";
import { invalidInput } from "../domain/shared/validate";
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
      if (!result.success) throw invalidInput(result.error);
    },
  });
}
