import { Form, Link } from "@remix-run/react";
import { useId, type MouseEvent } from "react";
import type { Role } from "../../db/schema/values";
import { PORTAL_NAV } from "./portal/nav";
import { Avatar } from "./ui/avatar";

export type MenuViewer = { name: string; roles: Role[]; photoUrl?: string | null };

/** Closes the popover once a link in it was followed (client-side navigation keeps the header mounted). */
function closeOnLink(event: MouseEvent<HTMLElement>) {
  if ((event.target as HTMLElement).closest("a")) event.currentTarget.hidePopover?.();
}

export const menuLinkClass = "block rounded-control px-3 py-2 text-sm hover:bg-black/5 dark:hover:bg-white/10";

/** The signed-in account's menu: a native popover, so it opens and closes without JavaScript. */
export function AccountMenu({ viewer }: { viewer: MenuViewer }) {
  const id = useId();
  return (
    <div>
      <button
        type="button"
        popovertarget={id}
        className="border-subtle flex items-center gap-2 rounded-full border p-1 text-sm font-medium hover:bg-black/5 sm:pr-3 dark:hover:bg-white/10"
      >
        <Avatar name={viewer.name} photoUrl={viewer.photoUrl} size="sm" />
        <span className="sr-only">Account menu for {viewer.name}</span>
        <span aria-hidden="true" className="hidden max-w-32 truncate sm:inline">
          {viewer.name}
        </span>
      </button>
      {/* Delegation: a click on a link inside closes the menu (Enter on a link fires the same click event). */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */}
      <div
        id={id}
        popover="auto"
        onClick={closeOnLink}
        className="border-subtle surface fixed inset-auto right-3 top-14 m-0 w-64 rounded-card border p-2 text-[color:var(--text)] shadow-lg"
      >
        <p className="text-muted px-3 py-2 text-xs">
          Signed in as <span className="font-semibold">{viewer.name}</span>
        </p>
        <ul>
          {viewer.roles.map((role) => (
            <li key={role}>
              <Link to={`/${role}`} className={menuLinkClass}>
                {PORTAL_NAV[role].title} portal
              </Link>
            </li>
          ))}
          <li>
            <Link to="/settings/security" className={menuLinkClass}>
              Security settings
            </Link>
          </li>
          <li>
            <Link to="/settings/account" className={menuLinkClass}>
              Account settings
            </Link>
          </li>
        </ul>
        <Form method="post" action="/sign-out" className="border-subtle mt-1 border-t pt-1">
          <button type="submit" className={`${menuLinkClass} w-full text-left`}>
            Sign out
          </button>
        </Form>
      </div>
    </div>
  );
}
