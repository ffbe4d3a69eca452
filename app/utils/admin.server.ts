import { data, type AppLoadContext } from "@remix-run/cloudflare";
import type { z } from "zod";
import { AppError } from "../../worker/domain/errors";
import { fieldErrorsOf } from "../../worker/domain/shared/validate";
import type { AdminActor } from "../../worker/domain/auth/admin";
import { requireRole } from "./auth.server";
import { domainFrom, requestMeta } from "./domain.server";
import { messageOf } from "./forms.server";

/** The admin behind the request (or the 403 page), with where the request came from for the audit trail. */
export async function requireAdminActor(request: Request, context: AppLoadContext): Promise<AdminActor> {
  const viewer = await requireRole(request, context, "admin");
  return { user: viewer.user, meta: requestMeta(request) };
}

export { domainFrom };

export type ActionReply = { ok: true; message: string } | { ok: false; message: string; fields?: Record<string, string[]> };

/** Parses a form with `schema`, runs `run`, and turns domain errors into a reply the page shows next to the form. */
export async function adminFormAction<S extends z.ZodType>(form: FormData, schema: S, run: (input: z.infer<S>) => Promise<string>) {
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return data<ActionReply>(
      { ok: false, message: "Some fields need another look.", fields: fieldErrorsOf(parsed.error) },
      { status: 400 },
    );
  }
  try {
    return data<ActionReply>({ ok: true, message: await run(parsed.data) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return data<ActionReply>({ ok: false, message: messageOf(error), fields: error.fields }, { status: error.status });
  }
}

/** Route params and query values are capped before they reach the domain. */
export const idParam = (value: string | undefined) => String(value ?? "").slice(0, 64);
