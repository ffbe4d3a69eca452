import type { ReactNode } from "react";

export function EmptyState({ title, children, action }: { title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="border-subtle rounded-card border border-dashed px-6 py-10 text-center">
      <p className="font-semibold">{title}</p>
      {children ? <div className="text-muted mx-auto mt-2 max-w-md text-sm">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
