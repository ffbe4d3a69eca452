import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { ContractsList } from "~/components/contracts/contracts-list";
import { RouteError } from "~/components/route-error";
import { loadContractsPage } from "~/utils/contracts-list.server";

export const meta: MetaFunction = () => [{ title: "Contracts — MegiLance" }];

export async function loader(args: LoaderFunctionArgs) {
  return loadContractsPage(args, "client");
}

export default function ClientContracts() {
  const page = useLoaderData<typeof loader>();
  return <ContractsList {...page} role="client" />;
}

export function ErrorBoundary() {
  return <RouteError />;
}
