import { Link } from "@remix-run/react";
import type { Role } from "../../db/schema/values";

const COLUMNS: Array<{ title: string; links: Array<{ to: string; label: string; reloadDocument?: true; forRole?: Role }> }> = [
  {
    title: "For clients",
    links: [
      { to: "/client/projects/new", label: "Post a project", forRole: "client" },
      { to: "/freelancers", label: "Find freelancers" },
    ],
  },
  {
    title: "For freelancers",
    links: [
      { to: "/projects", label: "Find work" },
      { to: "/help/job-success", label: "Job success explained" },
    ],
  },
  {
    title: "MegiLance",
    links: [
      { to: "/support", label: "Help and support" },
      { to: "/api/docs", label: "API reference", reloadDocument: true },
    ],
  },
];

/** The public site's footer: where to go next, whoever you are (a role's own pages only for that role, or anyone signed out). */
export function SiteFooter({ roles }: { roles: readonly Role[] | null }) {
  return (
    <footer className="border-subtle border-t">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-3">
        {COLUMNS.map((column) => (
          <nav key={column.title} aria-label={column.title}>
            <p className="text-sm font-semibold">{column.title}</p>
            <ul className="mt-3 space-y-2 text-sm">
              {column.links
                .filter((link) => !link.forRole || !roles || roles.includes(link.forRole))
                .map((link) => (
                  <li key={link.to}>
                    <Link to={link.to} reloadDocument={link.reloadDocument} className="text-muted hover:underline">
                      {link.label}
                    </Link>
                  </li>
                ))}
            </ul>
          </nav>
        ))}
      </div>
      <p className="text-muted mx-auto max-w-6xl px-4 pb-8 text-xs">
        MegiLance: a freelancing marketplace where money waits in escrow until the work is approved.
      </p>
    </footer>
  );
}
