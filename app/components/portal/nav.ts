import type { Role } from "../../../db/schema";

export interface NavItem {
  to: string;
  label: string;
  /** Active only on this exact path (portal home pages). */
  end?: boolean;
}

/** Each portal's side navigation; the teams that build a portal's pages add their entries here. */
export const PORTAL_NAV: Record<Role, { title: string; items: NavItem[] }> = {
  client: {
    title: "Client",
    items: [
      { to: "/client", label: "Overview", end: true },
      { to: "/client/projects/new", label: "Post a project" },
      { to: "/freelancers", label: "Find freelancers" },
      { to: "/messages", label: "Messages" },
    ],
  },
  freelancer: {
    title: "Freelancer",
    items: [
      { to: "/freelancer", label: "Overview", end: true },
      { to: "/projects", label: "Find work" },
      { to: "/freelancer/profile", label: "My profile" },
      { to: "/messages", label: "Messages" },
    ],
  },
  admin: {
    title: "Admin",
    items: [
      { to: "/admin", label: "Overview", end: true },
      { to: "/admin/mail", label: "Mail outbox" },
    ],
  },
};

export const ACCOUNT_NAV: NavItem[] = [
  { to: "/notifications", label: "Notifications" },
  { to: "/favorites", label: "Saved" },
  { to: "/settings/notifications", label: "Notification settings" },
  { to: "/settings/security", label: "Security" },
  { to: "/settings/account", label: "Account" },
];
