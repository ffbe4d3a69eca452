import { Form, useNavigation } from "@remix-run/react";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";

/** A statement with evidence files (PDF or images), posted as multipart so it works without JavaScript. */
export function StatementForm({
  intent,
  label,
  submitLabel,
  hidden,
  error,
}: {
  intent: string;
  label: string;
  submitLabel: string;
  hidden?: Record<string, string>;
  error?: string | null;
}) {
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-3">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor={`${intent}-text`} className="block text-sm font-medium">
          {label}
        </label>
        <textarea
          id={`${intent}-text`}
          name="text"
          required
          minLength={10}
          maxLength={5000}
          rows={5}
          className={inputClass}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${intent}-error` : undefined}
        />
        {error ? (
          <p id={`${intent}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={`${intent}-files`} className="block text-sm font-medium">
          Evidence files (optional)
        </label>
        <p id={`${intent}-files-hint`} className="text-muted text-sm">
          Up to 10 PDFs or images, 10 MB each.
        </p>
        <input
          id={`${intent}-files`}
          name="attachments"
          type="file"
          multiple
          accept="application/pdf,image/png,image/jpeg,image/webp,image/gif"
          aria-describedby={`${intent}-files-hint`}
          className="mt-1 block text-sm"
        />
      </div>
      <Button disabled={busy}>{busy ? "Sending…" : submitLabel}</Button>
    </Form>
  );
}
