import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Outlet, useLoaderData } from "@remix-run/react";
import { MarketplaceFrame } from "~/components/marketplace/frame";
import { RouteError } from "~/components/route-error";
import { summarizeViewer } from "~/utils/auth.server";
import { getViewer } from "~/utils/session.server";

export const handle = { portal: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  return { viewer: viewer ? summarizeViewer(viewer) : null };
}

export default function ProjectsLayout() {
  const { viewer } = useLoaderData<typeof loader>();
  return (
    <MarketplaceFrame title="Projects" viewer={viewer}>
      <Outlet />
    </MarketplaceFrame>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
