import { prepareMatchingScenario, type PrepareContext } from "./matching-setup";
import type { Personas } from "./personas";
import { prepareFraudSweepScenario } from "./seed-trust";
import { prepareScriptSearchScenario } from "./script-search-setup";

/** One HTTP scenario: a route measured under load. Later features add theirs here. */
export interface Scenario {
  name: string;
  /** A path, or one built from the bench's fixtures (ids of busy projects, signed-in personas). */
  path: string | ((fixtures: Personas) => string);
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
  /** Signed in as this persona: a session cookie for pages, a bearer token for `/api`. */
  as?: "client" | "freelancer";
  /** Connections for the throughput run (default BENCH_CONNECTIONS); p50 is always measured on one. */
  connections?: number;
  /** The route every ratio is divided by. */
  baseline?: boolean;
  /** A read page or read API of the issue-15 targets table: its ratios are checked against the targets. */
  read?: boolean;
  /** Runs once the app is up, before measuring; what it returns (a path with ids, auth headers) overrides the fields above. */
  prepare?: (context: PrepareContext) => Promise<Partial<Pick<Scenario, "path" | "headers" | "body">>>;
  /** Seconds before one request counts as timed out (autocannon's default is 10). */
  timeoutS?: number;
  /** Measured once, at one connection, and never under added latency (slow batch work). */
  once?: boolean;
}

export const SCENARIOS: Scenario[] = [
  { name: "liveness (no work)", path: "/api/health/live" },
  { name: "readiness (one database round trip)", path: "/api/health/ready", baseline: true },
  { name: "landing page", path: "/" },
  // The read pages and read APIs of the targets table.
  { name: "project list: first page, no filter", path: "/api/projects?limit=20", read: true },
  { name: "/projects page", path: "/projects", read: true },
  {
    name: "project search: text + filters",
    path: "/api/projects?q=react%20dashboard&budgetType=fixed&budgetMin=50000&budgetMax=2000000&sort=relevance&limit=20",
    read: true,
  },
  { name: "project search: one common word", path: "/api/projects?q=web", read: true },
  // Search in any script (the trigram indexes): text inside longer Chinese titles, and parts of English words.
  {
    name: "project search: Chinese inside titles",
    path: `/api/projects?q=${encodeURIComponent("移动应用")}`,
    read: true,
    prepare: prepareScriptSearchScenario,
  },
  { name: "project search: part of a word", path: "/api/projects?q=dashb", read: true },
  {
    name: "freelancer search: Arabic inside headlines",
    path: `/api/freelancers?q=${encodeURIComponent("تطبيقات")}`,
    read: true,
    prepare: prepareScriptSearchScenario,
  },
  {
    name: "project list: category + level, newest",
    path: "/api/projects?category=web-development&experienceLevel=intermediate&sort=newest&limit=20",
    read: true,
  },
  { name: "freelancer list: first page, no filter", path: "/api/freelancers?limit=20", read: true },
  { name: "freelancer search: skills (alias-aware)", path: "/api/freelancers?skills=js,react&limit=20", read: true },
  { name: "/freelancers page", path: "/freelancers", read: true },
  { name: "project page (busiest project)", path: (f) => `/projects/${f.projectId}`, read: true },
  { name: "project API (busiest project)", path: (f) => `/api/projects/${f.projectId}`, read: true },
  { name: "profile page", path: (f) => `/f/${f.handle}`, read: true },
  { name: "profile API", path: (f) => `/api/freelancers/${f.handle}`, read: true },
  { name: "client dashboard page", path: "/client", as: "client", read: true },
  { name: "client dashboard API", path: "/api/clients/me/dashboard", as: "client", read: true },
  { name: "freelancer dashboard page", path: "/freelancer", as: "freelancer", read: true },
  { name: "freelancer dashboard API", path: "/api/freelancers/me/dashboard", as: "freelancer", read: true },
  { name: "contracts list API", path: "/api/contracts", as: "client", read: true },
  { name: "inbox page", path: "/messages", as: "client", read: true },
  { name: "inbox API", path: "/api/conversations", as: "client", read: true },
  {
    name: "matching: one project against every freelancer",
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
    once: true,
    prepare: prepareFraudSweepScenario,
  },
];
