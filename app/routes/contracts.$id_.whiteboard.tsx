import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { contractForParty } from "../../worker/domain/contract-core/access";
import { PortalShell } from "~/components/portal/portal-shell";
import { RouteError } from "~/components/route-error";
import { Whiteboard } from "~/components/whiteboard/board";
import { requireUser, summarizeViewer } from "~/utils/auth.server";
import { domainFrom, throwIfNotFound } from "~/utils/domain.server";

export const handle = { portal: true };

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `Whiteboard · ${loaded?.projectTitle ?? "Contract"} — MegiLance` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const id = params.id ?? "";
  const access = await contractForParty(domainFrom(context), id, viewer.user.id).catch((error) => {
    throwIfNotFound(error);
    throw error;
  });
  return {
    viewer: summarizeViewer(viewer),
    me: { id: viewer.user.id, name: viewer.user.name },
    contractId: access.contract.id,
    projectTitle: access.projectTitle,
  };
}

export default function ContractWhiteboard() {
  const { viewer, me, contractId, projectTitle } = useLoaderData<typeof loader>();
  const slug =
    projectTitle
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "contract";
  return (
    <PortalShell title="Whiteboard" viewer={viewer}>
      <div className="max-w-6xl space-y-4">
        <div>
          <Link to={`/contracts/${contractId}`} className="text-sm font-medium text-brand-600 underline dark:text-brand-100">
            Back to the contract
          </Link>
          <h1 className="mt-1 text-2xl font-bold tracking-tight">Whiteboard: {projectTitle}</h1>
          <p className="text-muted text-sm">Both sides of the contract draw here together; the board is saved as you go.</p>
        </div>
        <Whiteboard contractId={contractId} me={me} fileName={`whiteboard-${slug}.png`} />
        <noscript>
          <p>The whiteboard needs JavaScript.</p>
        </noscript>
      </div>
    </PortalShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
