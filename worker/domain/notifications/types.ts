/** The notification types this area sends; other areas add theirs here and call notify(). */
export const NOTIFICATION_TYPES = {
  proposal_received: { label: "New proposal on your project", audience: "client" },
  proposal_accepted: { label: "Your proposal was accepted", audience: "freelancer" },
  proposal_declined: { label: "Your proposal was declined", audience: "freelancer" },
  project_closed: { label: "A project you applied to was closed", audience: "freelancer" },
  project_invited: { label: "A client invited you to a project", audience: "freelancer" },
  contract_accepted: { label: "A freelancer accepted your offer", audience: "client" },
  offer_received: { label: "A client sent you an offer", audience: "freelancer" },
  offer_declined: { label: "A freelancer declined your offer", audience: "client" },
  milestone_funded: { label: "A milestone was funded", audience: "freelancer" },
  milestone_submitted: { label: "Work was submitted for a milestone", audience: "client" },
  milestone_approved: { label: "A milestone was approved and paid", audience: "freelancer" },
  milestone_changes_requested: { label: "The client asked for changes", audience: "freelancer" },
  timesheet_submitted: { label: "A week of hours was submitted for approval", audience: "client" },
  timesheet_approved: { label: "A week of hours was approved and paid", audience: "freelancer" },
  timesheet_disputed: { label: "The client disputed a week of hours", audience: "freelancer" },
  contract_ended: { label: "The other side ended a contract", audience: "any" },
  payment_failed: { label: "A card payment failed", audience: "client" },
  payment_hold_expiring: { label: "Card funds near the 90-day holding limit", audience: "any" },
  dispute_opened: { label: "A dispute was opened on your contract", audience: "any" },
  dispute_answered: { label: "The other side answered a dispute", audience: "any" },
  dispute_resolved: { label: "A dispute was decided", audience: "any" },
  review_received: { label: "You received a review", audience: "any" },
  review_moderated: { label: "A review by or about you was hidden or shown again by a moderator", audience: "any" },
  project_moderated: { label: "A moderator hid or showed again one of your projects", audience: "client" },
  call_incoming: { label: "Someone is calling you", audience: "any" },
  meeting_proposed: { label: "Someone proposed a meeting or another time", audience: "any" },
  meeting_answered: { label: "A meeting was accepted (with its calendar invitation) or declined", audience: "any" },
  meeting_reminder: { label: "A meeting starts in 15 minutes", audience: "any" },
  saved_search_match: { label: "A new project matches one of your saved searches (instant alerts)", audience: "freelancer" },
  support_reply: { label: "Replies on your support tickets", audience: "any" },
  support_ticket_opened: { label: "New support tickets (support staff)", audience: "admin" },
} as const;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;
export const NOTIFICATION_TYPE_NAMES = Object.keys(NOTIFICATION_TYPES) as NotificationType[];

export function isKnownNotificationType(type: string): type is NotificationType {
  return Object.hasOwn(NOTIFICATION_TYPES, type);
}

export interface NotificationPayload {
  title: string;
  body: string;
  /** A path inside the app (e.g. "/projects/01J..."); emails make it absolute. */
  link?: string;
}

export interface ChannelPreference {
  email: boolean;
  inApp: boolean;
}
