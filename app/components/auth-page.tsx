import type { ReactNode } from "react";

/** The narrow, centred frame of the sign-in, sign-up and recovery pages. */
export function AuthPage({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:py-16">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {intro ? <div className="text-muted mt-3">{intro}</div> : null}
      <div className="mt-8">{children}</div>
    </main>
  );
}

export const textLinkClass = "font-medium text-brand-600 underline underline-offset-2 dark:text-brand-100";
