import { z } from "zod";
import {
  APPEAL_STATUSES,
  DISPUTE_PARTY_ROLES,
  FRAUD_ALERT_KINDS,
  FRAUD_ALERT_STATUSES,
  PROJECT_STATUSES,
  PROJECT_VISIBILITIES,
  RISK_LEVELS,
  ROLES,
} from "../../../db/schema";
import { countedPageSchema, pageSchema, timestampSchema, type Resolved, type SameShape } from "../shared/views";
import type { AlertView, alertsSummary } from "./alerts";
import type { submitAppeal, toAppealView } from "./appeals";
import type { listAuditEvents } from "./audit-log";
import type { RiskScore } from "./signals";
import type { toModerationView } from "./moderation";
import type { ReviewModerationView } from "./review-moderation";
import type { SweepResult } from "./sweep";
import type { adminUserDetail, toAdminUserView } from "./users-admin";

/** One reason a risk score went up, with the evidence an admin checks it by. */
export const riskSignalSchema = z.object({
  code: z.string(),
  label: z.string(),
  points: z.number(),
  evidence: z.record(z.string(), z.unknown()).optional(),
});
/** A score from 0 to 100, its level and the signals that made it. */
export const riskScoreSchema = z.object({ score: z.number(), level: z.enum(RISK_LEVELS), signals: z.array(riskSignalSchema) });

/** The account a fraud alert or appeal is about, as admins see it. */
const flaggedAccountSchema = z.object({ name: z.string(), email: z.string(), blocked: z.boolean() }).nullable();

export const alertViewSchema = z.object({
  id: z.string(),
  kind: z.enum(FRAUD_ALERT_KINDS),
  subjectType: z.enum(["user", "project", "payment"]),
  subjectId: z.string(),
  userId: z.string().nullable(),
  user: flaggedAccountSchema,
  score: z.number().int(),
  level: z.enum(RISK_LEVELS),
  signals: z.array(riskSignalSchema),
  status: z.enum(FRAUD_ALERT_STATUSES),
  note: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export const alertsPageSchema = countedPageSchema(alertViewSchema);

const countsByLevel = z.object(
  Object.fromEntries(RISK_LEVELS.map((l) => [l, z.number().int()])) as Record<(typeof RISK_LEVELS)[number], z.ZodNumber>,
);
const countsByStatus = z.object(
  Object.fromEntries(FRAUD_ALERT_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof FRAUD_ALERT_STATUSES)[number], z.ZodNumber>,
);
export const alertsSummarySchema = z.object({
  total: z.number().int(),
  bySeverity: countsByLevel,
  byStatus: countsByStatus,
  openBySeverity: countsByLevel,
});

/** What a fraud sweep looked at and what it raised. */
export const sweepResultSchema = z.object({
  windowStart: timestampSchema,
  windowEnd: timestampSchema,
  scored: z.object({ users: z.number().int(), projects: z.number().int(), payments: z.number().int() }),
  flagged: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  held: z.number().int(),
});

export const appealViewSchema = z.object({
  id: z.string(),
  userId: z.string(),
  user: flaggedAccountSchema,
  message: z.string(),
  blockReason: z.string().nullable(),
  status: z.enum(APPEAL_STATUSES),
  decisionNote: z.string().nullable(),
  decidedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
});
export const appealsPageSchema = countedPageSchema(appealViewSchema);
/** The same answer for any address, so it reveals nothing about accounts. */
export const appealReceivedSchema = z.object({ message: z.string() });

export const adminUserViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  emailVerified: z.boolean(),
  blocked: z.boolean(),
  blockedAt: timestampSchema.nullable(),
  blockedReason: z.string().nullable(),
  createdAt: timestampSchema,
});
export const adminUsersPageSchema = pageSchema(adminUserViewSchema);
export const payoutHoldViewSchema = z.object({ id: z.string(), reason: z.string(), createdAt: timestampSchema });
export const adminUserDetailSchema = z.object({
  user: adminUserViewSchema,
  risk: riskScoreSchema,
  alerts: z.array(alertViewSchema),
  appeals: z.array(appealViewSchema),
  payoutHold: payoutHoldViewSchema.extend({ automatic: z.boolean() }).nullable(),
  activeSessions: z.number().int(),
});

export const moderationProjectSchema = z.object({
  id: z.string(),
  title: z.string(),
  clientId: z.string(),
  client: z.object({ name: z.string(), email: z.string() }).nullable(),
  status: z.enum(PROJECT_STATUSES),
  visibility: z.enum(PROJECT_VISIBILITIES),
  budgetMin: z.number().int(),
  budgetMax: z.number().int(),
  currency: z.string(),
  hidden: z.boolean(),
  hiddenAt: timestampSchema.nullable(),
  hiddenReason: z.string().nullable(),
  hiddenBy: z.string().nullable(),
  createdAt: timestampSchema,
});
export const moderationProjectsPageSchema = pageSchema(moderationProjectSchema);

const reviewPersonSchema = z.object({ id: z.string(), name: z.string() }).nullable();
export const moderationReviewSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  authorId: z.string(),
  author: reviewPersonSchema,
  subjectId: z.string(),
  subject: reviewPersonSchema,
  authorRole: z.enum(DISPUTE_PARTY_ROLES),
  rating: z.number().int(),
  comment: z.string(),
  privateNote: z.string().nullable(),
  published: z.boolean(),
  hidden: z.boolean(),
  hiddenAt: timestampSchema.nullable(),
  hiddenReason: z.string().nullable(),
  hiddenBy: z.string().nullable(),
  createdAt: timestampSchema,
});
export const moderationReviewsPageSchema = pageSchema(moderationReviewSchema);

export const auditEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  actorId: z.string().nullable(),
  actor: z.object({ name: z.string(), email: z.string().nullable() }).nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  ip: z.string().nullable(),
  country: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  createdAt: timestampSchema,
});
export const auditPageSchema = pageSchema(auditEventSchema);

export const riskScoreShape: SameShape<RiskScore, z.infer<typeof riskScoreSchema>> = true;
export const alertViewShape: SameShape<AlertView, z.infer<typeof alertViewSchema>> = true;
export const alertsSummaryShape: SameShape<Resolved<typeof alertsSummary>, z.infer<typeof alertsSummarySchema>> = true;
export const sweepResultShape: SameShape<SweepResult, z.infer<typeof sweepResultSchema>> = true;
export const appealViewShape: SameShape<ReturnType<typeof toAppealView>, z.infer<typeof appealViewSchema>> = true;
export const appealReceivedShape: SameShape<Resolved<typeof submitAppeal>, z.infer<typeof appealReceivedSchema>> = true;
export const adminUserViewShape: SameShape<ReturnType<typeof toAdminUserView>, z.infer<typeof adminUserViewSchema>> = true;
export const adminUserDetailShape: SameShape<Resolved<typeof adminUserDetail>, z.infer<typeof adminUserDetailSchema>> = true;
export const moderationProjectShape: SameShape<ReturnType<typeof toModerationView>, z.infer<typeof moderationProjectSchema>> = true;
export const moderationReviewShape: SameShape<ReviewModerationView, z.infer<typeof moderationReviewSchema>> = true;
export const auditEventShape: SameShape<Resolved<typeof listAuditEvents>["items"][number], z.infer<typeof auditEventSchema>> = true;

/** A risk score computed on demand for one subject, with the account (and project) it concerns. */
export const riskCheckSchema = riskScoreSchema.extend({
  subjectType: z.enum(["user", "project", "proposal", "payment"]),
  subjectId: z.string(),
  /** The account the subject belongs to (the project's client, the proposal's freelancer, the payer). */
  userId: z.string().optional(),
  /** The project a checked proposal was sent to. */
  projectId: z.string().optional(),
  checkedAt: timestampSchema,
});
