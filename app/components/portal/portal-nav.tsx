import { NavLink } from "@remix-run/react";
import type { Role } from "../../../db/schema/values";
import { cx } from "../ui/cx";
import { ACCOUNT_NAV, PORTAL_NAV, type NavItem } from "./nav";

function NavSection({ title, items }: { title: string; items: NavItem[] }) {
  return (
    <div>
      <p className="text-muted px-3 pb-1 pt-4 text-xs font-semibold uppercase tracking-wider">{title}</p>
      <ul className="space-y-0.5">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              className={({ isActive }) =>
                cx(
                  "block rounded-control px-3 py-2 text-sm font-medium",
                  isActive ? "bg-brand-50 text-brand-700 dark:bg-white/10 dark:text-white" : "hover:bg-black/5 dark:hover:bg-white/10",
                )
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One section per role the viewer holds, then the account pages. */
export function PortalNav({ roles, label }: { roles: Role[]; label: string }) {
  return (
    <nav aria-label={label}>
      {roles.map((role) => (
        <NavSection key={role} title={PORTAL_NAV[role].title} items={PORTAL_NAV[role].items} />
      ))}
      <NavSection title="Account" items={ACCOUNT_NAV} />
    </nav>
  );
}
