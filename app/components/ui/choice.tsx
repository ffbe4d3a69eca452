import type { ReactNode } from "react";
import { FieldErrors } from "./field";

/** A set of radio buttons under one legend. */
export function RadioGroup({
  legend,
  name,
  id,
  options,
  defaultValue,
  errors,
}: {
  legend: ReactNode;
  name: string;
  id: string;
  options: Array<{ value: string; label: ReactNode; description?: ReactNode }>;
  defaultValue?: string;
  errors?: string[];
}) {
  const errorId = `${id}-error`;
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {options.map((option) => (
          <label
            key={option.value}
            className="border-subtle flex cursor-pointer items-start gap-3 rounded-control border p-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 dark:has-[:checked]:bg-white/5"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={defaultValue === option.value}
              className="mt-1 accent-brand-600"
            />
            <span>
              <span className="block font-medium">{option.label}</span>
              {option.description ? <span className="text-muted block text-sm">{option.description}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
