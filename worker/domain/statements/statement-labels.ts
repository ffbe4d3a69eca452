/** The kinds of statement lines and their names (no server code: pages import this too). */
export const STATEMENT_KINDS = ["charge", "refund", "fee", "payout"] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const STATEMENT_KIND_LABELS: Record<StatementKind, string> = {
  charge: "Charge",
  refund: "Refund",
  fee: "Platform fee",
  payout: "Payout",
};
