import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cx } from "../ui/cx";
import { FieldErrors, inputClass } from "../ui/field";

function described(id: string, hint: ReactNode | undefined, errors: string[] | undefined) {
  const ids = [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": errors?.length ? true : undefined };
}

function Label({ id, label, hint }: { id: string; label: ReactNode; hint?: ReactNode }) {
  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-muted mt-0.5 text-sm">
          {hint}
        </p>
      ) : null}
    </>
  );
}

/** A select with its label, hint and errors. */
export function SelectField({
  label,
  hint,
  errors,
  options,
  selectProps,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  options: Array<{ value: string; label: string }>;
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { id: string };
  className?: string;
}) {
  const { id } = selectProps;
  return (
    <div className={className}>
      <Label id={id} label={label} hint={hint} />
      <select {...selectProps} {...described(id, hint, errors)} className={cx(inputClass, "mt-1", selectProps.className)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** A multi-line text input with its label, hint and errors. */
export function TextAreaField({
  label,
  hint,
  errors,
  textareaProps,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string };
  className?: string;
}) {
  const { id } = textareaProps;
  return (
    <div className={className}>
      <Label id={id} label={label} hint={hint} />
      <textarea rows={6} {...textareaProps} {...described(id, hint, errors)} className={cx(inputClass, "mt-1", textareaProps.className)} />
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}
