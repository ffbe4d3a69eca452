import type { AppLoadContext } from "@remix-run/cloudflare";
import type { User } from "../../db/schema";
import { storeUpload } from "../../worker/domain/files/uploads";
import { domainFrom } from "./domain.server";

/** Stores the files chosen in a form's `attachments` input and returns their keys (empty inputs are skipped). */
export async function uploadFormAttachments(context: AppLoadContext, user: User, form: FormData): Promise<string[]> {
  const chosen = form.getAll("attachments").filter((v): v is File => typeof v !== "string" && v.size > 0);
  const keys: string[] = [];
  for (const file of chosen.slice(0, 10)) {
    const stored = await storeUpload(domainFrom(context), context.cloudflare.env.FILES, user, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      filename: file.name,
      purpose: "attachment",
    });
    keys.push(stored.key);
  }
  return keys;
}

export const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
