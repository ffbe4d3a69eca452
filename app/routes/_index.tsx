import type { MetaFunction } from "@remix-run/cloudflare";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [
  { title: "MegiLance — hire and work with confidence" },
  { name: "description", content: "Post a project, meet skilled freelancers, and pay safely with funds held until the work is approved." },
];

const STEPS = [
  { title: "Post a project", body: "Describe the work, the skills it needs and your budget, fixed or hourly." },
  { title: "Choose a freelancer", body: "Compare proposals, portfolios and reviews, then chat and agree on milestones." },
  { title: "Pay when it is done", body: "Funds are held for each milestone and released only when you approve the work." },
];

export default function Landing() {
  return (
    <main id="main">
      <section className="mx-auto max-w-6xl px-4 pb-16 pt-16 sm:pt-24">
        <h1 className="max-w-3xl text-4xl font-extrabold tracking-tight sm:text-6xl">
          Great work, <span className="text-brand-600 dark:text-brand-100">safely paid</span>.
        </h1>
        <p className="text-muted mt-6 max-w-2xl text-lg">
          MegiLance connects clients with independent professionals. Chat, share a whiteboard and meet on video in one place; money moves by
          card or USDC and waits until the work is approved.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link
            to="/sign-up"
            className="rounded-[var(--radius-control)] bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700"
          >
            Get started
          </Link>
          <Link
            to="/sign-in"
            className="border-subtle rounded-[var(--radius-control)] border px-5 py-3 font-semibold hover:bg-black/5 dark:hover:bg-white/10"
          >
            Sign in
          </Link>
        </div>
      </section>
      <section aria-labelledby="how" className="surface-muted">
        <div className="mx-auto max-w-6xl px-4 py-16">
          <h2 id="how" className="text-2xl font-bold">
            How it works
          </h2>
          <ol className="mt-8 grid gap-6 sm:grid-cols-3">
            {STEPS.map((step, index) => (
              <li key={step.title} className="border-subtle surface rounded-[var(--radius-card)] border p-6">
                <p className="text-sm font-semibold text-brand-600 dark:text-brand-100">Step {index + 1}</p>
                <h3 className="mt-2 text-lg font-semibold">{step.title}</h3>
                <p className="text-muted mt-2">{step.body}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>
    </main>
  );
}
