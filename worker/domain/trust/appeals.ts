import { and, desc, eq, lt, sql } from "drizzle-orm";
import { accountAppeals, APPEAL_STATUSES, users, type AppealStatus } from "../../../db/schema";
import { findUserByEmail } from "../auth/accounts";
import type { RequestMeta } from "../auth/sessions";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { auditStatement, recordEvent } from "../shared/audit";
import { auditMeta, pageLimit, requireAdmin, type AdminActor } from "../auth/admin";
import { unblockUser } from "./blocks";
import { APPEAL_DECISIONS } from "./values";
import { trustEmails } from "./emails";

export const APPEALS_PER_HOUR_PER_IP = 5;
const HOUR_MS = 60 * 60 * 1000;

export { appealInputSchema } from "./values";

/** What the appeal form answers whatever the address, so it never tells who has an account or a block. */
export const APPEAL_RECEIVED =
  "Thank you. If this address belongs to a blocked account, your appeal is now in our queue and an admin will answer by email.";

/**
 * A blocked account asks to be let back in. Only a blocked account's appeal is queued (one pending at a
 * time: a second one adds nothing); the answer is the same for any address.
 */
export async function submitAppeal(
  ctx: DomainContext,
  input: { email: string; message: string },
  meta: RequestMeta,
): Promise<{ message: string }> {
  const limit = await ctx.rateLimiter.hit(`appeal:ip:${meta.ip ?? "unknown"}`, APPEALS_PER_HOUR_PER_IP, HOUR_MS);
  if (limit.limited)
    throw new AppError(429, "too_many_requests", "Too many appeals from this network. Please wait before trying again.", undefined, {
      "Retry-After": String(limit.retryAfterSeconds),
    });
  const user = await findUserByEmail(ctx, input.email);
  if (user?.blockedAt) {
    const inserted = await ctx.db
      .insert(accountAppeals)
      .values({ id: ctx.newId(), userId: user.id, message: input.message, blockReason: user.blockedReason, createdAt: ctx.clock.now() })
      .onConflictDoNothing()
      .returning({ id: accountAppeals.id });
    if (inserted.length > 0)
      await recordEvent(ctx, {
        type: "trust.appeal_submitted",
        actorId: user.id,
        subjectType: "appeal",
        subjectId: inserted[0].id,
        ...meta,
      });
  }
  return { message: APPEAL_RECEIVED };
}

export function toAppealView(a: typeof accountAppeals.$inferSelect, user: { name: string; email: string; blockedAt: Date | null } | null) {
  return {
    id: a.id,
    userId: a.userId,
    user: user ? { name: user.name, email: user.email, blocked: Boolean(user.blockedAt) } : null,
    message: a.message,
    blockReason: a.blockReason,
    status: a.status,
    decisionNote: a.decisionNote,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}

export async function listAppeals(
  ctx: DomainContext,
  actor: AdminActor,
  input: { status?: AppealStatus; cursor?: string; limit?: number },
) {
  requireAdmin(actor);
  const limit = pageLimit(input.limit);
  const byStatus = input.status ? eq(accountAppeals.status, input.status) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select({ appeal: accountAppeals, user: { name: users.name, email: users.email, blockedAt: users.blockedAt } })
      .from(accountAppeals)
      .leftJoin(users, eq(users.id, accountAppeals.userId))
      .where(and(byStatus, input.cursor ? lt(accountAppeals.id, input.cursor) : undefined))
      .orderBy(desc(accountAppeals.id))
      .limit(limit + 1),
    ctx.db
      .select({ total: sql<number>`count(*)` })
      .from(accountAppeals)
      .where(byStatus),
  ]);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => toAppealView(r.appeal, r.user)),
    nextCursor: rows.length > limit ? page[page.length - 1].appeal.id : null,
    total: Number(total),
  };
}

export { APPEAL_DECISIONS } from "./values";

/** Accepting lifts the block; rejecting keeps it and tells the owner. Either way the appeal leaves the queue. */
export async function decideAppeal(
  ctx: DomainContext,
  actor: AdminActor,
  appealId: string,
  input: { decision: (typeof APPEAL_DECISIONS)[number]; note: string },
) {
  requireAdmin(actor);
  const [row] = await ctx.db
    .select({ appeal: accountAppeals, user: users })
    .from(accountAppeals)
    .innerJoin(users, eq(users.id, accountAppeals.userId))
    .where(eq(accountAppeals.id, appealId))
    .limit(1);
  if (!row) throw new AppError(404, "not_found", "No such appeal.");
  if (row.appeal.status !== "pending") throw new AppError(409, "already_decided", `This appeal was already ${row.appeal.status}.`);
  if (input.decision === "accept") {
    if (row.user.blockedAt) await unblockUser(ctx, actor, row.user.id, { reason: `Appeal accepted: ${input.note}` });
    await ctx.db
      .update(accountAppeals)
      .set({ status: "accepted", decisionNote: input.note, decidedBy: actor.user.id, decidedAt: ctx.clock.now() })
      .where(and(eq(accountAppeals.id, appealId), eq(accountAppeals.status, "pending")));
  } else {
    await ctx.db.batch([
      ctx.db
        .update(accountAppeals)
        .set({ status: "rejected", decisionNote: input.note, decidedBy: actor.user.id, decidedAt: ctx.clock.now() })
        .where(eq(accountAppeals.id, appealId)),
      auditStatement(ctx, {
        type: "admin.appeal_rejected",
        ...auditMeta(actor),
        subjectType: "appeal",
        subjectId: appealId,
        data: { userId: row.user.id, note: input.note },
      }),
    ]);
    await ctx.sendEmail(trustEmails.appealRejected(row.user.email, row.user.name, input.note));
  }
  if (input.decision === "accept")
    await recordEvent(ctx, {
      type: "admin.appeal_accepted",
      ...auditMeta(actor),
      subjectType: "appeal",
      subjectId: appealId,
      data: { userId: row.user.id, note: input.note },
    });
  const [updated] = await ctx.db.select().from(accountAppeals).where(eq(accountAppeals.id, appealId));
  return toAppealView(updated, {
    name: row.user.name,
    email: row.user.email,
    blockedAt: input.decision === "accept" ? null : row.user.blockedAt,
  });
}

export { APPEAL_STATUSES };
