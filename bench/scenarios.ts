import { prepareMatchingScenario, type PrepareContext } from "./matching-setup";
import { prepareFraudSweepScenario } from "./seed-trust";

/** One HTTP scenario: a route measured under load. Later features add theirs here. */
export interface Scenario {
  name: string;
  path: string;
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
  connections?: number;
  /** The first scenario is the baseline every other figure is divided by. */
  baseline?: boolean;
  /** Runs once the app is up, before measuring; what it returns (a path with ids, auth headers) overrides the fields above. */
  prepare?: (context: PrepareContext) => Promise<Partial<Pick<Scenario, "path" | "headers" | "body">>>;
  /** Seconds before one request counts as timed out (autocannon's default is 10). */
  timeoutS?: number;
}

export const SCENARIOS: Scenario[] = [
  { name: "baseline: liveness (no work)", path: "/api/health/live", baseline: true },
  { name: "readiness (one database round-trip)", path: "/api/health/ready" },
  { name: "landing page (Remix render)", path: "/" },
  // Measured over the large market (bench/seed-large.ts: 100,000 projects, 50,000 freelancers).
  {
    name: "project search: text + filters",
    path: "/api/projects?q=react%20dashboard&budgetType=fixed&budgetMin=50000&budgetMax=2000000&sort=relevance&limit=20",
  },
  {
    name: "project listing: filters, newest first",
    path: "/api/projects?category=web-development&experienceLevel=intermediate&sort=newest&limit=20",
  },
  { name: "freelancer search: skills (alias-aware)", path: "/api/freelancers?skills=js,react&limit=20" },
  {
    name: "matching: one project against 50,000 freelancers",
    path: "/api/ai/match-freelancers/:projectId?limit=10",
    // Each request scores hundreds of candidates: 10 connections keep the queue inside autocannon's timeout.
    connections: 10,
    prepare: prepareMatchingScenario,
  },
  // Scores every account, project and payment active in the last 24 hours (bench/seed-trust.ts plants the day).
  {
    name: "fraud sweep over one day of activity",
    path: "/api/admin/fraud-sweep",
    method: "POST",
    body: JSON.stringify({ windowHours: 24 }),
    connections: 1,
    timeoutS: 120,
    prepare: prepareFraudSweepScenario,
  },
];
