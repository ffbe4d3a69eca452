import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { contractTabCounts, listContracts } from "../../worker/domain/contracts/list";
import type { PartyRole } from "../../worker/domain/contract-core/access";
import { requireRole } from "./auth.server";
import { domainFrom } from "./domain.server";

export const CONTRACT_TABS = ["offered", "active", "ended"] as const;
export type ContractTab = (typeof CONTRACT_TABS)[number];

/** The loader of /client/contracts and /freelancer/contracts: one side's contracts in one tab, searched and paged. */
export async function loadContractsPage({ request, context }: Pick<LoaderFunctionArgs, "request" | "context">, role: PartyRole) {
  const viewer = await requireRole(request, context, role);
  const params = new URL(request.url).searchParams;
  const asked = (CONTRACT_TABS as readonly string[]).includes(params.get("tab") ?? "") ? (params.get("tab") as ContractTab) : null;
  const q = params.get("q")?.trim().slice(0, 200) || "";
  const cursor = params.get("cursor")?.slice(0, 64) || undefined;
  const ctx = domainFrom(context);
  const counts = await contractTabCounts(ctx, viewer.user.id, role);
  // Without a tab, open the one where something is: active work first, then offers, then the past.
  const tab = asked ?? (counts.active > 0 ? "active" : counts.offered > 0 ? "offered" : counts.ended > 0 ? "ended" : "active");
  const page = await listContracts(ctx, viewer.user.id, { role, status: tab, q: q || undefined, cursor, limit: 20 });
  return { role, tab, q, counts, ...page };
}
