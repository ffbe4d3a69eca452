import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Outlet, useLoaderData } from "@remix-run/react";
import { PortalShell } from "~/components/portal/portal-shell";
import { requireUser, summarizeViewer } from "~/utils/auth.server";

export const handle = { portal: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  return { viewer: summarizeViewer(viewer) };
}

export default function Settings() {
  const { viewer } = useLoaderData<typeof loader>();
  return (
    <PortalShell title="Settings" viewer={viewer}>
      <Outlet />
    </PortalShell>
  );
}
