import type { AdminAnalytics, Metric } from "./admin";

export type Cell = string | number | null;
export interface Table {
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}

const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

/** A metric's value in the unit its column header names (percent as 12.5, hours with one decimal). */
export function metricValue(metric: Metric, value: number | null): number | null {
  if (value === null) return null;
  if (metric.unit === "percent") return percent(value);
  if (metric.unit === "hours") return Math.round(value * 10) / 10;
  return value;
}

const unitLabel: Record<Metric["unit"], string> = { count: "", percent: " (%)", hours: " (hours)" };

/**
 * Every table the admin analytics page shows, in the shape both the page and its CSV export use. Money is
 * in minor units of its currency, as the ledger stores it.
 */
export function analyticsTables(a: AdminAnalytics): Table[] {
  return [
    {
      id: "summary",
      title: `Summary, ${a.range.from} to ${a.range.to} compared with ${a.previous.from} to ${a.previous.to}`,
      columns: ["metric", "this period", "previous period", "change (%)"],
      rows: a.metrics.map((m) => [
        `${m.label}${unitLabel[m.unit]}`,
        metricValue(m, m.current),
        metricValue(m, m.previous),
        percent(m.change),
      ]),
    },
    {
      id: "active-users",
      title: `Active users as of ${a.activeUsers.asOf}`,
      columns: ["window", "users"],
      rows: [
        ["daily (that day)", a.activeUsers.daily],
        ["weekly (7 days)", a.activeUsers.weekly],
        ["monthly (30 days)", a.activeUsers.monthly],
      ],
    },
    {
      id: "money",
      title: "Gross volume and revenue (platform fees) by currency, in minor units",
      columns: ["currency", "gross volume", "previous gross volume", "revenue", "previous revenue"],
      rows: a.money.map((m) => [m.currency, m.grossVolume, m.previousGrossVolume, m.revenue, m.previousRevenue]),
    },
    {
      id: "daily",
      title: "Day by day",
      columns: [
        "day",
        "new users",
        "active users",
        "projects posted",
        "hires",
        ...Object.keys(a.series.grossVolume).map((c) => `gross volume ${c}`),
        ...Object.keys(a.series.revenue).map((c) => `revenue ${c}`),
      ],
      rows: a.series.days.map((day, i) => [
        day,
        a.series.newUsers[i],
        a.series.activeUsers[i],
        a.series.projectsPosted[i],
        a.series.hires[i],
        ...Object.values(a.series.grossVolume).map((values) => values[i]),
        ...Object.values(a.series.revenue).map((values) => values[i]),
      ]),
    },
  ];
}
