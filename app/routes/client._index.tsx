import { useRouteLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import type { loader as portalLoader } from "./client";

export default function ClientHome() {
  const data = useRouteLoaderData<typeof portalLoader>("routes/client");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Client portal</h1>
        <p className="text-muted mt-1">Welcome back, {data?.viewer.name}.</p>
      </div>
      <Card title="Your projects">
        <EmptyState title="No projects yet">Projects you post will appear here, with their proposals and contracts.</EmptyState>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
