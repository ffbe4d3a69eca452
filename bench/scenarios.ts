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
];
