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
];
