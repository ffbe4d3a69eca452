/**
 * The demo market: clients, freelancers, projects and proposals with realistic text, the same on every run
 * for the same seed and clock. Rows go in through chunked multi-row inserts inside batches (transactions).
 */
import { eq } from "drizzle-orm";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import * as schema from "../schema";
import {
  clientAt,
  DAY_MS,
  freelancerAt,
  freelancerCategory,
  projectAt,
  proposalFor,
  type GeneratedProject,
  type MarketPlan,
} from "./market-entities";
import { refreshAllProfileRatingsSql } from "../../worker/domain/reviews/ratings";
import { pickHire } from "./market-hires";
import { pastWorkPlanner, type MarketClient } from "./market-history";
import { chance, int, rngFor, type Rng } from "./market-random";
import { TAXONOMY } from "./taxonomy-load";

type AnyDb = LibSQLDatabase<typeof schema>;
type Table = Parameters<AnyDb["insert"]>[0];
type ProposalRow = ReturnType<typeof proposalFor>["proposal"];

export interface MarketScale {
  clients: number;
  freelancers: number;
  projects: number;
  proposals: number;
}

export const DEMO_MARKET_SCALE: MarketScale = { clients: 60, freelancers: 220, projects: 320, proposals: 1100 };
export const DEMO_MARKET_SEED = 20261122;
/** Projects handled per round of generation and inserts, so large markets never sit in memory whole. */
const PROJECTS_PER_ROUND = 2000;
const STATEMENTS_PER_BATCH = 25;
const MAX_VARIABLES = 30_000;

export interface MarketOptions {
  seed?: number;
  now?: Date;
  scale?: Partial<MarketScale>;
  /** Existing demo accounts to give a client profile with projects and a freelancer profile with proposals. */
  demo?: { clientId: string; freelancerId: string };
  /**
   * Give every rated freelancer a track record: finished contracts with market clients, reviewed by both sides
   * (market-history.ts), then profile ratings from those reviews. For the demo; benchmark markets leave it off.
   */
  history?: boolean;
  onProgress?: (message: string) => void;
  /** Where rows go; by default multi-row inserts through `db` (db/seed/bulk-writer.ts writes a file directly). */
  writer?: MarketWriter;
}

/** Takes generated rows, parents before children, and writes them by the next flush. */
export interface MarketWriter {
  add(table: Table, rows: Record<string, unknown>[]): void;
  flush(): Promise<void>;
}

/** Queues rows per table (tables keep first-seen order, so parents go before children) and writes them in bulk. */
class Writer implements MarketWriter {
  private pending = new Map<Table, Record<string, unknown>[]>();
  constructor(private readonly db: AnyDb) {}

  add(table: Table, rows: Record<string, unknown>[]): void {
    if (rows.length === 0) return;
    const queue = this.pending.get(table);
    if (queue) queue.push(...rows);
    else this.pending.set(table, [...rows]);
  }

  /** Writes everything queued as multi-row inserts, one transaction per batch of statements. */
  async flush(): Promise<void> {
    const statements = [];
    for (const [table, rows] of this.pending) {
      const perStatement = Math.max(1, Math.floor(MAX_VARIABLES / Object.keys(rows[0]).length));
      for (let i = 0; i < rows.length; i += perStatement)
        statements.push(this.db.insert(table).values(rows.slice(i, i + perStatement) as never));
    }
    this.pending = new Map();
    for (let i = 0; i < statements.length; i += STATEMENTS_PER_BATCH) {
      await this.db.batch(statements.slice(i, i + STATEMENTS_PER_BATCH) as unknown as Parameters<AnyDb["batch"]>[0]);
    }
  }
}

/** How many proposals project i gets: older-looking skew (x^0.7), summing to exactly `total`. */
function proposalCount(plan: MarketPlan, i: number): number {
  const cum = (x: number) => Math.floor(plan.proposals * (x / plan.projects) ** 0.7);
  return Math.min(cum(i + 1) - cum(i), plan.freelancers, 1000);
}

/** `hired`: the applicant the client's decision model prefers (market-hires.ts); closed projects hired them. */
function statusFor(rng: Rng, project: GeneratedProject, hired: boolean): "pending" | "shortlisted" | "accepted" | "declined" | "withdrawn" {
  const closed = project.project.status === "closed";
  if (hired && (closed || chance(rng, 0.08))) return "accepted";
  if (closed) return chance(rng, 0.85) ? "declined" : "withdrawn";
  const r = rng();
  return r < 0.7 ? "pending" : r < 0.82 ? "shortlisted" : r < 0.94 ? "declined" : "withdrawn";
}

/** Generates and writes the whole market; returns the row counts written. */
export async function seedMarket(db: AnyDb, options: MarketOptions = {}) {
  const scale = { ...DEMO_MARKET_SCALE, ...options.scale };
  const plan: MarketPlan = {
    seed: options.seed ?? DEMO_MARKET_SEED,
    now: (options.now ?? new Date()).getTime(),
    ...scale,
    demo: options.demo,
  };
  const say = options.onProgress ?? (() => {});
  const writer = options.writer ?? new Writer(db);
  const counts = { users: 0, projects: 0, proposals: 0, contracts: 0, pastContracts: 0, reviews: 0 };

  const clients: MarketClient[] = [];
  const clientZones = new Map<string, string>();
  for (let i = 0; i < plan.clients; i++) {
    const c = clientAt(plan, i);
    clients.push({ id: c.user.id, name: c.user.name, company: c.company, city: c.city, joinedAt: c.user.createdAt.getTime() });
    clientZones.set(c.user.id, c.timezone);
    writer.add(schema.users, [c.user]);
    writer.add(schema.clientProfiles, [c.profile]);
    if (i % 5000 === 4999) await writer.flush();
  }
  await writer.flush();
  say(`${plan.clients} clients`);

  const byCategory = new Map<number, number[]>();
  // What proposals and hiring need of each freelancer, kept so a million proposals never regenerate profiles.
  const applicantFacts: ApplicantFacts[] = [];
  for (let j = 0; j < plan.freelancers; j++) {
    const f = freelancerAt(plan, j);
    applicantFacts.push(applicantFactsOf(f));
    const category = freelancerCategory(plan, j);
    (byCategory.get(category) ?? byCategory.set(category, []).get(category)!).push(j);
    writer.add(schema.users, [f.user]);
    writer.add(schema.freelancerProfiles, [f.profile]);
    writer.add(schema.freelancerSkills, f.skills);
    if (j % 2000 === 1999) await writer.flush();
  }
  await writer.flush();
  counts.users = plan.clients + plan.freelancers;
  say(`${plan.freelancers} freelancers`);

  const demo = options.demo ? await demoFreelancer(db, options.demo.freelancerId, new Date(plan.now - 400 * DAY_MS)) : null;
  const clientOf = (i: number, rng: Rng) =>
    plan.demo && i < 6 ? { id: plan.demo.clientId, company: "Casey & Co.", city: "London" } : clients[int(rng, 0, clients.length - 1)];
  const categoryIds = TAXONOMY.categories.map((c) => c.slug);
  const demoNotifications: Array<typeof schema.notifications.$inferInsert> = [];

  for (let start = 0; start < plan.projects; start += PROJECTS_PER_ROUND) {
    const end = Math.min(plan.projects, start + PROJECTS_PER_ROUND);
    const proposals: ProposalRow[] = [];
    const contracts: Array<typeof schema.contracts.$inferInsert> = [];
    for (let i = start; i < end; i++) {
      const generated = projectAt(plan, i, clientOf);
      writer.add(schema.projects, [generated.project]);
      writer.add(schema.projectSkills, generated.skills);
      const rng = rngFor(plan.seed, "applicants", i);
      const pool = byCategory.get(categoryIds.indexOf(generated.project.categorySlug)) ?? [];
      const chosen = new Set<number>();
      const wanted = proposalCount(plan, i);
      // Prefer freelancers of the project's category; fall back to anyone once that pool keeps repeating.
      let poolMisses = 0;
      for (let tries = 0; chosen.size < wanted && tries < wanted * 40; tries++) {
        const usePool = pool.length > 0 && poolMisses < wanted * 5;
        const j = usePool ? pool[int(rng, 0, pool.length - 1)] : int(rng, 0, plan.freelancers - 1);
        if (chosen.has(j)) poolMisses += usePool ? 1 : 0;
        else chosen.add(j);
      }
      const applicants = [...chosen].map((j) => applicantFacts[j]);
      // The demo client's hires come from the demo story (db/seed/story), through the domain.
      const hire =
        applicants.length === 0 || generated.project.clientId === plan.demo?.clientId
          ? -1
          : pickHireFor(plan, generated, clientZones.get(generated.project.clientId), applicants);
      let k = 0;
      for (const f of applicants) {
        const made = proposalFor(plan, generated, k, f, statusFor(rng, generated, k === hire));
        proposals.push(made.proposal);
        if (made.contract) contracts.push(made.contract);
        k++;
      }
      if (
        demo &&
        generated.project.clientId !== demo.id &&
        (i < 6 || i % 29 === 3) &&
        k < 60 &&
        generated.project.visibility === "public"
      ) {
        // Hires of the demo freelancer come from the demo story (db/seed/story), through the domain.
        const status = (["pending", "shortlisted", "declined", "declined", "pending", "withdrawn"] as const)[i % 6];
        const made = proposalFor(plan, generated, 1000, demo, generated.project.status === "closed" ? "declined" : status);
        proposals.push(made.proposal);
        if (made.proposal.status === "declined") demoNotifications.push(demoNote(demo.id, made.proposal, generated));
      }
      if (plan.demo && generated.project.clientId === plan.demo.clientId) {
        for (const p of proposals.filter((x) => x.projectId === generated.project.id).slice(0, 3)) {
          demoNotifications.push({
            id: `${p.id.slice(0, 24)}NR`,
            userId: plan.demo.clientId,
            type: "proposal_received",
            title: `New proposal: ${generated.project.title}`,
            body: `A freelancer sent a proposal for "${generated.project.title}".`,
            link: `/client/projects/${generated.project.id}/proposals`,
            createdAt: p.createdAt,
          });
        }
      }
    }
    writer.add(schema.proposals, proposals);
    writer.add(schema.contracts, contracts);
    await writer.flush();
    counts.projects += end - start;
    counts.proposals += proposals.length;
    counts.contracts += contracts.length;
    say(`${end} of ${plan.projects} projects`);
  }
  writer.add(schema.notifications, demoNotifications);
  await writer.flush();
  if (options.history) {
    const pastWorkOf = pastWorkPlanner(plan, clients);
    for (let j = 0; j < plan.freelancers; j++) {
      const work = pastWorkOf(j);
      writer.add(schema.projects, work.projects);
      writer.add(schema.projectSkills, work.projectSkills);
      writer.add(schema.proposals, work.proposals);
      writer.add(schema.contracts, work.contracts);
      writer.add(schema.reviews, work.reviews);
      counts.pastContracts += work.contracts.length;
      counts.reviews += work.reviews.length;
      if (j % 2000 === 1999) await writer.flush();
    }
    await writer.flush();
    // Ratings come only from reviews: the profiles' search columns are refreshed from the ones just written.
    await db.run(refreshAllProfileRatingsSql(new Date(plan.now)));
    say(`${counts.pastContracts} finished contracts with ${counts.reviews} reviews`);
  }
  return counts;
}

type ApplicantFacts = ReturnType<typeof applicantFactsOf>;

function applicantFactsOf(f: ReturnType<typeof freelancerAt>) {
  const { hourlyRate, timezone } = f.profile;
  const { average: ratingAvg, count: ratingCount } = f.reputation;
  return { id: f.user.id, name: f.user.name, skillNames: f.skillNames, years: f.years, hourlyRate, ratingAvg, ratingCount, timezone };
}

function pickHireFor(plan: MarketPlan, generated: GeneratedProject, clientZone: string | undefined, applicants: ApplicantFacts[]) {
  const p = generated.project;
  return pickHire(
    plan.seed,
    generated.index,
    {
      skillNames: generated.skillNames,
      budgetType: p.budgetType,
      budgetMin: p.budgetMin,
      budgetMax: p.budgetMax,
      experienceLevel: p.experienceLevel,
      weeks: generated.weeks,
      clientTimezone: clientZone ?? "Europe/London",
    },
    applicants,
    new Date(plan.now),
  );
}

function demoNote(userId: string, p: ProposalRow, project: GeneratedProject) {
  const title = project.project.title;
  return {
    id: `${p.id.slice(0, 24)}ND`,
    userId,
    type: "proposal_declined",
    title: `Proposal declined: ${title}`,
    body: `The client declined your proposal for "${title}".`,
    link: `/freelancer/proposals/${p.id}`,
    createdAt: p.decidedAt ?? p.createdAt!,
  };
}

/** The demo freelancer gets a full profile so their proposals rank and their dashboard recommends work. */
async function demoFreelancer(db: AnyDb, userId: string, now: Date) {
  const [user] = await db.select().from(schema.users).where(eq(schema.users.id, userId));
  const skillNames = ["React", "TypeScript", "Node.js", "PostgreSQL", "Tailwind CSS"];
  const skills = await db.select().from(schema.skills);
  const chosen = skills.filter((s) => skillNames.includes(s.name));
  await db.batch([
    db.insert(schema.freelancerProfiles).values({
      userId,
      handle: "frankie",
      headline: "Full-stack web developer | React, TypeScript & Node.js",
      bio: "I build fast, accessible web apps for small companies: from the first sketch to deployment and support. Eight years of React and Node.js, clear weekly updates, fixed prices when the scope is clear.",
      hourlyRate: 6_500,
      currency: "USD",
      availabilityHoursPerWeek: 30,
      timezone: "Europe/London",
      languages: [
        { code: "en", level: "native" },
        { code: "es", level: "conversational" },
      ],
      country: "GB",
      certifications: [
        {
          name: "AWS Certified Developer – Associate",
          issuer: "Amazon Web Services",
          year: 2022,
          url: "https://aws.amazon.com/certification/",
        },
      ],
      education: [{ school: "University of Manchester", degree: "BSc", field: "Computer Science", startYear: 2011, endYear: 2014 }],
      // Kept by the reviews the demo story writes (reviews/ratings.ts).
      ratingAvg: 0,
      ratingCount: 0,
      skillsText: chosen.map((s) => [s.name, ...s.aliases].join(" ")).join(" "),
      createdAt: now,
      updatedAt: now,
    }),
    db.insert(schema.freelancerSkills).values(chosen.map((s, i) => ({ userId, skillSlug: s.slug, years: 8 - i }))),
  ]);
  return { id: userId, name: user.name, skillNames, years: 8 };
}

/** The demo client's company profile. */
export async function seedDemoClientProfile(db: AnyDb, userId: string, at = new Date()): Promise<void> {
  const now = new Date(at.getTime() - 400 * DAY_MS);
  await db.insert(schema.clientProfiles).values({
    userId,
    companyName: "Casey & Co.",
    companySize: "11-50",
    country: "GB",
    paymentVerified: true,
    createdAt: now,
    updatedAt: now,
  });
}

/** What `npm run dev` seeds after the demo accounts: their profiles, and the market around them. */
export async function seedDemoMarket(db: AnyDb, say: (message: string) => void = () => {}, now = new Date()): Promise<void> {
  const [client] = await db.select().from(schema.users).where(eq(schema.users.email, "client@demo.test"));
  const [freelancer] = await db.select().from(schema.users).where(eq(schema.users.email, "freelancer@demo.test"));
  const demo = client && freelancer ? { clientId: client.id, freelancerId: freelancer.id } : undefined;
  if (demo) await seedDemoClientProfile(db, demo.clientId, now);
  const started = Date.now();
  const counts = await seedMarket(db, { demo, now, history: true });
  say(
    `seeded the demo market (${counts.users} users, ${counts.projects} projects, ${counts.proposals} proposals, ` +
      `${counts.pastContracts} finished contracts with ${counts.reviews} reviews) in ${Date.now() - started} ms`,
  );
}
