import type { Role } from "../../../db/schema/values";

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
      { to: "/client/projects", label: "My projects", end: true },
      { to: "/client/contracts", label: "Contracts" },
      { to: "/client/projects/new", label: "Post a project" },
      { to: "/freelancers", label: "Find freelancers" },
      { to: "/client/spending", label: "Spending" },
      { to: "/client/statement", label: "Statement" },
      { to: "/messages", label: "Messages" },
      { to: "/meetings", label: "Meetings" },
    ],
  },
  freelancer: {
    title: "Freelancer",
    items: [
      { to: "/freelancer", label: "Overview", end: true },
      { to: "/projects", label: "Find work" },
      { to: "/freelancer/proposals", label: "My proposals" },
      { to: "/freelancer/saved-searches", label: "Saved searches" },
      { to: "/freelancer/contracts", label: "Contracts" },
      { to: "/freelancer/profile", label: "My profile" },
      { to: "/freelancer/wallet", label: "Wallet" },
      { to: "/settings/payouts", label: "Payouts" },
      { to: "/freelancer/analytics", label: "Analytics" },
      { to: "/messages", label: "Messages" },
      { to: "/meetings", label: "Meetings" },
    ],
  },
  admin: {
    title: "Admin",
    items: [
      { to: "/admin", label: "Overview", end: true },
      { to: "/admin/fraud", label: "Fraud alerts" },
      { to: "/admin/users", label: "Users" },
      { to: "/admin/appeals", label: "Appeals" },
      { to: "/admin/projects", label: "Project moderation" },
      { to: "/admin/reviews", label: "Review moderation" },
      { to: "/admin/audit", label: "Audit log" },
      { to: "/admin/mail", label: "Mail outbox" },
      { to: "/admin/disputes", label: "Disputes" },
      { to: "/admin/support", label: "Support tickets" },
      { to: "/admin/analytics", label: "Analytics" },
    ],
  },
};

export const ACCOUNT_NAV: NavItem[] = [
  { to: "/notifications", label: "Notifications" },
  { to: "/favorites", label: "Saved" },
  { to: "/invoices", label: "Invoices" },
  { to: "/settings/billing", label: "Billing details" },
  { to: "/settings/notifications", label: "Notification settings" },
  { to: "/settings/security", label: "Security" },
  { to: "/settings/account", label: "Account" },
  { to: "/support", label: "Help and support" },
];
