/** The contracts pages belong to another team; link to them once they exist, else to the client portal. */
const CONTRACT_PAGES = import.meta.glob(["../../routes/contracts.$id*.tsx", "../../routes/contracts.$id*/route.tsx"]);

export function contractHref(contractId: string): string {
  return Object.keys(CONTRACT_PAGES).length > 0 ? `/contracts/${contractId}` : "/client";
}
