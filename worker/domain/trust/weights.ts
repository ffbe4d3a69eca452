/**
 * Every number the risk scores are made of, in one place. Points add up per subject and cap at 100;
 * the level follows from the total. Changing a weight changes the hand-computed cases in signals.test.ts.
 */
export const RISK_LEVEL_FLOORS = { medium: 30, high: 60, critical: 80 } as const;

/** The sweep raises an alert at or above this score (level "high"). */
export const ALERT_THRESHOLD = 60;
/** At or above this score (level "critical") the sweep also holds the account's payouts. */
export const PAYOUT_HOLD_THRESHOLD = 80;

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export const USER_WEIGHTS = {
  accountAgeUnderOneDay: 10,
  accountAgeUnderOneWeek: 5,
  emailUnverified: 10,
  disposableEmail: 25,
  /** Other accounts seen on one of this account's IP addresses within the lookback. */
  sharedIp: { someOthers: 2, someOthersPoints: 15, manyOthers: 5, manyOthersPoints: 25 },
  /** Other accounts on the same device (same browser on the same network). */
  sharedDevice: { someOthers: 2, someOthersPoints: 10, manyOthers: 5, manyOthersPoints: 20 },
  failedPaymentPoints: 5,
  failedPaymentCap: 20,
  /** Most proposals sent within any one hour. */
  proposalVelocity: { some: 10, somePoints: 15, many: 25, manyPoints: 25 },
  /** Most distinct conversations written to within any one hour. */
  messageVelocity: { some: 15, somePoints: 15, many: 40, manyPoints: 25 },
  offPlatformFirstMessage: 20,
  offPlatformEachFurther: 10,
  offPlatformCap: 40,
} as const;

export const PROJECT_WEIGHTS = {
  suspiciousPhrasePerCategory: 25,
  suspiciousPhraseCap: 50,
  /** Budget compared with the median of comparable open projects (same category, type, currency). */
  budgetOutlier: { minComparables: 5, farRatio: 10, farPoints: 20, someRatio: 5, somePoints: 10 },
  newUnverifiedClient: 20,
  newClientDays: 7,
} as const;

export const PAYMENT_WEIGHTS = {
  countryMismatch: 25,
  manyCountries: { countries: 3, points: 20 },
  rapidRefund: { withinMs: 48 * HOUR_MS, points: 30 },
  repeatRefunds: { count: 2, points: 20 },
  failedBefore: { count: 2, points: 15 },
  newPayer: 10,
  newPayerDays: 7,
} as const;

export const PROPOSAL_WEIGHTS = {
  offPlatform: 30,
  /** A bid below this share of the project's minimum budget is bait. */
  bidBelowShare: 0.25,
  bidFarBelowBudget: 15,
  senderHighRisk: 30,
  senderMediumRisk: 15,
} as const;

/** How far back facts about an account reach (IP sharing, failed payments). */
export const LOOKBACK_MS = 30 * DAY_MS;
/** The window the 15-minute cron scores: twice the period, so a late run misses nothing. */
export const CRON_WINDOW_MS = 30 * 60 * 1000;
