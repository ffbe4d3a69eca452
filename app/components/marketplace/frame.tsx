import { useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { loader as rootLoader } from "../../root";
import { PortalShell, type ShellViewer } from "../portal/portal-shell";
import { SiteHeader } from "../site-header";

/**
 * Public marketplace pages: signed-in viewers get the portal shell (bell, navigation), visitors the
 * site header. The routes set `handle.portal` so the root does not draw a second header.
 */
export function MarketplaceFrame({ title, viewer, children }: { title: string; viewer: ShellViewer | null; children: ReactNode }) {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  if (viewer) {
    return (
      <PortalShell title={title} viewer={viewer}>
        {children}
      </PortalShell>
    );
  }
  return (
    <>
      <SiteHeader theme={root?.theme ?? null} viewer={null} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-8">
        {children}
      </main>
    </>
  );
}
