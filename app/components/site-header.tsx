import { Link } from "@remix-run/react";
import type { Theme } from "~/theme.server";
import { AccountMenu, type MenuViewer } from "./account-menu";
import { ThemeToggle } from "./theme-toggle";

export function SiteHeader({ theme, viewer }: { theme: Theme | null; viewer?: MenuViewer | null }) {
  return (
    <header className="border-subtle border-b">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
        <Link to="/" className="text-lg font-bold tracking-tight">
          Megi<span className="text-brand-600 dark:text-brand-100">Lance</span>
        </Link>
        <div className="flex items-center gap-2">
          <ThemeToggle theme={theme} />
          {viewer ? (
            <AccountMenu viewer={viewer} />
          ) : (
            <>
              <Link
                to="/sign-in"
                className="rounded-[var(--radius-control)] px-3 py-1.5 text-sm font-medium hover:bg-black/5 dark:hover:bg-white/10"
              >
                Sign in
              </Link>
              <Link
                to="/sign-up"
                className="rounded-[var(--radius-control)] bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
              >
                Sign up
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
