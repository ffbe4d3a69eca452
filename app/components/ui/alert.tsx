import type { ReactNode } from "react";
import { cx } from "./cx";

type AlertTone = "info" | "success" | "warning" | "danger";

const TONES: Record<AlertTone, string> = {
  info: "border-brand-500/40 bg-brand-50 text-slate-900 dark:bg-white/5 dark:text-slate-100",
  success: "border-green-600/40 bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-100",
  warning: "border-amber-500/50 bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-100",
  danger: "border-red-600/40 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100",
};

/** A message box; problems are announced at once (role=alert), news politely (role=status). */
export function Alert({
  tone = "info",
  title,
  children,
  id,
  className,
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  id?: string;
  className?: string;
}) {
  return (
    <div
      id={id}
      role={tone === "danger" ? "alert" : "status"}
      className={cx("rounded-control border px-4 py-3 text-sm", TONES[tone], className)}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}

/** The form-level errors of a form, if any. */
export function FormErrors({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <Alert tone="danger" id={id}>
      {errors.length === 1 ? (
        errors[0]
      ) : (
        <ul className="list-disc pl-4">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
