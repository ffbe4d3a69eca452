import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { Alert } from "../ui/alert";
import { Badge, type Tone } from "../ui/badge";
import { Button, type ButtonVariant } from "../ui/button";
import { ConfirmButton, type Confirmation, type FormValues } from "../ui/confirm";
import { FieldErrors, inputClass } from "../ui/field";

const LEVEL_TONES: Record<string, Tone> = { low: "neutral", medium: "warning", high: "danger", critical: "danger" };
const STATUS_TONES: Record<string, Tone> = {
  open: "warning",
  investigating: "brand",
  resolved: "success",
  false_positive: "neutral",
  pending: "warning",
  accepted: "success",
  rejected: "neutral",
};

export const words = (value: string) => value.replace(/_/g, " ");

/** Severity badge: the word is always there, so colour is never the only signal. */
export function LevelBadge({ level, score }: { level: string; score?: number }) {
  return (
    <Badge tone={LEVEL_TONES[level] ?? "neutral"}>
      {level}
      {score === undefined ? "" : ` · ${score}`}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONES[status] ?? "neutral"}>{words(status)}</Badge>;
}

export type Reply = { ok: boolean; message: string; fields?: Record<string, string[]> } | undefined;

export function ReplyAlert({ reply }: { reply: Reply }) {
  if (!reply) return null;
  return <Alert tone={reply.ok ? "success" : "danger"}>{reply.message}</Alert>;
}

/** Blocking cannot be undone quietly: the account is signed out at once. The admin confirms it first. */
export function blockConfirmation(name: string, values: FormValues): Confirmation {
  return {
    title: `Block ${name}?`,
    body: (
      <p>
        The account is signed out everywhere and cannot sign in, post, propose or be paid until the block is lifted. They see your reason
        {values.reason ? ` (“${values.reason}”)` : ""} and may appeal.
      </p>
    ),
    confirmLabel: "Block the account",
    tone: "danger",
  };
}

/** A small form that needs a reason (block, hide, release...). */
export function ReasonForm({
  intent,
  id,
  label,
  submit,
  variant = "secondary",
  reply,
  hidden,
  placeholder,
  confirm,
}: {
  intent: string;
  id: string;
  label: string;
  submit: string;
  variant?: ButtonVariant;
  reply?: Reply;
  hidden?: Record<string, string>;
  placeholder?: string;
  /** For what cannot be undone (a block): the submit button asks first. */
  confirm?: Confirmation | ((values: FormValues) => Confirmation);
}) {
  const errors = reply && !reply.ok ? reply.fields?.reason : undefined;
  return (
    <Form method="post" className="space-y-2">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name="reason"
        required
        minLength={3}
        maxLength={500}
        placeholder={placeholder}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
        className={inputClass}
      />
      <FieldErrors id={`${id}-error`} errors={errors} />
      {confirm ? (
        <ConfirmButton confirm={confirm} variant={variant} size="sm">
          {submit}
        </ConfirmButton>
      ) : (
        <Button type="submit" variant={variant} size="sm">
          {submit}
        </Button>
      )}
    </Form>
  );
}

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      {children ? <p className="text-muted mt-1">{children}</p> : null}
    </div>
  );
}

/** A select that filters a list (submits with the rest of the GET form). */
export function FilterSelect({
  id,
  label,
  name,
  value,
  options,
}: {
  id: string;
  label: string;
  name: string;
  value: string;
  options: readonly string[];
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={`${inputClass} mt-1`}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {words(o)}
          </option>
        ))}
      </select>
    </div>
  );
}
