/** Product words for the enum values the marketplace shows. */
export const BUDGET_TYPE_LABELS = { fixed: "Fixed price", hourly: "Hourly" } as const;
export const EXPERIENCE_LABELS = { entry: "Entry level", intermediate: "Intermediate", expert: "Expert" } as const;
export const VISIBILITY_LABELS = { public: "Public (anyone can find it)", invite_only: "Invite only" } as const;
export const PROPOSAL_STATUS_LABELS = {
  pending: "Pending",
  shortlisted: "Shortlisted",
  accepted: "Hired",
  declined: "Declined",
  withdrawn: "Withdrawn",
} as const;
export const POSTED_WITHIN_OPTIONS = [
  { value: "", label: "Any time" },
  { value: "1", label: "Last 24 hours" },
  { value: "3", label: "Last 3 days" },
  { value: "7", label: "Last 7 days" },
  { value: "30", label: "Last 30 days" },
];
