/**
 * One day of marketplace activity on top of a seeded market, with fraud cases planted among honest
 * people: what the fraud sweep is measured on (precision in tests, speed in the bench). Honest activity
 * includes the awkward cases (new accounts, shared offices, travellers, a refund, a disposable address),
 * so the precision figure is earned, not built in. Repeatable for the same seed and clock.
 */
import { and, eq, like, sql } from "drizzle-orm";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import * as schema from "../schema";
import { chance, int, pick, rngFor, seededId } from "./market-random";
import { TAXONOMY } from "./taxonomy-load";

type AnyDb = LibSQLDatabase<typeof schema>;
type Table = Parameters<AnyDb["insert"]>[0];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const MAX_VARIABLES = 30_000;

export interface ActivityScale {
  /** Share of the market's people active today. */
  activeShare: number;
  newHonestUsers: number;
  honestPayments: number;
  scammers: number;
  farms: number;
  farmSize: number;
  scamProjects: number;
  paymentFraudsters: number;
}

export const TEST_ACTIVITY: ActivityScale = {
  activeShare: 0.8,
  newHonestUsers: 60,
  honestPayments: 40,
  scammers: 6,
  farms: 2,
  farmSize: 6,
  scamProjects: 4,
  paymentFraudsters: 3,
};

export const BENCH_ACTIVITY: ActivityScale = {
  activeShare: 0.08,
  newHonestUsers: 1500,
  honestPayments: 600,
  scammers: 40,
  farms: 10,
  farmSize: 6,
  scamProjects: 30,
  paymentFraudsters: 20,
};

export interface ActivityResult {
  /** Accounts planted as fraudulent: an alert about any of them is a true positive. */
  fraudulentUserIds: Set<string>;
  counts: Record<string, number>;
}

const BROWSERS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/18.1 Safari/605.1.15",
  "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Edg/131.0 Safari/537.36",
];
const COUNTRIES = ["GB", "US", "DE", "IN", "PK", "NG", "BR", "PH", "CA", "FR", "ES", "PL"];
const HONEST_LINES = [
  "Thanks for the quick reply! I had a look at the brief and have a couple of questions about the data source.",
  "Could you share the current designs? A Figma link is perfect.",
  "I pushed the first draft to the repository, let me know what you think.",
  "Can we move our call to Thursday afternoon?",
  "The milestone is ready for review, I added notes in the description.",
  "Great work so far, the charts look much better now.",
  "I will keep all payments here on MegiLance, that works best for me.",
  "Do you need the logo in SVG as well as PNG?",
  "Here is the list of pages we need translated, about 40 in total.",
  "Sorry for the delay, I was travelling this week.",
];
const HONEST_EDGE_LINES = [
  "Please send the invoice copy to accounts@northwind-example.com as well, our finance team needs it.",
  "I don't use WhatsApp, so let's keep everything in this chat.",
  "You can also reach our office on +44 20 7946 0958 during the day if the chat is down.",
];
const SCAM_LINES = [
  "Let's continue on WhatsApp, it is faster: add me there.",
  "If you pay me directly by bank transfer we both avoid the platform fees.",
  "Send the money by Western Union and I start today.",
  "Message me on telegram @quickdev_pro for the details.",
  "My wallet is 0x52908400098527886E0F7030069857D2E4169EE7, pay there instead and I give 20% off.",
];
const SCAM_PROJECTS = [
  {
    title: "Data entry from home, registration fee refunded after first task",
    description: "Easy money for simple typing. Pay the $25 registration fee to start. Contact me on telegram for the starter kit.",
  },
  {
    title: "Payment processing assistant needed",
    description:
      "You will receive payments for our clients into your bank account and forward the funds on our behalf. Gift cards also accepted.",
  },
  {
    title: "Social media manager, no experience needed, earn $500 per day",
    description: "Guaranteed income. Send your bank details and a copy of your ID card so we can set up your account. WhatsApp me.",
  },
];

class RowWriter {
  private pending = new Map<Table, Record<string, unknown>[]>();
  constructor(private readonly db: AnyDb) {}
  add(table: Table, row: Record<string, unknown>): void {
    (this.pending.get(table) ?? this.pending.set(table, []).get(table)!).push(row);
  }
  count(table: Table): number {
    return this.pending.get(table)?.length ?? 0;
  }
  async flush(): Promise<void> {
    const statements = [];
    for (const [table, rows] of this.pending) {
      const per = Math.max(1, Math.floor(MAX_VARIABLES / Object.keys(rows[0]).length));
      for (let i = 0; i < rows.length; i += per)
        statements.push(
          this.db
            .insert(table)
            .values(rows.slice(i, i + per) as never)
            .onConflictDoNothing(),
        );
    }
    this.pending = new Map();
    for (let i = 0; i < statements.length; i += 20) {
      await this.db.batch(statements.slice(i, i + 20) as unknown as Parameters<AnyDb["batch"]>[0]);
    }
  }
}

interface Person {
  id: string;
  roles: schema.Role[];
  country?: string;
}

export async function seedOneDayOfActivity(
  db: AnyDb,
  options: { now: Date; seed?: number; scale?: Partial<ActivityScale> },
): Promise<ActivityResult> {
  const scale = { ...TEST_ACTIVITY, ...options.scale };
  const now = options.now.getTime();
  const seed = options.seed ?? 4242;
  const rng = rngFor(seed, "trust-activity", 0);
  let serial = 0;
  const id = (at: number) => seededId(at, rng, "T", serial++);
  const today = () => now - int(rng, 60, DAY_MS / 1000 - 60) * 1000;
  const w = new RowWriter(db);
  const fraudulent = new Set<string>();

  const market = await db
    .select({ id: schema.users.id, roles: schema.users.roles })
    .from(schema.users)
    .where(like(schema.users.email, "%@market.test"));
  const openProjects = await db
    .select({
      id: schema.projects.id,
      clientId: schema.projects.clientId,
      budgetMin: schema.projects.budgetMin,
      budgetType: schema.projects.budgetType,
      currency: schema.projects.currency,
    })
    .from(schema.projects)
    .where(and(eq(schema.projects.status, "open"), eq(schema.projects.visibility, "public")))
    .orderBy(sql`${schema.projects.id} desc`)
    .limit(2000);
  if (openProjects.length === 0) throw new Error("seed a market before its activity");

  let ipSerial = 0;
  const freshIp = () => {
    const n = ipSerial++;
    return `100.${64 + ((n >> 16) & 63)}.${(n >> 8) & 255}.${n & 255}`;
  };
  const signIn = (userId: string, at: number, ip: string, userAgent: string, country: string) => {
    const sid = id(at);
    w.add(schema.sessions, {
      id: sid,
      userId,
      kind: "web",
      tokenHash: `seed-${sid}`,
      expiresAt: new Date(at + 30 * DAY_MS),
      mfaVerified: false,
      lastVerifiedAt: new Date(at),
      lastSeenAt: new Date(at),
      ip,
      userAgent,
      country,
      revokedAt: null,
      createdAt: new Date(at),
    });
  };
  const newUser = (role: schema.Role, email: string, at: number, verified: boolean, country: string): Person => {
    const uid = id(at);
    w.add(schema.users, {
      id: uid,
      email: email.replace("{id}", uid.slice(-8).toLowerCase()),
      name: `${role === "client" ? "Client" : "Freelancer"} ${uid.slice(-5)}`,
      passwordHash: null,
      roles: [role],
      emailVerifiedAt: verified ? new Date(at + HOUR_MS / 4) : null,
      blockedAt: null,
      blockedReason: null,
      createdAt: new Date(at),
      updatedAt: new Date(at),
    });
    if (role === "client")
      w.add(schema.clientProfiles, {
        userId: uid,
        companyName: null,
        companySize: null,
        country,
        paymentVerified: false,
        createdAt: new Date(at),
        updatedAt: new Date(at),
      });
    return { id: uid, roles: [role], country };
  };
  const propose = (freelancerId: string, project: (typeof openProjects)[number], at: number, letter: string, bid?: number) =>
    w.add(schema.proposals, {
      id: id(at),
      projectId: project.id,
      freelancerId,
      coverLetter: letter,
      bidAmount: bid ?? Math.max(1000, project.budgetMin),
      currency: project.currency,
      // An hourly bid offers hours a week; a fixed-price one the days it takes.
      estimatedDays: project.budgetType === "hourly" ? null : 14,
      weeklyHours: project.budgetType === "hourly" ? 20 : null,
      milestones: null,
      attachments: [],
      status: "pending",
      createdAt: new Date(at),
      updatedAt: new Date(at),
    });
  const converse = (
    freelancerId: string,
    project: (typeof openProjects)[number],
    lines: Array<{ from: "client" | "freelancer"; body: string; at: number }>,
  ) => {
    const first = Math.min(...lines.map((l) => l.at));
    const cid = id(first);
    w.add(schema.conversations, {
      id: cid,
      clientId: project.clientId,
      freelancerId,
      projectId: project.id,
      contractId: null,
      contextKey: `project:${project.id}`,
      lastMessageId: null,
      lastActivityAt: new Date(Math.max(...lines.map((l) => l.at))),
      createdAt: new Date(first),
    });
    for (const userId of [project.clientId, freelancerId])
      w.add(schema.conversationMembers, { conversationId: cid, userId, lastReadMessageId: null, createdAt: new Date(first) });
    for (const line of lines)
      w.add(schema.messages, {
        id: id(line.at),
        conversationId: cid,
        senderId: line.from === "client" ? project.clientId : freelancerId,
        body: line.body,
        attachments: [],
        createdAt: new Date(line.at),
      });
  };

  // Honest people of the market: sign-ins (some share an office), proposals, conversations.
  const active = market.filter(() => chance(rng, scale.activeShare));
  const officeIps = Array.from({ length: Math.max(1, Math.floor(active.length / 30)) }, freshIp);
  for (const person of active) {
    const country = pick(rng, COUNTRIES);
    const ip = chance(rng, 0.1) ? pick(rng, officeIps) : freshIp();
    signIn(person.id, today(), ip, pick(rng, BROWSERS), country);
    if (person.roles.includes("freelancer")) {
      const eager = chance(rng, 0.03);
      const n = eager ? int(rng, 10, 13) : int(rng, 0, 3);
      const start = today() - (eager ? HOUR_MS : 0);
      const used = new Set<string>();
      for (let k = 0; k < n; k++) {
        const project = pick(rng, openProjects);
        if (used.has(project.id) || project.clientId === person.id) continue;
        used.add(project.id);
        propose(
          person.id,
          project,
          eager ? start + k * 4 * 60_000 : today(),
          "I have done similar work before and can start this week. Here is how I would approach it.",
        );
      }
      if (chance(rng, 0.4)) {
        const project = pick(rng, openProjects);
        if (project.clientId !== person.id && !used.has(project.id)) {
          const t = today();
          const lines = Array.from({ length: int(rng, 2, 8) }, (_, k) => ({
            from: (k % 2 ? "client" : "freelancer") as "client" | "freelancer",
            body: chance(rng, 0.04) ? pick(rng, HONEST_EDGE_LINES) : pick(rng, HONEST_LINES),
            at: Math.min(now - 1000, t + k * 7 * 60_000),
          }));
          converse(person.id, project, lines);
        }
      }
    }
  }
  await w.flush();

  // New honest accounts: many unverified, a few on disposable addresses or sharing a home connection.
  const homeIps: string[] = [];
  const newcomers: Person[] = [];
  for (let i = 0; i < scale.newHonestUsers; i++) {
    const at = today();
    const role: schema.Role = chance(rng, 0.6) ? "freelancer" : "client";
    const disposable = chance(rng, 0.05);
    const person = newUser(role, disposable ? "new.{id}@yopmail.com" : "new.{id}@mail.example", at, chance(rng, 0.6), pick(rng, COUNTRIES));
    newcomers.push(person);
    const ip = homeIps.length > 0 && chance(rng, 0.2) ? pick(rng, homeIps) : freshIp();
    homeIps.push(ip);
    signIn(person.id, at, ip, pick(rng, BROWSERS), person.country!);
    if (role === "freelancer")
      for (let k = 0, n = int(rng, 0, 3); k < n; k++)
        propose(
          person.id,
          openProjects[(i * 7 + k) % openProjects.length],
          Math.min(now - 1000, at + k * 15 * 60_000),
          "Hello, I am new here but I have three years of experience with this.",
        );
  }
  await w.flush();

  // Payments: honest ones (a traveller, a late refund, one quick cancellation), then the planted fraud.
  const pay = (input: {
    payer: Person;
    at: number;
    amount: number;
    sessionCountry: string;
    failedFirst?: number;
    refundAfterMs?: number | null;
  }) => {
    const freelancer = market.find((m) => m.roles.includes("freelancer")) ?? input.payer;
    const proposalId = id(input.at - 2 * HOUR_MS);
    const projectId = id(input.at - 3 * HOUR_MS);
    w.add(schema.projects, {
      id: projectId,
      clientId: input.payer.id,
      title: "Landing page refresh",
      description: "Refresh our landing page copy and layout.",
      categorySlug: TAXONOMY.categories[0].slug,
      budgetType: "fixed",
      budgetMin: input.amount,
      budgetMax: input.amount,
      currency: "USD",
      attachments: [],
      skillsText: "",
      status: "closed",
      visibility: "public",
      createdAt: new Date(input.at - 30 * DAY_MS),
      updatedAt: new Date(input.at - 30 * DAY_MS),
    });
    w.add(schema.proposals, {
      id: proposalId,
      projectId,
      freelancerId: freelancer.id,
      coverLetter: "Happy to help.",
      bidAmount: input.amount,
      currency: "USD",
      estimatedDays: 7,
      milestones: null,
      attachments: [],
      status: "accepted",
      createdAt: new Date(input.at - 29 * DAY_MS),
      updatedAt: new Date(input.at - 29 * DAY_MS),
    });
    const contractId = id(input.at - HOUR_MS);
    w.add(schema.contracts, {
      id: contractId,
      projectId,
      clientId: input.payer.id,
      freelancerId: freelancer.id,
      proposalId,
      status: "active",
      amount: input.amount,
      currency: "USD",
      createdAt: new Date(input.at - HOUR_MS),
    });
    const milestoneId = id(input.at - HOUR_MS);
    w.add(schema.milestones, {
      id: milestoneId,
      contractId,
      position: 1,
      title: "All of it",
      amount: input.amount,
      currency: "USD",
      status: input.refundAfterMs != null ? "refunded" : "funded",
      createdAt: new Date(input.at - HOUR_MS),
      updatedAt: new Date(input.at),
    });
    for (let f = 0; f < (input.failedFirst ?? 0); f++) {
      const pid = id(input.at - (f + 1) * 20 * 60_000);
      w.add(schema.payments, {
        id: pid,
        provider: "sandbox",
        status: "failed",
        amount: input.amount,
        currency: "USD",
        milestoneId,
        contractId,
        payerId: input.payer.id,
        providerRef: null,
        idempotencyKey: `seed:${pid}`,
        createdAt: new Date(input.at - (f + 1) * 20 * 60_000),
        confirmedAt: null,
      });
    }
    const paymentId = id(input.at);
    w.add(schema.payments, {
      id: paymentId,
      provider: "sandbox",
      status: "succeeded",
      amount: input.amount,
      currency: "USD",
      milestoneId,
      contractId,
      payerId: input.payer.id,
      providerRef: null,
      idempotencyKey: `seed:${paymentId}`,
      createdAt: new Date(input.at),
      confirmedAt: new Date(input.at + 60_000),
    });
    signIn(input.payer.id, input.at - 5 * 60_000, freshIp(), pick(rng, BROWSERS), input.sessionCountry);
    const move = (kind: "funding" | "refund", at: number, from: string, to: string) => {
      const tx = id(at);
      w.add(schema.ledgerTransactions, {
        id: tx,
        kind,
        idempotencyKey: `seed:${tx}`,
        contractId,
        milestoneId,
        currency: "USD",
        actorId: input.payer.id,
        memo: null,
        createdAt: new Date(at),
      });
      w.add(schema.ledgerEntries, {
        id: id(at),
        transactionId: tx,
        account: from,
        amount: -input.amount,
        currency: "USD",
        createdAt: new Date(at),
      });
      w.add(schema.ledgerEntries, {
        id: id(at),
        transactionId: tx,
        account: to,
        amount: input.amount,
        currency: "USD",
        createdAt: new Date(at),
      });
    };
    move("funding", input.at + 60_000, `external:client:${input.payer.id}`, `escrow:${contractId}`);
    if (input.refundAfterMs != null) {
      const refundAt = Math.min(now - 1000, input.at + input.refundAfterMs);
      move("refund", refundAt, `escrow:${contractId}`, `external:refunds:${input.payer.id}`);
    }
    return paymentId;
  };
  const clients = market.filter((m) => m.roles.includes("client"));
  const marketClients = clients.length > 0 ? clients : newcomers.filter((p) => p.roles.includes("client"));
  const profileCountry = new Map(
    (await db.select({ userId: schema.clientProfiles.userId, country: schema.clientProfiles.country }).from(schema.clientProfiles)).map(
      (r) => [r.userId, r.country],
    ),
  );
  for (let i = 0; i < scale.honestPayments; i++) {
    const payer = pick(rng, marketClients);
    const home = profileCountry.get(payer.id) ?? "GB";
    const traveller = chance(rng, 0.03);
    pay({
      payer,
      at: today(),
      amount: int(rng, 20, 400) * 1000,
      sessionCountry: traveller
        ? pick(
            rng,
            COUNTRIES.filter((c) => c !== home),
          )
        : home,
      failedFirst: chance(rng, 0.05) ? 1 : 0,
      refundAfterMs: i === 0 ? 5 * HOUR_MS : null,
    });
  }
  await w.flush();

  // Planted: off-platform scammers.
  for (let i = 0; i < scale.scammers; i++) {
    const at = today();
    const verified = i % 3 === 0;
    const person = newUser("freelancer", i % 2 ? "pro.{id}@mailinator.com" : "pro.{id}@mail.example", at, verified, pick(rng, COUNTRIES));
    fraudulent.add(person.id);
    signIn(person.id, at, freshIp(), pick(rng, BROWSERS), person.country!);
    for (let k = 0, n = 2 + (i % 3); k < n; k++) {
      const project = openProjects[(i * 13 + k * 5) % openProjects.length];
      const t = Math.min(now - 1000, at + k * 10 * 60_000);
      converse(person.id, project, [
        { from: "freelancer", body: pick(rng, HONEST_LINES), at: t },
        { from: "freelancer", body: pick(rng, SCAM_LINES), at: Math.min(now - 1000, t + 60_000) },
      ]);
    }
  }
  // Planted: account farms (one network and browser, bursts of proposals).
  for (let f = 0; f < scale.farms; f++) {
    const ip = freshIp();
    const ua = pick(rng, BROWSERS);
    for (let m = 0; m < scale.farmSize; m++) {
      const at = today();
      const person = newUser("freelancer", "bid.{id}@mail.example", at, false, "US");
      fraudulent.add(person.id);
      signIn(person.id, at, ip, ua, "US");
      const start = Math.min(now - HOUR_MS, at);
      for (let k = 0; k < 12; k++)
        propose(
          person.id,
          openProjects[(f * 31 + m * 17 + k) % openProjects.length],
          start + k * 3 * 60_000,
          "I can do this quickly and cheaply.",
          500,
        );
    }
  }
  // Planted: scam project posts from new clients.
  for (let i = 0; i < scale.scamProjects; i++) {
    const at = today();
    const person = newUser("client", "hr.{id}@mail.example", at, true, pick(rng, COUNTRIES));
    fraudulent.add(person.id);
    signIn(person.id, at, freshIp(), pick(rng, BROWSERS), person.country!);
    const text = SCAM_PROJECTS[i % SCAM_PROJECTS.length];
    w.add(schema.projects, {
      id: id(at),
      clientId: person.id,
      title: text.title,
      description: text.description,
      categorySlug: TAXONOMY.categories[i % TAXONOMY.categories.length].slug,
      budgetType: "fixed",
      budgetMin: 5_000_000,
      budgetMax: 10_000_000,
      currency: "USD",
      attachments: [],
      skillsText: "",
      status: "open",
      visibility: "public",
      createdAt: new Date(Math.min(now - 1000, at + 5 * 60_000)),
      updatedAt: new Date(Math.min(now - 1000, at + 5 * 60_000)),
    });
  }
  await w.flush();
  // Planted: stolen cards (country hopping, failed attempts, money pulled back within hours).
  for (let i = 0; i < scale.paymentFraudsters; i++) {
    const at = now - int(rng, 4, 20) * HOUR_MS;
    const person = newUser("client", "buyer.{id}@mail.example", at - 2 * DAY_MS, true, "GB");
    fraudulent.add(person.id);
    for (const c of ["NG", "RU", "BR"]) signIn(person.id, at - int(rng, 1, 12) * HOUR_MS, freshIp(), pick(rng, BROWSERS), c);
    pay({ payer: person, at, amount: 250_000, sessionCountry: "RU", failedFirst: 2, refundAfterMs: 2 * HOUR_MS });
    pay({ payer: person, at: at + 30 * 60_000, amount: 180_000, sessionCountry: "NG", refundAfterMs: 90 * 60_000 });
  }
  await w.flush();
  return { fraudulentUserIds: fraudulent, counts: { active: active.length, newcomers: newcomers.length, fraudulent: fraudulent.size } };
}
