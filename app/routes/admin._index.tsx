import { Link, useRouteLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { Card } from "~/components/ui/card";
import { buttonClass } from "~/components/ui/button";
import type { loader as portalLoader } from "./admin";

export default function AdminHome() {
  const data = useRouteLoaderData<typeof portalLoader>("routes/admin");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Admin console</h1>
        <p className="text-muted mt-1">Signed in as {data?.viewer.name}.</p>
      </div>
      <Card title="Mail outbox" description="Every email the marketplace sent, as the local mail provider delivered it.">
        <Link to="/admin/mail" className={buttonClass("secondary")}>
          Open the outbox
        </Link>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
