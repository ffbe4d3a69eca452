import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { Theme } from "~/theme.server";

/** Posts to /theme (works without JavaScript); with it, flips the class at once. */
export function ThemeToggle({ theme }: { theme: Theme | null }) {
  const fetcher = useFetcher();
  const [current, setCurrent] = useState<Theme | null>(theme);
  useEffect(() => {
    if (current === null) setCurrent(document.documentElement.classList.contains("dark") ? "dark" : "light");
  }, [current]);
  const next: Theme = current === "dark" ? "light" : "dark";
  return (
    <fetcher.Form
      method="post"
      action="/theme"
      onSubmit={() => {
        document.documentElement.classList.toggle("dark", next === "dark");
        document.documentElement.dataset.theme = next;
        setCurrent(next);
      }}
    >
      <input type="hidden" name="theme" value={next} />
      <button
        type="submit"
        className="border-subtle rounded-[var(--radius-control)] border px-3 py-1.5 text-sm font-medium hover:bg-black/5 dark:hover:bg-white/10"
        aria-label={`Switch to ${next} theme`}
      >
        <span aria-hidden="true">{current === "dark" ? "☀" : "☾"}</span>
        <span className="ml-1.5 hidden sm:inline">{current === "dark" ? "Light" : "Dark"}</span>
      </button>
    </fetcher.Form>
  );
}
