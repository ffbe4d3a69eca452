import { Form, Link, useActionData, useLocation } from "@remix-run/react";
import { useId, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { CONFIRMED_FIELD, valuesOf, type Confirmation, type FormValues, type PendingConfirmation } from "~/utils/confirm";
import { Button, buttonClass, type ButtonSize, type ButtonVariant } from "./button";
import { Card } from "./card";

export type { Confirmation, FormValues };

type ConfirmSource = Confirmation | ((values: FormValues) => Confirmation);

function ConfirmActions({
  confirmation,
  onCancel,
  onConfirm,
  cancel,
}: {
  confirmation: Confirmation;
  onCancel?: () => void;
  onConfirm?: () => void;
  cancel?: ReactNode;
}) {
  return (
    <div className="mt-5 flex flex-wrap justify-end gap-2">
      {cancel ?? (
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      )}
      <Button name={CONFIRMED_FIELD} value="yes" variant={confirmation.tone === "danger" ? "danger" : "primary"} onClick={onConfirm}>
        {confirmation.confirmLabel}
      </Button>
    </div>
  );
}

/**
 * A submit button for a step that moves money or cannot be undone. With JavaScript it opens a dialog that names
 * the amount and what happens, and only its confirm button submits the form (marked confirmed). Without
 * JavaScript it submits as is, and the server answers with a confirmation page (askToConfirm) instead of acting.
 * Put it inside the form it submits; fields the action needs go in the form as usual (an `intent` as a hidden input).
 */
export function ConfirmButton({
  confirm,
  children,
  variant = "primary",
  size = "md",
  disabled,
  className,
  "aria-label": ariaLabel,
  check,
}: {
  confirm: ConfirmSource;
  /** Runs before the dialog opens; false keeps it closed (the form shows its own errors). */
  check?: (form: HTMLFormElement) => boolean;
  children: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
  disabled?: boolean;
  className?: string;
  "aria-label"?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [shown, setShown] = useState<Confirmation | null>(null);
  const titleId = useId();
  const open = (event: MouseEvent<HTMLButtonElement>) => {
    const form = event.currentTarget.form;
    if (!form || typeof dialog.current?.showModal !== "function") return;
    event.preventDefault();
    if (!form.reportValidity() || (check && !check(form))) return;
    const values: FormValues = {};
    for (const [name, value] of new FormData(form)) if (typeof value === "string") values[name] = value;
    setShown(typeof confirm === "function" ? confirm(values) : confirm);
    dialog.current.showModal();
  };
  return (
    <>
      <Button variant={variant} size={size} disabled={disabled} className={className} aria-label={ariaLabel} onClick={open}>
        {children}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="border-subtle surface m-auto w-[calc(100%-2rem)] max-w-md rounded-card border p-6 text-[color:var(--text)] shadow-xl backdrop:bg-black/50"
      >
        {shown ? (
          <>
            <h2 id={titleId} className="text-lg font-semibold">
              {shown.title}
            </h2>
            <div className="mt-2 space-y-2 text-sm">{shown.body}</div>
            {/* Closing does not cancel the click: the form is still submitted, marked confirmed. */}
            <ConfirmActions confirmation={shown} onCancel={() => dialog.current?.close()} onConfirm={() => dialog.current?.close()} />
          </>
        ) : null}
      </dialog>
    </>
  );
}

export interface PendingForm {
  /** The fields as posted, in order (names may repeat). */
  fields: Array<[string, string]>;
  values: FormValues;
}

/** The form a no-JavaScript submission posted unconfirmed, if this page's last action asked to confirm it. */
export function usePendingConfirmation(): PendingForm | null {
  const answer = useActionData() as { confirmation?: PendingConfirmation } | undefined;
  return answer?.confirmation ? { fields: answer.confirmation.fields, values: valuesOf(answer.confirmation.fields) } : null;
}

/**
 * The confirmation page (no JavaScript): what would happen, and a form that posts the same fields again,
 * confirmed. Cancel goes back to the page without doing anything.
 */
export function ConfirmationPage({ confirmation, pending }: { confirmation: Confirmation; pending: PendingForm }) {
  const location = useLocation();
  return (
    <div className="max-w-xl">
      <Card title={confirmation.title}>
        <div className="space-y-2 text-sm">{confirmation.body}</div>
        <Form method="post">
          {pending.fields.map(([name, value], index) => (
            <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
          ))}
          <ConfirmActions
            confirmation={confirmation}
            cancel={
              <Link to={`${location.pathname}${location.search}`} className={buttonClass("secondary")}>
                Cancel
              </Link>
            }
          />
        </Form>
      </Card>
    </div>
  );
}
