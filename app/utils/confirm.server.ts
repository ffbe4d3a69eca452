import { data } from "@remix-run/cloudflare";
import { CONFIRMED_FIELD, type PendingConfirmation } from "./confirm";

export function isConfirmed(form: FormData): boolean {
  return form.get(CONFIRMED_FIELD) === "yes";
}

/**
 * The answer to a form that moves money or cannot be undone, posted without its confirmation (a browser without
 * JavaScript, or one that skipped the dialog): nothing happens yet, and the page shows what would, with a button
 * that posts the same fields again, confirmed.
 */
export function askToConfirm(form: FormData) {
  const fields: Array<[string, string]> = [];
  for (const [name, value] of form) if (typeof value === "string" && name !== CONFIRMED_FIELD) fields.push([name, value]);
  return data({ confirmation: { fields } satisfies PendingConfirmation }, { status: 200 });
}

/** Asks to confirm when the form's intent is one of `intents` and it is not confirmed yet; null when it may go ahead. */
export function confirmationNeeded(form: FormData, intents: readonly string[]) {
  const intent = String(form.get("intent") ?? "");
  return intents.includes(intent) && !isConfirmed(form) ? askToConfirm(form) : null;
}
