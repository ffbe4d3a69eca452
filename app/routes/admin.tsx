import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Outlet, useLoaderData } from "@remix-run/react";
import { PortalShell } from "~/components/portal/portal-shell";
import { requireRole, summarizeViewer } from "~/utils/auth.server";

export const handle = { portal: true };

export const meta: MetaFunction = () => [{ title: "Admin console — MegiLance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  return { viewer: summarizeViewer(viewer) };
}

export default function AdminPortal() {
  const { viewer } = useLoaderData<typeof loader>();
  return (
    <PortalShell title="Admin console" viewer={viewer}>
      <Outlet />
    </PortalShell>
  );
}
