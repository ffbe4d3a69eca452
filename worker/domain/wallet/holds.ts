import { and, desc, eq, isNull } from "drizzle-orm";
import { payoutHolds, type PayoutHold } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { auditStatement } from "../shared/audit";
import { auditMeta, requireAdmin, type AdminActor } from "../auth/admin";

export async function activePayoutHold(ctx: DomainContext, userId: string): Promise<PayoutHold | undefined> {
  const [hold] = await ctx.db
    .select()
    .from(payoutHolds)
    .where(and(eq(payoutHolds.userId, userId), isNull(payoutHolds.releasedAt)))
    .limit(1);
  return hold;
}

/** Payouts wait while an account is under review: 423 Locked, with what to do about it. */
export async function requireNoPayoutHold(ctx: DomainContext, userId: string): Promise<void> {
  const hold = await activePayoutHold(ctx, userId);
  if (hold)
    throw new AppError(
      423,
      "payouts_on_hold",
      `Payouts from this account are on hold while we review it (${hold.reason}). Your balance is safe; contact support if this takes more than two business days.`,
    );
}

export async function placePayoutHold(ctx: DomainContext, actor: AdminActor, userId: string, reason: string): Promise<PayoutHold> {
  requireAdmin(actor);
  if (await activePayoutHold(ctx, userId)) throw new AppError(409, "already_on_hold", "Payouts of this account are already on hold.");
  const id = ctx.newId();
  const now = ctx.clock.now();
  await ctx.db.batch([
    ctx.db.insert(payoutHolds).values({ id, userId, reason, createdBy: actor.user.id, createdAt: now }),
    auditStatement(ctx, {
      type: "admin.payout_hold",
      ...auditMeta(actor),
      subjectType: "user",
      subjectId: userId,
      data: { reason, holdId: id },
    }),
  ]);
  return (await activePayoutHold(ctx, userId))!;
}

export async function releasePayoutHold(ctx: DomainContext, actor: AdminActor, userId: string, reason: string): Promise<void> {
  requireAdmin(actor);
  const hold = await activePayoutHold(ctx, userId);
  if (!hold) throw new AppError(409, "not_on_hold", "Payouts of this account are not on hold.");
  await ctx.db.batch([
    ctx.db.update(payoutHolds).set({ releasedAt: ctx.clock.now(), releasedBy: actor.user.id }).where(eq(payoutHolds.id, hold.id)),
    auditStatement(ctx, {
      type: "admin.payout_hold_released",
      ...auditMeta(actor),
      subjectType: "user",
      subjectId: userId,
      data: { reason, holdId: hold.id },
    }),
  ]);
}

export async function payoutHoldHistory(ctx: DomainContext, userId: string) {
  return ctx.db.select().from(payoutHolds).where(eq(payoutHolds.userId, userId)).orderBy(desc(payoutHolds.id)).limit(20);
}
