import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listFavorites, unsaveFreelancer, unsaveProject } from "../../worker/domain/favorites/favorites";
import { orErrorPage } from "~/components/marketplace/errors.server";
import { CursorPager } from "~/components/marketplace/pager";
import { ProjectCard } from "~/components/marketplace/project-card";
import { PortalShell } from "~/components/portal/portal-shell";
import { RouteError } from "~/components/route-error";
import { Button, buttonClass } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { requireUser, summarizeViewer } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";

export const handle = { portal: true };

export const meta: MetaFunction = () => [{ title: "Saved — MegiLance" }];

const unsaveSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("unsave-project"), id: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("unsave-freelancer"), id: z.string().min(1).max(64) }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const url = new URL(request.url);
  const tab = url.searchParams.get("type") === "freelancers" ? "freelancers" : "projects";
  const cursor = url.searchParams.get("cursor")?.slice(0, 500) || undefined;
  const ctx = domainFrom(context);
  const page =
    tab === "projects"
      ? { tab, projects: await orErrorPage(listFavorites(ctx, viewer.user, { type: "projects", cursor })), freelancers: null }
      : { tab, projects: null, freelancers: await orErrorPage(listFavorites(ctx, viewer.user, { type: "freelancers", cursor })) };
  return { viewer: summarizeViewer(viewer), ...page };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const submission = parseWithZod(await request.formData(), { schema: unsaveSchema });
  if (submission.status !== "success") return data({ ok: false }, { status: 400 });
  const ctx = domainFrom(context);
  switch (submission.value.intent) {
    case "unsave-project":
      await unsaveProject(ctx, viewer.user, submission.value.id);
      return { ok: true };
    case "unsave-freelancer":
      await unsaveFreelancer(ctx, viewer.user, submission.value.id);
      return { ok: true };
    default:
      return submission.value satisfies never;
  }
}

export default function Favorites() {
  const { viewer, tab, projects, freelancers } = useLoaderData<typeof loader>();
  return (
    <PortalShell title="Saved" viewer={viewer}>
      <div className="max-w-4xl space-y-6">
        <h1 className="text-2xl font-bold tracking-tight">Saved</h1>
        <nav aria-label="Saved kinds" className="flex gap-2">
          <Link
            to="/favorites"
            aria-current={tab === "projects" ? "page" : undefined}
            className={buttonClass(tab === "projects" ? "primary" : "secondary", "sm")}
          >
            Projects
          </Link>
          <Link
            to="/favorites?type=freelancers"
            aria-current={tab === "freelancers" ? "page" : undefined}
            className={buttonClass(tab === "freelancers" ? "primary" : "secondary", "sm")}
          >
            Freelancers
          </Link>
        </nav>
        {projects ? (
          projects.items.length === 0 ? (
            <EmptyState title="No saved projects">Use "Save project" on a project page to keep it here.</EmptyState>
          ) : (
            <ul className="space-y-3" aria-label="Saved projects">
              {projects.items.map(({ project }) => (
                <li key={project.id} className="space-y-2">
                  <ProjectCard project={project} />
                  <Form method="post">
                    <input type="hidden" name="id" value={project.id} />
                    <Button
                      name="intent"
                      value="unsave-project"
                      variant="secondary"
                      size="sm"
                      aria-label={`Remove ${project.title} from saved`}
                    >
                      Remove from saved
                    </Button>
                  </Form>
                </li>
              ))}
            </ul>
          )
        ) : null}
        {freelancers ? (
          freelancers.items.length === 0 ? (
            <EmptyState title="No saved freelancers">Save freelancers from their profile pages.</EmptyState>
          ) : (
            <ul className="divide-y divide-[var(--border)]" aria-label="Saved freelancers">
              {freelancers.items.map(({ freelancer }) => (
                <li key={freelancer.userId} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div>
                    <Link to={`/f/${freelancer.handle}`} className="font-semibold hover:underline">
                      {freelancer.name}
                    </Link>
                    <p className="text-muted text-sm">{freelancer.headline}</p>
                  </div>
                  <Form method="post">
                    <input type="hidden" name="id" value={freelancer.userId} />
                    <Button
                      name="intent"
                      value="unsave-freelancer"
                      variant="secondary"
                      size="sm"
                      aria-label={`Remove ${freelancer.name} from saved`}
                    >
                      Remove from saved
                    </Button>
                  </Form>
                </li>
              ))}
            </ul>
          )
        ) : null}
        <CursorPager nextCursor={(projects ?? freelancers)?.nextCursor ?? null} label="Saved pages" />
      </div>
    </PortalShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
