/**
 * Pure scoring: facts in, signals and a 0-100 score out. No database, no clock: the callers gather the
 * facts (facts.ts) and pass "now", so every rule here is checked by hand-computed cases.
 */
import type { RiskLevel, RiskSignal } from "../../../db/schema";
import disposableDomains from "./disposable-domains.json";
import { matchPhrases, OFF_PLATFORM_PHRASES, SUSPICIOUS_PROJECT_PHRASES } from "./phrases";
import { DAY_MS, HOUR_MS, PAYMENT_WEIGHTS, PROJECT_WEIGHTS, PROPOSAL_WEIGHTS, RISK_LEVEL_FLOORS, USER_WEIGHTS } from "./weights";

export interface RiskScore {
  score: number;
  level: RiskLevel;
  signals: RiskSignal[];
}

const DISPOSABLE = new Set<string>(disposableDomains);

export function levelFor(score: number): RiskLevel {
  if (score >= RISK_LEVEL_FLOORS.critical) return "critical";
  if (score >= RISK_LEVEL_FLOORS.high) return "high";
  if (score >= RISK_LEVEL_FLOORS.medium) return "medium";
  return "low";
}

/** Sums the points (capped at 100), most important signal first. */
export function scoreOf(signals: RiskSignal[]): RiskScore {
  const kept = signals.filter((s) => s.points > 0).sort((a, b) => b.points - a.points || a.code.localeCompare(b.code));
  const score = Math.min(
    100,
    kept.reduce((sum, s) => sum + s.points, 0),
  );
  return { score, level: levelFor(score), signals: kept };
}

export function isDisposableEmail(email: string): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  for (let d = domain; d.includes("."); d = d.slice(d.indexOf(".") + 1)) if (DISPOSABLE.has(d)) return true;
  return false;
}

/** The largest number of events inside any window of `windowMs` (timestamps in ms, any order). */
export function maxInWindow(timestamps: number[], windowMs: number): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** The largest number of distinct keys (conversations) touched inside any window of `windowMs`. */
export function maxDistinctInWindow(events: Array<{ at: number; key: string }>, windowMs: number): number {
  const sorted = [...events].sort((a, b) => a.at - b.at);
  const counts = new Map<string, number>();
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    counts.set(sorted[end].key, (counts.get(sorted[end].key) ?? 0) + 1);
    while (sorted[end].at - sorted[start].at >= windowMs) {
      const key = sorted[start++].key;
      const left = counts.get(key)! - 1;
      if (left === 0) counts.delete(key);
      else counts.set(key, left);
    }
    best = Math.max(best, counts.size);
  }
  return best;
}

/** Points for a count against two steps ("some" and "many"). */
function stepped(value: number, some: number, somePoints: number, many: number, manyPoints: number): number {
  return value >= many ? manyPoints : value >= some ? somePoints : 0;
}

export interface UserFacts {
  email: string;
  createdAt: Date;
  emailVerified: boolean;
  /** Most other accounts seen on any one IP address of this account. */
  otherAccountsOnIp: number;
  sharedIp?: string | null;
  otherAccountsOnDevice: number;
  failedPayments: number;
  proposalTimes: number[];
  messages: Array<{ id: string; conversationId: string; at: number; body: string }>;
}

export function userSignals(f: UserFacts, now: Date): RiskSignal[] {
  const w = USER_WEIGHTS;
  const signals: RiskSignal[] = [];
  const ageMs = now.getTime() - f.createdAt.getTime();
  if (ageMs < DAY_MS) signals.push({ code: "new_account", label: "Account is less than a day old", points: w.accountAgeUnderOneDay });
  else if (ageMs < 7 * DAY_MS)
    signals.push({ code: "new_account", label: "Account is less than a week old", points: w.accountAgeUnderOneWeek });
  if (!f.emailVerified) signals.push({ code: "email_unverified", label: "Email address not verified", points: w.emailUnverified });
  if (isDisposableEmail(f.email))
    signals.push({
      code: "disposable_email",
      label: "Disposable email domain",
      points: w.disposableEmail,
      evidence: { domain: f.email.slice(f.email.lastIndexOf("@") + 1) },
    });
  const ipPoints = stepped(
    f.otherAccountsOnIp,
    w.sharedIp.someOthers,
    w.sharedIp.someOthersPoints,
    w.sharedIp.manyOthers,
    w.sharedIp.manyOthersPoints,
  );
  if (ipPoints)
    signals.push({
      code: "shared_ip",
      label: `${f.otherAccountsOnIp} other accounts used the same IP address`,
      points: ipPoints,
      evidence: { ip: f.sharedIp ?? null, otherAccounts: f.otherAccountsOnIp },
    });
  const devicePoints = stepped(
    f.otherAccountsOnDevice,
    w.sharedDevice.someOthers,
    w.sharedDevice.someOthersPoints,
    w.sharedDevice.manyOthers,
    w.sharedDevice.manyOthersPoints,
  );
  if (devicePoints)
    signals.push({
      code: "shared_device",
      label: `${f.otherAccountsOnDevice} other accounts used the same device`,
      points: devicePoints,
      evidence: { otherAccounts: f.otherAccountsOnDevice },
    });
  if (f.failedPayments > 0)
    signals.push({
      code: "failed_payments",
      label: `${f.failedPayments} failed payments in the last 30 days`,
      points: Math.min(w.failedPaymentCap, f.failedPayments * w.failedPaymentPoints),
      evidence: { failedPayments: f.failedPayments },
    });
  const proposalsPerHour = maxInWindow(f.proposalTimes, HOUR_MS);
  const pv = w.proposalVelocity;
  const proposalPoints = stepped(proposalsPerHour, pv.some, pv.somePoints, pv.many, pv.manyPoints);
  if (proposalPoints)
    signals.push({
      code: "proposal_velocity",
      label: `${proposalsPerHour} proposals sent within one hour`,
      points: proposalPoints,
      evidence: { proposalsPerHour },
    });
  const conversationsPerHour = maxDistinctInWindow(
    f.messages.map((m) => ({ at: m.at, key: m.conversationId })),
    HOUR_MS,
  );
  const mv = w.messageVelocity;
  const messagePoints = stepped(conversationsPerHour, mv.some, mv.somePoints, mv.many, mv.manyPoints);
  if (messagePoints)
    signals.push({
      code: "message_velocity",
      label: `Wrote to ${conversationsPerHour} conversations within one hour`,
      points: messagePoints,
      evidence: { conversationsPerHour },
    });
  const flagged = f.messages
    .map((m) => ({ messageId: m.id, conversationId: m.conversationId, matches: matchPhrases(m.body, OFF_PLATFORM_PHRASES) }))
    .filter((m) => m.matches.length > 0);
  if (flagged.length > 0)
    signals.push({
      code: "off_platform_messages",
      label: `${flagged.length} ${flagged.length === 1 ? "message" : "messages"} try to move contact or payment off the platform`,
      points: Math.min(w.offPlatformCap, w.offPlatformFirstMessage + (flagged.length - 1) * w.offPlatformEachFurther),
      evidence: {
        messages: flagged.slice(0, 5).map((m) => ({
          messageId: m.messageId,
          conversationId: m.conversationId,
          phrases: m.matches.map((x) => x.label),
          excerpt: m.matches[0].excerpt,
        })),
      },
    });
  return signals;
}

export interface ProjectFacts {
  title: string;
  description: string;
  budgetMax: number;
  /** budgetMax of comparable open projects (same category, budget type and currency), this one excluded. */
  comparableBudgets: number[];
  client: { createdAt: Date; emailVerified: boolean; paymentVerified: boolean };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function projectSignals(f: ProjectFacts, now: Date): RiskSignal[] {
  const w = PROJECT_WEIGHTS;
  const signals: RiskSignal[] = [];
  const phrases = matchPhrases(`${f.title}\n${f.description}`, SUSPICIOUS_PROJECT_PHRASES);
  if (phrases.length > 0)
    signals.push({
      code: "suspicious_phrases",
      label: `Project text ${phrases.map((p) => p.label).join("; ")}`,
      points: Math.min(w.suspiciousPhraseCap, phrases.length * w.suspiciousPhrasePerCategory),
      evidence: { phrases: phrases.map((p) => ({ family: p.code, excerpt: p.excerpt })) },
    });
  if (f.comparableBudgets.length >= w.budgetOutlier.minComparables) {
    const typical = median(f.comparableBudgets);
    const ratio = typical > 0 ? f.budgetMax / typical : 1;
    const distance = ratio >= 1 ? ratio : 1 / Math.max(ratio, 1e-9);
    const points =
      distance >= w.budgetOutlier.farRatio
        ? w.budgetOutlier.farPoints
        : distance >= w.budgetOutlier.someRatio
          ? w.budgetOutlier.somePoints
          : 0;
    if (points)
      signals.push({
        code: "budget_outlier",
        label: `Budget is ${ratio >= 1 ? `${Math.round(ratio)}× above` : `${Math.round(1 / ratio)}× below`} comparable projects`,
        points,
        evidence: { budgetMax: f.budgetMax, comparableMedian: typical, comparables: f.comparableBudgets.length },
      });
  }
  const clientIsNew = now.getTime() - f.client.createdAt.getTime() < w.newClientDays * DAY_MS;
  if (clientIsNew && (!f.client.emailVerified || !f.client.paymentVerified))
    signals.push({
      code: "new_unverified_client",
      label: `Client account is new and ${!f.client.emailVerified ? "has no verified email" : "has no verified payment method"}`,
      points: w.newUnverifiedClient,
    });
  return signals;
}

export interface PaymentFacts {
  createdAt: Date;
  /** When the money was confirmed (null while pending or when it failed). */
  confirmedAt: Date | null;
  payerCountry: string | null;
  /** Country of the payer's session at the time of the payment. */
  sessionCountry: string | null;
  /** Distinct session countries of the payer in the 24 hours before the payment. */
  recentCountries: string[];
  /** When money of this payment's milestone was refunded, if it was. */
  refundedAt: Date | null;
  /** Refunds to this payer in the 7 days up to the payment's refund (or now). */
  payerRecentRefunds: number;
  failedBefore: number;
  payerCreatedAt: Date;
}

export function paymentSignals(f: PaymentFacts): RiskSignal[] {
  const w = PAYMENT_WEIGHTS;
  const signals: RiskSignal[] = [];
  if (f.payerCountry && f.sessionCountry && f.payerCountry.toUpperCase() !== f.sessionCountry.toUpperCase())
    signals.push({
      code: "country_mismatch",
      label: `Paid from ${f.sessionCountry} while the account says ${f.payerCountry}`,
      points: w.countryMismatch,
      evidence: { accountCountry: f.payerCountry, sessionCountry: f.sessionCountry },
    });
  if (f.recentCountries.length >= w.manyCountries.countries)
    signals.push({
      code: "many_countries",
      label: `Signed in from ${f.recentCountries.length} countries within a day`,
      points: w.manyCountries.points,
      evidence: { countries: f.recentCountries },
    });
  const fundedAt = f.confirmedAt ?? f.createdAt;
  if (f.refundedAt && f.refundedAt.getTime() - fundedAt.getTime() <= w.rapidRefund.withinMs)
    signals.push({
      code: "rapid_refund",
      label: `Refunded ${Math.max(1, Math.round((f.refundedAt.getTime() - fundedAt.getTime()) / HOUR_MS))} hours after funding`,
      points: w.rapidRefund.points,
      evidence: { fundedAt: fundedAt.toISOString(), refundedAt: f.refundedAt.toISOString() },
    });
  if (f.payerRecentRefunds >= w.repeatRefunds.count)
    signals.push({
      code: "repeat_refunds",
      label: `${f.payerRecentRefunds} refunds to this payer within a week`,
      points: w.repeatRefunds.points,
      evidence: { refunds: f.payerRecentRefunds },
    });
  if (f.failedBefore >= w.failedBefore.count)
    signals.push({
      code: "failed_before",
      label: `${f.failedBefore} failed payments in the day before`,
      points: w.failedBefore.points,
      evidence: { failedPayments: f.failedBefore },
    });
  if (f.createdAt.getTime() - f.payerCreatedAt.getTime() < w.newPayerDays * DAY_MS)
    signals.push({ code: "new_payer", label: "Payer's account is less than a week old", points: w.newPayer });
  return signals;
}

export interface ProposalFacts {
  coverLetter: string;
  bidAmount: number;
  budgetType: "fixed" | "hourly";
  budgetMin: number;
  sender: RiskScore;
}

export function proposalSignals(f: ProposalFacts): RiskSignal[] {
  const w = PROPOSAL_WEIGHTS;
  const signals: RiskSignal[] = [];
  const phrases = matchPhrases(f.coverLetter, OFF_PLATFORM_PHRASES);
  if (phrases.length > 0)
    signals.push({
      code: "off_platform_proposal",
      label: `Cover letter ${phrases.map((p) => p.label).join("; ")}`,
      points: w.offPlatform,
      evidence: { phrases: phrases.map((p) => ({ family: p.code, excerpt: p.excerpt })) },
    });
  if (f.budgetType === "fixed" && f.bidAmount < f.budgetMin * w.bidBelowShare)
    signals.push({
      code: "bait_bid",
      label: `Bid is under ${Math.round(w.bidBelowShare * 100)}% of the project's minimum budget`,
      points: w.bidFarBelowBudget,
      evidence: { bidAmount: f.bidAmount, budgetMin: f.budgetMin },
    });
  const senderPoints =
    f.sender.level === "high" || f.sender.level === "critical" ? w.senderHighRisk : f.sender.level === "medium" ? w.senderMediumRisk : 0;
  if (senderPoints)
    signals.push({
      code: "sender_risk",
      label: `The freelancer's own risk is ${f.sender.level} (${f.sender.score})`,
      points: senderPoints,
      evidence: { score: f.sender.score, signals: f.sender.signals.map((s) => s.code) },
    });
  return signals;
}
