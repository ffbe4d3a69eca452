import { describe, expect, it } from "vitest";
import { matchPhrases, OFF_PLATFORM_PHRASES, SUSPICIOUS_PROJECT_PHRASES } from "./phrases";
import { networkPrefix, prefixUpperBound } from "./network";
import {
  isDisposableEmail,
  levelFor,
  maxDistinctInWindow,
  maxInWindow,
  median,
  paymentSignals,
  projectSignals,
  proposalSignals,
  scoreOf,
  userSignals,
  type PaymentFacts,
  type ProjectFacts,
  type UserFacts,
} from "./signals";

const NOW = new Date("2026-06-01T12:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const points = (signals: { code: string; points: number }[]) => Object.fromEntries(signals.map((s) => [s.code, s.points]));

const honestUser: UserFacts = {
  email: "sam@example.com",
  createdAt: ago(400 * DAY),
  emailVerified: true,
  otherAccountsOnIp: 0,
  otherAccountsOnDevice: 0,
  failedPayments: 0,
  proposalTimes: [],
  messages: [],
};

describe("levels and totals", () => {
  it("maps scores to levels at 30, 60 and 80", () => {
    expect([0, 29, 30, 59, 60, 79, 80, 100].map(levelFor)).toEqual([
      "low",
      "low",
      "medium",
      "medium",
      "high",
      "high",
      "critical",
      "critical",
    ]);
  });

  it("adds points, caps at 100 and drops zero-point signals", () => {
    const r = scoreOf([
      { code: "a", label: "a", points: 40 },
      { code: "b", label: "b", points: 0 },
      { code: "c", label: "c", points: 45 },
      { code: "d", label: "d", points: 30 },
    ]);
    expect(r.score).toBe(100);
    expect(r.level).toBe("critical");
    expect(r.signals.map((s) => s.code)).toEqual(["c", "a", "d"]);
    expect(scoreOf([]).score).toBe(0);
  });
});

describe("helpers", () => {
  it("knows disposable domains and their subdomains, not look-alikes", () => {
    expect(isDisposableEmail("x@mailinator.com")).toBe(true);
    expect(isDisposableEmail("x@eu.MAILINATOR.com")).toBe(true);
    expect(isDisposableEmail("x@notmailinator.com")).toBe(false);
    expect(isDisposableEmail("x@example.com")).toBe(false);
  });

  it("counts the busiest window", () => {
    // 0, 10, 50, 59 minutes fit in one hour; 61 starts a new one with 50 and 59 -> 3.
    const m = 60_000;
    expect(maxInWindow([0, 10 * m, 50 * m, 59 * m, 61 * m].reverse(), HOUR)).toBe(4);
    expect(maxInWindow([0, HOUR, 2 * HOUR], HOUR)).toBe(1);
    expect(maxInWindow([], HOUR)).toBe(0);
    expect(
      maxDistinctInWindow(
        [
          { at: 0, key: "a" },
          { at: 1, key: "a" },
          { at: 2, key: "b" },
          { at: HOUR + 1, key: "c" },
        ],
        HOUR,
      ),
    ).toBe(2);
  });

  it("takes the median of odd and even lists", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("groups addresses into networks and bounds prefix scans", () => {
    expect(networkPrefix("203.0.113.45")).toBe("203.0.113.");
    expect(networkPrefix("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2:");
    expect(prefixUpperBound("203.0.113.")).toBe("203.0.113/");
    expect("203.0.113.9" < prefixUpperBound("203.0.113.")).toBe(true);
    expect("203.0.114.1" < prefixUpperBound("203.0.113.")).toBe(false);
  });

  it("finds each phrase family once, with an excerpt", () => {
    const found = matchPhrases("Add me on WhatsApp and pay me directly by Western Union to avoid the fees.", OFF_PLATFORM_PHRASES);
    expect(found.map((f) => f.code)).toEqual(["chat_apps", "direct_payment"]);
    expect(found[0].excerpt).toContain("WhatsApp");
    expect(matchPhrases("Thanks, I will send the first draft on Friday.", OFF_PLATFORM_PHRASES)).toEqual([]);
    expect(matchPhrases("Small registration fee required before you start.", SUSPICIOUS_PROJECT_PHRASES).map((f) => f.code)).toEqual([
      "upfront_fee",
    ]);
  });
});

describe("userSignals", () => {
  it("gives an old, verified, quiet account nothing", () => {
    expect(scoreOf(userSignals(honestUser, NOW))).toEqual({ score: 0, level: "low", signals: [] });
  });

  it("scores a brand-new throwaway account sharing an IP: 10 + 10 + 25 + 15 + 10 = 70 (high)", () => {
    const r = scoreOf(
      userSignals(
        {
          ...honestUser,
          email: "deal@yopmail.com",
          createdAt: ago(2 * HOUR),
          emailVerified: false,
          otherAccountsOnIp: 3,
          sharedIp: "198.51.100.7",
          otherAccountsOnDevice: 2,
        },
        NOW,
      ),
    );
    expect(points(r.signals)).toEqual({ new_account: 10, email_unverified: 10, disposable_email: 25, shared_ip: 15, shared_device: 10 });
    expect(r.score).toBe(70);
    expect(r.level).toBe("high");
    expect(r.signals.find((s) => s.code === "shared_ip")?.evidence).toEqual({ ip: "198.51.100.7", otherAccounts: 3 });
  });

  it("steps account age, IP and device sharing", () => {
    const week = points(userSignals({ ...honestUser, createdAt: ago(3 * DAY), otherAccountsOnIp: 5, otherAccountsOnDevice: 5 }, NOW));
    expect(week).toEqual({ new_account: 5, shared_ip: 25, shared_device: 20 });
    expect(points(userSignals({ ...honestUser, otherAccountsOnIp: 1, otherAccountsOnDevice: 1 }, NOW))).toEqual({});
  });

  it("counts failed payments at 5 each up to 20", () => {
    expect(points(userSignals({ ...honestUser, failedPayments: 2 }, NOW))).toEqual({ failed_payments: 10 });
    expect(points(userSignals({ ...honestUser, failedPayments: 9 }, NOW))).toEqual({ failed_payments: 20 });
  });

  it("scores proposal bursts (10 in an hour: 15; 25: 25) and message bursts across conversations", () => {
    const burst = (n: number) => Array.from({ length: n }, (_, i) => NOW.getTime() - i * 60_000);
    expect(points(userSignals({ ...honestUser, proposalTimes: burst(9) }, NOW))).toEqual({});
    expect(points(userSignals({ ...honestUser, proposalTimes: burst(10) }, NOW))).toEqual({ proposal_velocity: 15 });
    expect(points(userSignals({ ...honestUser, proposalTimes: burst(30) }, NOW))).toEqual({ proposal_velocity: 25 });
    const spam = Array.from({ length: 15 }, (_, i) => ({
      id: `m${i}`,
      conversationId: `c${i}`,
      at: NOW.getTime() - i * 60_000,
      body: "Hello!",
    }));
    expect(points(userSignals({ ...honestUser, messages: spam }, NOW))).toEqual({ message_velocity: 15 });
    const oneThread = spam.map((m) => ({ ...m, conversationId: "c0" }));
    expect(points(userSignals({ ...honestUser, messages: oneThread }, NOW))).toEqual({});
  });

  it("scores off-platform messages 20 for the first and 10 for each further one, up to 40", () => {
    const msg = (i: number, body: string) => ({ id: `m${i}`, conversationId: "c1", at: NOW.getTime() - i * HOUR, body });
    const one = userSignals({ ...honestUser, messages: [msg(1, "Text me on WhatsApp please"), msg(2, "Sounds good")] }, NOW);
    expect(points(one)).toEqual({ off_platform_messages: 20 });
    expect(one[0].evidence).toMatchObject({ messages: [{ messageId: "m1", conversationId: "c1" }] });
    const four = Array.from({ length: 4 }, (_, i) => msg(i, "Pay me directly by bank transfer, it is cheaper"));
    expect(points(userSignals({ ...honestUser, messages: four }, NOW))).toEqual({ off_platform_messages: 40 });
    const two = four.slice(0, 2);
    expect(points(userSignals({ ...honestUser, messages: two }, NOW))).toEqual({ off_platform_messages: 30 });
  });
});

describe("projectSignals", () => {
  const base: ProjectFacts = {
    title: "Build a React dashboard",
    description: "Charts for weekly sales from our REST API.",
    budgetMax: 200_000,
    comparableBudgets: [150_000, 200_000, 250_000, 180_000, 220_000],
    client: { createdAt: ago(300 * DAY), emailVerified: true, paymentVerified: true },
  };

  it("gives an ordinary project nothing", () => {
    expect(projectSignals(base, NOW)).toEqual([]);
  });

  it("scores a scam post: two phrase families (50) + 10x budget (20) + new unverified client (20) = 90 (critical)", () => {
    const r = scoreOf(
      projectSignals(
        {
          ...base,
          title: "Easy data entry, registration fee of $30",
          description: "Contact me on telegram after you pay to apply.",
          budgetMax: 2_000_000,
          client: { createdAt: ago(DAY), emailVerified: true, paymentVerified: false },
        },
        NOW,
      ),
    );
    expect(points(r.signals)).toEqual({ suspicious_phrases: 50, budget_outlier: 20, new_unverified_client: 20 });
    expect(r.score).toBe(90);
    expect(r.level).toBe("critical");
    expect(r.signals.find((s) => s.code === "budget_outlier")?.evidence).toEqual({
      budgetMax: 2_000_000,
      comparableMedian: 200_000,
      comparables: 5,
    });
  });

  it("scores budgets 5x away at 10 both ways, and needs 5 comparables", () => {
    expect(points(projectSignals({ ...base, budgetMax: 1_000_000 }, NOW))).toEqual({ budget_outlier: 10 });
    expect(points(projectSignals({ ...base, budgetMax: 40_000 }, NOW))).toEqual({ budget_outlier: 10 });
    expect(points(projectSignals({ ...base, budgetMax: 20_000 }, NOW))).toEqual({ budget_outlier: 20 });
    expect(points(projectSignals({ ...base, budgetMax: 20_000, comparableBudgets: [200_000, 200_000, 200_000, 200_000] }, NOW))).toEqual(
      {},
    );
  });

  it("does not flag a new client who verified both email and payment", () => {
    expect(projectSignals({ ...base, client: { createdAt: ago(HOUR), emailVerified: true, paymentVerified: true } }, NOW)).toEqual([]);
  });
});

describe("paymentSignals", () => {
  const base: PaymentFacts = {
    createdAt: ago(10 * HOUR),
    confirmedAt: ago(10 * HOUR),
    payerCountry: "GB",
    sessionCountry: "GB",
    recentCountries: ["GB"],
    refundedAt: null,
    payerRecentRefunds: 0,
    failedBefore: 0,
    payerCreatedAt: ago(200 * DAY),
  };

  it("gives an ordinary payment nothing", () => {
    expect(paymentSignals(base)).toEqual([]);
  });

  it("scores a card-testing pattern: 25 + 20 + 30 + 20 + 15 + 10 = 120, capped at 100", () => {
    const r = scoreOf(
      paymentSignals({
        ...base,
        sessionCountry: "ng",
        recentCountries: ["GB", "NG", "RU"],
        refundedAt: ago(4 * HOUR),
        payerRecentRefunds: 2,
        failedBefore: 3,
        payerCreatedAt: ago(DAY),
      }),
    );
    expect(points(r.signals)).toEqual({
      country_mismatch: 25,
      many_countries: 20,
      rapid_refund: 30,
      repeat_refunds: 20,
      failed_before: 15,
      new_payer: 10,
    });
    expect(r.score).toBe(100);
    expect(r.signals.find((s) => s.code === "rapid_refund")?.label).toBe("Refunded 6 hours after funding");
  });

  it("does not count a refund after 48 hours as rapid, nor a missing country as a mismatch", () => {
    expect(paymentSignals({ ...base, refundedAt: new Date(base.confirmedAt!.getTime() + 49 * HOUR), sessionCountry: null })).toEqual([]);
  });
});

describe("proposalSignals", () => {
  const calm = { score: 0, level: "low" as const, signals: [] };

  it("scores off-platform cover letters (30), bait bids (15) and risky senders (30 high, 15 medium)", () => {
    const r = scoreOf(
      proposalSignals({
        coverLetter: "Cheap and fast. Message me on telegram, I take payment outside the site.",
        bidAmount: 20_000,
        budgetType: "fixed",
        budgetMin: 100_000,
        sender: { score: 65, level: "high", signals: [{ code: "shared_ip", label: "", points: 15 }] },
      }),
    );
    expect(points(r.signals)).toEqual({ off_platform_proposal: 30, bait_bid: 15, sender_risk: 30 });
    expect(r.score).toBe(75);
    expect(
      points(
        proposalSignals({
          coverLetter: "I can do it.",
          bidAmount: 25_000,
          budgetType: "fixed",
          budgetMin: 100_000,
          sender: { ...calm, score: 35, level: "medium" },
        }),
      ),
    ).toEqual({
      sender_risk: 15,
    });
    expect(
      proposalSignals({ coverLetter: "I can do it.", bidAmount: 1_000, budgetType: "hourly", budgetMin: 100_000, sender: calm }),
    ).toEqual([]);
  });
});
