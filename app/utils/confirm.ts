import type { ReactNode } from "react";

/** The field a confirmed submission carries: the dialog's (or the confirmation page's) confirm button sets it. */
export const CONFIRMED_FIELD = "_confirmed";

/** What a confirmation says: what happens, for how much, and the words on the button that does it. */
export interface Confirmation {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  /** "danger" for what cannot be undone (ending, blocking); money moves use the primary look. */
  tone?: "primary" | "danger";
}

/** The text fields of a submitted form, as the confirmation sees them. */
export type FormValues = Record<string, string>;

/** A form's own fields, as the server sends them back to the confirmation page (files and the flag left out). */
export type PendingConfirmation = { fields: Array<[string, string]> };

export function valuesOf(fields: Array<[string, string]>): FormValues {
  return Object.fromEntries(fields);
}
