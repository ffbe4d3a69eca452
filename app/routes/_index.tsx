import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { marketplaceHome } from "../../worker/domain/search/home";
import type { loader as rootLoader } from "~/root";
import {
  CategoryGrid,
  FeaturedFreelancers,
  HomeCallToAction,
  HowItWorks,
  RecentProjects,
  TrustAndSafety,
} from "~/components/home/home-sections";
import { SiteFooter } from "~/components/site-footer";
import { buttonClass } from "~/components/ui/button";
import { inputClass } from "~/components/ui/field";
import { domainFrom } from "~/utils/domain.server";
import { portalPathFor } from "~/utils/redirect";

export const meta: MetaFunction = () => [
  { title: "MegiLance — hire and work with confidence" },
  { name: "description", content: "Post a project, meet skilled freelancers, and pay safely with funds held until the work is approved." },
];

export async function loader({ context }: LoaderFunctionArgs) {
  const home = await marketplaceHome(domainFrom(context));
  return {
    categories: home.categories,
    openProjects: home.openProjects,
    featuredFreelancers: home.featuredFreelancers.map((f) => ({
      handle: f.handle,
      name: f.name,
      headline: f.headline,
      country: f.country,
      hourlyRate: f.hourlyRate,
      currency: f.currency,
      rating: f.rating,
      skills: f.skills.map((s) => ({ slug: s.slug, name: s.name })),
    })),
    recentProjects: home.recentProjects.map((p) => ({
      id: p.id,
      title: p.title,
      categoryName: p.categoryName,
      budgetType: p.budgetType,
      budgetMin: p.budgetMin,
      budgetMax: p.budgetMax,
      currency: p.currency,
      proposalCount: p.proposalCount,
    })),
  };
}

export default function Landing() {
  const { categories, openProjects, featuredFreelancers, recentProjects } = useLoaderData<typeof loader>();
  const viewer = useRouteLoaderData<typeof rootLoader>("root")?.viewer ?? null;
  return (
    <>
      <main id="main">
        <section className="mx-auto max-w-6xl px-4 pb-14 pt-14 sm:pt-20">
          <h1 className="max-w-3xl text-4xl font-extrabold tracking-tight sm:text-6xl">
            Great work, <span className="text-brand-600 dark:text-brand-100">safely paid</span>.
          </h1>
          <p className="text-muted mt-6 max-w-2xl text-lg">
            MegiLance connects clients with independent professionals. Chat, share a whiteboard and meet on video in one place; money moves
            by card or USDC and waits until the work is approved.
          </p>
          <form
            role="search"
            aria-label="Projects"
            method="get"
            action="/projects"
            className="mt-8 flex max-w-2xl flex-col gap-2 sm:flex-row"
          >
            <label htmlFor="home-search" className="sr-only">
              Search projects
            </label>
            <input
              id="home-search"
              type="search"
              name="q"
              placeholder={`Search ${openProjects.toLocaleString("en-US")} open projects`}
              className={`${inputClass} flex-1 py-3`}
            />
            <button type="submit" className={buttonClass("secondary", "lg")}>
              Search
            </button>
          </form>
          <p className="text-muted mt-3 text-sm">
            Looking for people instead?{" "}
            <Link to="/freelancers" className="font-semibold text-brand-600 underline dark:text-brand-100">
              Find freelancers
            </Link>
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <HomeCallToAction portal={viewer ? portalPathFor(viewer.roles) : null} />
          </div>
        </section>
        <CategoryGrid categories={categories} />
        <FeaturedFreelancers freelancers={featuredFreelancers} />
        <RecentProjects projects={recentProjects} />
        <HowItWorks />
        <TrustAndSafety />
      </main>
      <SiteFooter roles={viewer?.roles ?? null} />
    </>
  );
}
