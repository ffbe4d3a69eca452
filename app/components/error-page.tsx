import { Link } from "@remix-run/react";

export function ErrorPage({ status, title, message }: { status: number; title: string; message: string }) {
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col items-center px-6 py-24 text-center">
      <p className="text-sm font-semibold tracking-widest text-brand-600 dark:text-brand-100">Error {status}</p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight sm:text-4xl">{title}</h1>
      <p className="text-muted mt-4">{message}</p>
      <Link to="/" className="mt-8 rounded-[var(--radius-control)] bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        Back to the home page
      </Link>
    </main>
  );
}
