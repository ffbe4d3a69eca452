import { z } from "zod";
import type { Resolved, SameShape } from "../shared/views";
import type { adminAnalytics } from "./admin";
import type { clientSpendByProject, freelancerAnalytics } from "./personal";

/** A range of whole UTC days (YYYY-MM-DD), both ends included. */
export const dayRangeSchema = z.object({ from: z.iso.date(), to: z.iso.date() });
/** Relative change against the previous period (0.1 = +10%); null when it cannot be compared. */
const changeSchema = z.number().nullable();
/** Amounts per currency, one per day of the range (integer minor units). */
const moneySeriesSchema = z.record(z.string(), z.array(z.number().int()));

export const metricSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(["count", "percent", "hours"]),
  current: z.number().nullable(),
  previous: z.number().nullable(),
  change: changeSchema,
});

/** The admin dashboard's figures, each beside the previous period of the same length, with daily series. */
export const adminAnalyticsSchema = z.object({
  range: dayRangeSchema.extend({ days: z.number().int() }),
  previous: dayRangeSchema,
  metrics: z.array(metricSchema),
  activeUsers: z.object({ daily: z.number().int(), weekly: z.number().int(), monthly: z.number().int(), asOf: z.iso.date() }),
  money: z.array(
    z.object({
      currency: z.string(),
      grossVolume: z.number().int(),
      previousGrossVolume: z.number().int(),
      grossVolumeChange: changeSchema,
      revenue: z.number().int(),
      previousRevenue: z.number().int(),
      revenueChange: changeSchema,
    }),
  ),
  series: z.object({
    days: z.array(z.iso.date()),
    newUsers: z.array(z.number().int()),
    activeUsers: z.array(z.number().int()),
    projectsPosted: z.array(z.number().int()),
    hires: z.array(z.number().int()),
    grossVolume: moneySeriesSchema,
    revenue: moneySeriesSchema,
  }),
});

/** A freelancer's earnings, profile views and proposal success, beside the previous period. */
export const freelancerAnalyticsSchema = z.object({
  range: dayRangeSchema,
  previous: dayRangeSchema,
  earnings: z.array(z.object({ currency: z.string(), amount: z.number().int(), previous: z.number().int(), change: changeSchema })),
  profileViews: z.object({ current: z.number().int(), previous: z.number().int(), change: changeSchema }),
  proposals: z.object({
    sent: z.number().int(),
    accepted: z.number().int(),
    successRate: z.number().nullable(),
    previousSuccessRate: z.number().nullable(),
  }),
  series: z.object({ days: z.array(z.iso.date()), profileViews: z.array(z.number().int()), earnings: moneySeriesSchema }),
});

const spendSchema = { currency: z.string(), paid: z.number().int(), refunded: z.number().int(), net: z.number().int() };
/** What a client spent per project, net of refunds; `nextOffset` is null on the last page. */
export const clientSpendSchema = z.object({
  range: dayRangeSchema,
  projects: z.array(z.object({ projectId: z.string(), title: z.string(), ...spendSchema })),
  nextOffset: z.number().int().nullable(),
  totals: z.array(z.object(spendSchema)),
});

export const adminAnalyticsShape: SameShape<Resolved<typeof adminAnalytics>, z.infer<typeof adminAnalyticsSchema>> = true;
export const freelancerAnalyticsShape: SameShape<Resolved<typeof freelancerAnalytics>, z.infer<typeof freelancerAnalyticsSchema>> = true;
export const clientSpendShape: SameShape<Resolved<typeof clientSpendByProject>, z.infer<typeof clientSpendSchema>> = true;
