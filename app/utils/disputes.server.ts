import { data, type AppLoadContext } from "@remix-run/cloudflare";
import type { User } from "../../db/schema";
import { AppError } from "../../worker/domain/errors";
import { messageOf } from "./forms.server";
import { text, uploadFormAttachments } from "./support.server";

/** The statement and evidence a dispute form posted (multipart): the text, and the keys of the stored files. */
export async function statementFrom(context: AppLoadContext, user: User, form: FormData) {
  return { text: text(form, "text"), evidenceFileIds: await uploadFormAttachments(context, user, form) };
}

/** A domain refusal shown above the form with its status; a 404 becomes the not-found page (in the domain's words unless given). */
export function formFailure(error: unknown, notFound?: string) {
  if (!(error instanceof AppError)) throw error;
  if (error.status === 404) throw new Response(notFound ?? error.message, { status: 404 });
  const field = Object.values(error.fields ?? {}).flat()[0];
  return data({ error: field ?? messageOf(error) }, { status: error.status });
}
