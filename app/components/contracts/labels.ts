/** Product words for a contract's status. */
export const CONTRACT_STATUS_LABELS: Record<string, string> = {
  offered: "Offer",
  active: "Active",
  declined: "Offer declined",
  ended: "Ended",
};
