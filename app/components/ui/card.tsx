import { useId, type ReactNode } from "react";
import { cx } from "./cx";

export function Card({
  title,
  description,
  actions,
  children,
  className,
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={title ? headingId : undefined}
      className={cx("border-subtle surface rounded-card border p-5 sm:p-6", className)}
    >
      {title || actions ? (
        <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
          <div>
            {title ? (
              <h2 id={headingId} className="text-lg font-semibold">
                {title}
              </h2>
            ) : null}
            {description ? <p className="text-muted mt-1 text-sm">{description}</p> : null}
          </div>
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}
