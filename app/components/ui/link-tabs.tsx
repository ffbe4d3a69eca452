import { Link } from "@remix-run/react";
import { cx } from "./cx";

export interface LinkTab {
  to: string;
  label: string;
  count?: number;
  current: boolean;
}

/** Tabs that are links (each tab is a URL, so lists can be shared and work without JavaScript), with counts. */
export function LinkTabs({ label, tabs }: { label: string; tabs: LinkTab[] }) {
  return (
    <nav aria-label={label} className="border-subtle -mx-1 flex flex-wrap gap-1 border-b px-1">
      {tabs.map((tab) => (
        <Link
          key={tab.to}
          to={tab.to}
          aria-current={tab.current ? "page" : undefined}
          className={cx(
            "-mb-px rounded-t-control border-b-2 px-3 py-2 text-sm font-medium",
            tab.current
              ? "border-brand-600 text-brand-700 dark:border-brand-100 dark:text-white"
              : "text-muted border-transparent hover:text-[color:var(--text)]",
          )}
        >
          {tab.label}
          {tab.count === undefined ? null : <span className="ml-1.5 tabular-nums">({tab.count})</span>}
        </Link>
      ))}
    </nav>
  );
}
