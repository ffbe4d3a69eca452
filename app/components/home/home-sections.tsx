import { Link } from "@remix-run/react";
import type { HomeCategory } from "../../../worker/domain/search/home";
import { formatMoney, formatMoneyRange } from "~/utils/money";
import { buttonClass } from "../ui/button";

export interface FeaturedFreelancer {
  handle: string;
  name: string;
  headline: string;
  country: string | null;
  hourlyRate: number | null;
  currency: string;
  rating: { average: number; count: number };
  skills: Array<{ slug: string; name: string }>;
}

export interface RecentProject {
  id: string;
  title: string;
  categoryName: string;
  budgetType: "fixed" | "hourly";
  budgetMin: number;
  budgetMax: number;
  currency: string;
  proposalCount: number;
}

function SectionHeading({ id, title, more }: { id: string; title: string; more?: { to: string; label: string } }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <h2 id={id} className="text-2xl font-bold">
        {title}
      </h2>
      {more ? (
        <Link to={more.to} className="text-sm font-semibold text-brand-600 underline dark:text-brand-100">
          {more.label}
        </Link>
      ) : null}
    </div>
  );
}

export function CategoryGrid({ categories }: { categories: HomeCategory[] }) {
  return (
    <section aria-labelledby="categories" className="mx-auto max-w-6xl px-4 py-14">
      <SectionHeading id="categories" title="Browse by category" more={{ to: "/projects", label: "All open projects" }} />
      <ul className="mt-6 grid grid-cols-2 gap-2 sm:gap-3 lg:grid-cols-4">
        {categories.map((category) => (
          <li key={category.slug}>
            <Link
              to={`/projects?category=${encodeURIComponent(category.slug)}`}
              className="border-subtle surface flex h-full flex-col rounded-[var(--radius-card)] border p-3 hover:border-brand-500 sm:p-4"
            >
              <span className="break-words text-sm font-semibold sm:text-base">{category.name}</span>
              <span className="text-muted mt-1 text-xs sm:text-sm">
                {category.openProjects === 1 ? "1 open project" : `${category.openProjects.toLocaleString("en-US")} open projects`}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FeaturedFreelancers({ freelancers }: { freelancers: FeaturedFreelancer[] }) {
  if (freelancers.length === 0) return null;
  return (
    <section aria-labelledby="featured" className="surface-muted">
      <div className="mx-auto max-w-6xl px-4 py-14">
        <SectionHeading id="featured" title="Featured freelancers" more={{ to: "/freelancers", label: "Find freelancers" }} />
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {freelancers.map((person) => (
            <li key={person.handle} className="border-subtle surface flex flex-col rounded-[var(--radius-card)] border p-5">
              <Link to={`/f/${person.handle}`} className="break-words text-lg font-semibold hover:underline">
                {person.name}
              </Link>
              <p className="text-muted mt-1 line-clamp-2 break-words text-sm">{person.headline}</p>
              <p className="mt-3 text-sm">
                <span className="font-semibold">{person.rating.average.toFixed(1)}</span>
                <span aria-hidden="true"> ★</span>
                <span className="text-muted">
                  {" "}
                  from {person.rating.count} review{person.rating.count === 1 ? "" : "s"}
                </span>
              </p>
              {person.hourlyRate !== null ? (
                <p className="text-muted text-sm">{formatMoney(person.hourlyRate, person.currency)} per hour</p>
              ) : null}
              <p className="text-muted mt-2 break-words text-xs">
                {person.skills
                  .slice(0, 3)
                  .map((s) => s.name)
                  .join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

export function RecentProjects({ projects }: { projects: RecentProject[] }) {
  if (projects.length === 0) return null;
  return (
    <section aria-labelledby="recent" className="mx-auto max-w-6xl px-4 py-14">
      <SectionHeading id="recent" title="Recently posted projects" more={{ to: "/projects", label: "See all projects" }} />
      <ul className="border-subtle mt-6 divide-y divide-[var(--border)] rounded-[var(--radius-card)] border">
        {projects.map((project) => (
          <li key={project.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
            <Link to={`/projects/${project.id}`} className="min-w-0 break-words font-semibold hover:underline">
              {project.title}
            </Link>
            <p className="text-muted shrink-0 text-sm">
              {project.categoryName} · {formatMoneyRange(project.budgetMin, project.budgetMax, project.currency)}
              {project.budgetType === "hourly" ? " per hour" : " fixed"} · {project.proposalCount} proposal
              {project.proposalCount === 1 ? "" : "s"}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

const STEPS = {
  client: [
    { title: "Post a project", body: "Describe the work, the skills it needs and your budget, fixed or hourly." },
    { title: "Choose a freelancer", body: "Compare ranked proposals, portfolios and reviews; message applicants before you hire." },
    { title: "Pay as work is approved", body: "Fund each milestone; the money is held and released only when you approve." },
  ],
  freelancer: [
    { title: "Build your profile", body: "Show your skills, rate and portfolio; reviews and job success follow your work." },
    { title: "Send proposals", body: "Search open projects or get matched, then propose a price and a plan." },
    { title: "Get paid safely", body: "Funds wait in escrow before you start; withdraw your balance whenever you like." },
  ],
};

export function HowItWorks() {
  return (
    <section aria-labelledby="how" className="surface-muted">
      <div className="mx-auto max-w-6xl px-4 py-14">
        <h2 id="how" className="text-2xl font-bold">
          How it works
        </h2>
        <div className="mt-6 grid gap-8 lg:grid-cols-2">
          {(["client", "freelancer"] as const).map((side) => (
            <div key={side}>
              <h3 className="text-lg font-semibold">{side === "client" ? "For clients" : "For freelancers"}</h3>
              <ol className="mt-3 space-y-3">
                {STEPS[side].map((step, index) => (
                  <li key={step.title} className="border-subtle surface rounded-[var(--radius-card)] border p-4">
                    <p className="text-sm font-semibold text-brand-600 dark:text-brand-100">Step {index + 1}</p>
                    <p className="mt-1 font-semibold">{step.title}</p>
                    <p className="text-muted mt-1 text-sm">{step.body}</p>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}

const TRUST = [
  { title: "Escrow for every milestone", body: "Money is held before work starts and released only on approval, by card or USDC." },
  { title: "Disputes settled fairly", body: "If something goes wrong, either side opens a dispute and an admin decides on the evidence." },
  { title: "Fraud watched around the clock", body: "Suspicious accounts, projects and payments are flagged and reviewed by our team." },
  { title: "Accounts you can trust", body: "Confirmed e-mail addresses, two-factor sign-in and passkeys keep accounts safe." },
];

export function TrustAndSafety() {
  return (
    <section aria-labelledby="trust" className="mx-auto max-w-6xl px-4 py-14">
      <SectionHeading id="trust" title="Trust and safety" />
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        {TRUST.map((item) => (
          <li key={item.title} className="border-subtle rounded-[var(--radius-card)] border p-5">
            <p className="font-semibold">{item.title}</p>
            <p className="text-muted mt-1 text-sm">{item.body}</p>
          </li>
        ))}
      </ul>
      <p className="mt-6 text-sm">
        <Link to="/help/job-success" className="font-semibold text-brand-600 underline dark:text-brand-100">
          How job success is measured
        </Link>
      </p>
    </section>
  );
}

export function HomeCallToAction({ portal }: { portal: string | null }) {
  return portal ? (
    <Link to={portal} className={buttonClass("primary", "lg")}>
      Go to your portal
    </Link>
  ) : (
    <>
      <Link to="/sign-up" className={buttonClass("primary", "lg")}>
        Get started
      </Link>
      <Link to="/sign-in" className={buttonClass("secondary", "lg")}>
        Sign in
      </Link>
    </>
  );
}
