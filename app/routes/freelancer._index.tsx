import { useRouteLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import type { loader as portalLoader } from "./freelancer";

export default function FreelancerHome() {
  const data = useRouteLoaderData<typeof portalLoader>("routes/freelancer");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Freelancer portal</h1>
        <p className="text-muted mt-1">Welcome back, {data?.viewer.name}.</p>
      </div>
      <Card title="Your work">
        <EmptyState title="Nothing here yet">Your proposals, contracts and earnings will appear here.</EmptyState>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
