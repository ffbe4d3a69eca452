/** The trust area's enumerations, free of drizzle, so pages can import them without the schema. */
export const RISK_LEVELS = ["low", "medium", "high", "critical"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const FRAUD_ALERT_KINDS = ["user_risk", "project_risk", "payment_risk"] as const;
export type FraudAlertKind = (typeof FRAUD_ALERT_KINDS)[number];

export const FRAUD_ALERT_STATUSES = ["open", "investigating", "resolved", "false_positive"] as const;
export type FraudAlertStatus = (typeof FRAUD_ALERT_STATUSES)[number];
/** Statuses that still need an admin: at most one such alert per subject and kind. */
export const OPEN_ALERT_STATUSES = ["open", "investigating"] as const satisfies readonly FraudAlertStatus[];

export const APPEAL_STATUSES = ["pending", "accepted", "rejected"] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** One reason a score went up, with what the admin needs to check it. */
export interface RiskSignal {
  code: string;
  label: string;
  points: number;
  evidence?: Record<string, unknown>;
}
