import type { InputHTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";

export const inputClass =
  "block w-full rounded-control border border-subtle surface px-3 py-2 text-base shadow-sm placeholder:text-slate-500 focus:border-brand-500 aria-[invalid=true]:border-red-600 dark:placeholder:text-slate-400";

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700 dark:text-red-300">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

/** An input with its label, an optional hint and its errors, wired together for screen readers. */
export function Field({
  label,
  hint,
  errors,
  inputProps,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string };
  className?: string;
}) {
  const { id } = inputProps;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? hintId : "", invalid ? errorId : ""].filter(Boolean).join(" ");
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-muted mt-0.5 text-sm">
          {hint}
        </p>
      ) : null}
      <input
        {...inputProps}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
        className={cx(inputClass, "mt-1", inputProps.className)}
      />
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
