import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Outlet, useLoaderData } from "@remix-run/react";
import { PortalShell } from "~/components/portal/portal-shell";
import { RouteError } from "~/components/route-error";
import { requireUser, summarizeViewer } from "~/utils/auth.server";

export const handle = { portal: true };

export const meta: MetaFunction = () => [{ title: "Help and support — MegiLance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  return { viewer: summarizeViewer(viewer) };
}

export default function SupportLayout() {
  const { viewer } = useLoaderData<typeof loader>();
  return (
    <PortalShell title="Help and support" viewer={viewer}>
      <Outlet />
    </PortalShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
