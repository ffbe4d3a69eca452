import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Outlet, useLoaderData } from "@remix-run/react";
import { PortalShell } from "~/components/portal/portal-shell";
import { requireRole, summarizeViewer } from "~/utils/auth.server";

export const handle = { portal: true };

export const meta: MetaFunction = () => [{ title: "Freelancer portal — MegiLance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  return { viewer: summarizeViewer(viewer) };
}

export default function FreelancerPortal() {
  const { viewer } = useLoaderData<typeof loader>();
  return (
    <PortalShell title="Freelancer portal" viewer={viewer}>
      <Outlet />
    </PortalShell>
  );
}
