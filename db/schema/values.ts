/**
 * The schema's enumerations and their types, free of drizzle: browser code imports them from here (never from the
 * `db/schema` barrel, whose table definitions would ship to the browser; tests/config/client-bundle.test.ts checks).
 * The table files import them from here too, so each list is written once.
 */
export * from "./trust-values";

// auth
export const ONE_TIME_PURPOSES = ["verify_email", "reset_password", "email_code"] as const;
export type OneTimePurpose = (typeof ONE_TIME_PURPOSES)[number];

// calls
export const CALL_STATUSES = ["ringing", "active", "declined", "missed", "ended"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
/** recording: the browser is uploading chunks; ready: finished (or its tab closed); deleted: past the 30 days. */
export const RECORDING_STATUSES = ["recording", "ready", "deleted"] as const;
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];
export const RECORDING_KINDS = ["audio", "video"] as const;
export type RecordingKind = (typeof RECORDING_KINDS)[number];

// contract-terms
export const CONTRACT_TYPES = ["fixed", "hourly"] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const CONTRACT_STATUSES = ["offered", "active", "declined", "ended"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

// disputes-reviews
/** open: waiting for the other side; answered: waiting for an admin; resolved: money moved, closed. */
export const DISPUTE_STATUSES = ["open", "answered", "resolved"] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const DISPUTE_OUTCOMES = ["release", "refund", "split"] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];
export const DISPUTE_PARTY_ROLES = ["client", "freelancer"] as const;

// hourly-invoices
export const TIME_ENTRY_SOURCES = ["manual", "timer"] as const;
export type TimeEntrySource = (typeof TIME_ENTRY_SOURCES)[number];
export const TIMESHEET_STATUSES = ["submitted", "approved", "disputed"] as const;
export type TimesheetStatus = (typeof TIMESHEET_STATUSES)[number];
/** `credit_note`: money given back to the client (a refund), numbered in the same series as invoices. */
export const INVOICE_KINDS = ["charge", "payout", "fee", "credit_note"] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

// meetings
/** proposed: waiting for the side that did not propose (the first time or a new one); accepted; declined. */
export const MEETING_STATUSES = ["proposed", "accepted", "declined"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

// saved searches
/** How a saved project search alerts its owner: a live notification per new project, a daily e-mail, or not at all. */
export const SAVED_SEARCH_FREQUENCIES = ["instant", "daily", "none"] as const;
export type SavedSearchFrequency = (typeof SAVED_SEARCH_FREQUENCIES)[number];
export const MEETING_DURATIONS_MIN = [15, 30, 45, 60, 90, 120] as const;

// marketplace-files
export const FILE_PURPOSES = ["image", "attachment"] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];
/**
 * Who may read a file besides its owner, set when the file is first attached: anyone (portfolio images), or the
 * members of one conversation, contract, proposal, project or support ticket. A file attached nowhere yet is its
 * owner's alone. See worker/domain/files/access.ts.
 */
export const FILE_SCOPES = ["public", "conversation", "contract", "proposal", "project", "ticket"] as const;
export type FileScope = (typeof FILE_SCOPES)[number];

// marketplace-profiles
export const COMPANY_SIZES = ["1", "2-10", "11-50", "51-200", "201-1000", "1000+"] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

// marketplace-projects
export const BUDGET_TYPES = ["fixed", "hourly"] as const;
export const EXPERIENCE_LEVELS = ["entry", "intermediate", "expert"] as const;
export const PROJECT_DURATIONS = ["less_than_week", "1_to_4_weeks", "1_to_3_months", "3_to_6_months", "more_than_6_months"] as const;
export const PROJECT_VISIBILITIES = ["public", "invite_only"] as const;
/**
 * open: takes proposals; in_progress: someone is hired and it takes no more proposals until the client reopens it;
 * completed: every contract on it ended; closed: the client stopped it without (or before) hiring.
 */
export const PROJECT_STATUSES = ["open", "in_progress", "completed", "closed"] as const;
export type BudgetType = (typeof BUDGET_TYPES)[number];
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];
export type ProjectDuration = (typeof PROJECT_DURATIONS)[number];
export type ProjectVisibility = (typeof PROJECT_VISIBILITIES)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROPOSAL_STATUSES = ["pending", "shortlisted", "accepted", "declined", "withdrawn"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
/** Statuses in which the client has not decided yet: the freelancer may still edit or withdraw. */
export const OPEN_PROPOSAL_STATUSES = ["pending", "shortlisted"] as const satisfies readonly ProposalStatus[];

// marketplace-social
export const FAVORITE_TYPES = ["project", "freelancer"] as const;
export type FavoriteType = (typeof FAVORITE_TYPES)[number];

// marketplace-taxonomy
export const SKILL_TERM_KINDS = ["slug", "name", "alias", "word"] as const;

// money
/**
 * `approved`: the client (or the review period) accepted the work and everything held went to the freelancer.
 * `released` / `split`: a dispute decision paid everything / part to the freelancer (the client never approved);
 * `refunded`: everything went back to the client. Wording for each: worker/domain/ledger/outcome.ts.
 */
export const MILESTONE_STATUSES = [
  "pending",
  "funded",
  "submitted",
  "changes_requested",
  "approved",
  "released",
  "split",
  "refunded",
  "cancelled",
] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const LEDGER_KINDS = ["funding", "release", "refund", "payout"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const PAYMENT_PROVIDERS = ["sandbox", "stripe", "usdc"] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];
export const PAYMENT_STATUSES = ["pending", "succeeded", "failed", "cancelled"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYOUT_STATUSES = ["pending", "paid", "failed"] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

// proposal-events
export const PROPOSAL_EVENT_TYPES = ["sent", "edited", "shortlisted", "declined", "withdrawn", "hired"] as const;
export type ProposalEventType = (typeof PROPOSAL_EVENT_TYPES)[number];

// stripe
export const STRIPE_MOVE_STATUSES = ["pending", "sent", "skipped"] as const;
export type StripeMoveStatus = (typeof STRIPE_MOVE_STATUSES)[number];
export const STRIPE_RETURN_KINDS = ["charge_refund", "transfer_reversal"] as const;
export type StripeReturnKind = (typeof STRIPE_RETURN_KINDS)[number];

// support
export const SUPPORT_CATEGORIES = ["account", "payments", "contract", "dispute", "bug", "other"] as const;
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];
/** open: waiting for support; answered: waiting for the user; closed: done (a new user reply reopens it). */
export const SUPPORT_STATUSES = ["open", "answered", "closed"] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

// users
export const ROLES = ["client", "freelancer", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Tax: the buyer's status, the kind of tax, and how it applied to a document. */
export const TAX_STATUSES = ["personal", "business"] as const;
export type TaxStatus = (typeof TAX_STATUSES)[number];
export const TAX_KINDS = ["vat", "gst", "hst", "none"] as const;
export type TaxKind = (typeof TAX_KINDS)[number];
export const TAX_TREATMENTS = ["none", "charged", "reverse_charge"] as const;
export type TaxTreatmentKind = (typeof TAX_TREATMENTS)[number];
