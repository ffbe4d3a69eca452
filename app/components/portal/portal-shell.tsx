import { Link, useRouteLoaderData } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import type { Role } from "../../../db/schema/values";
import type { loader as rootLoader } from "../../root";
import { AccountMenu } from "../account-menu";
import { LiveBell } from "../notifications/live-bell";
import { PresenceBeacon } from "../presence/presence-beacon";
import { IncomingCallBanner } from "../calls/incoming-call-banner";
import { ThemeToggle } from "../theme-toggle";
import { inputClass } from "../ui/field";
import { PortalNav } from "./portal-nav";
import { VerifyEmailBanner } from "./verify-email-banner";

export type ShellViewer = { name: string; email: string; roles: Role[]; emailVerified: boolean };

function SearchBox({ id }: { id: string }) {
  return (
    <form role="search" aria-label="Site" method="get" action="/projects" className="w-full">
      <label htmlFor={id} className="sr-only">
        Search
      </label>
      <input id={id} type="search" name="q" placeholder="Search projects" className={`${inputClass} py-1.5 text-sm`} />
    </form>
  );
}

/** The frame of the three portals: top bar, side navigation (a menu on phones) and the page. */
export function PortalShell({ title, viewer, children }: { title: string; viewer: ShellViewer; children: ReactNode }) {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const menuId = useId();
  const searchId = useId();
  const mobileSearchId = useId();
  return (
    <div className="min-h-screen">
      <header className="border-subtle surface sticky top-0 z-30 border-b">
        <div className="flex items-center gap-3 px-4 py-2.5">
          <button
            type="button"
            popovertarget={menuId}
            className="border-subtle rounded-control border px-3 py-1.5 text-sm font-medium md:hidden"
          >
            Menu
          </button>
          <Link to="/" className="text-lg font-bold tracking-tight">
            Megi<span className="text-brand-600 dark:text-brand-100">Lance</span>
            <span className="sr-only"> home</span>
          </Link>
          <span className="text-muted hidden text-sm font-medium lg:inline">{title}</span>
          <div className="mx-4 hidden max-w-md flex-1 sm:block">
            <SearchBox id={searchId} />
          </div>
          <div className="ml-auto flex items-center gap-2">
            <ThemeToggle theme={root?.theme ?? null} />
            <LiveBell userId={root?.viewer?.id ?? null} unread={root?.viewer?.unreadNotifications ?? 0} />
            <PresenceBeacon />
            <AccountMenu viewer={viewer} />
          </div>
        </div>
      </header>
      {viewer.emailVerified ? null : <VerifyEmailBanner email={viewer.email} />}
      <IncomingCallBanner userId={root?.viewer?.id ?? null} />
      {/* Delegation: a click on a link inside closes the menu (Enter on a link fires the same click event). */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */}
      <div
        id={menuId}
        popover="auto"
        className="border-subtle surface fixed inset-y-0 left-0 right-auto m-0 h-full w-72 max-w-[85vw] overflow-y-auto border-r p-3 text-[color:var(--text)] shadow-xl"
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("a")) event.currentTarget.hidePopover?.();
        }}
      >
        <SearchBox id={mobileSearchId} />
        <PortalNav roles={viewer.roles} label="Portal" />
      </div>
      <div className="flex min-h-[calc(100vh-3.6rem)]">
        <aside className="border-subtle hidden w-60 shrink-0 border-r px-3 pb-6 md:block">
          <PortalNav roles={viewer.roles} label="Portal" />
        </aside>
        <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
