import { and, asc, eq, lte, sql } from "drizzle-orm";
import { contracts, milestones } from "../../../db/schema";
import { contractNotices } from "../contract-core/notify";
import type { DomainContext } from "../context";
import { DuplicateKeyError } from "../ledger/batch";
import { milestoneForParty } from "./access";
import { commitHeldMovement } from "./release";
import { AUTO_APPROVE_AFTER_MS } from "./view";

/** A disputed milestone is frozen: the dispute decides where its funds go, not the review period. */
const notDisputed = sql`not exists (select 1 from disputes d where d.milestone_id = ${milestones.id} and d.status in ('open', 'answered'))`;

/** A daily run handles at most this many; the next run picks up the rest. */
const AUTO_APPROVE_BATCH = 500;

/**
 * Approves submitted work the client left unanswered for AUTO_APPROVE_AFTER_DAYS, releasing its held funds
 * as if the client had approved it. Uses the same key as a manual approval, so the two never both pay.
 */
export async function autoApproveStaleMilestones(ctx: DomainContext): Promise<{ approved: number; failed: number }> {
  const cutoff = new Date(ctx.clock.now().getTime() - AUTO_APPROVE_AFTER_MS);
  const stale = await ctx.db
    .select({ id: milestones.id, clientId: contracts.clientId })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .where(and(eq(milestones.status, "submitted"), lte(milestones.submittedAt, cutoff), eq(contracts.status, "active"), notDisputed))
    .orderBy(asc(milestones.submittedAt))
    .limit(AUTO_APPROVE_BATCH);
  let approved = 0;
  let failed = 0;
  for (const { id, clientId } of stale) {
    try {
      const access = await milestoneForParty(ctx, id, clientId);
      if (access.milestone.status !== "submitted" || access.funds.held <= 0) continue;
      await commitHeldMovement(
        ctx,
        access,
        {
          kind: "release",
          amount: access.funds.held,
          reason: "Approved automatically: no answer from the client within the review period",
          idempotencyKey: `approve:${id}`,
          actorId: null,
          eventType: "milestone.approved",
          statusWhenEmpty: "approved",
          milestoneChanges: { autoApproved: true },
          eventData: { auto: true },
        },
        null,
      );
      approved++;
      await contractNotices.approved(ctx, access.contract, access.milestone, true);
    } catch (error) {
      if (error instanceof DuplicateKeyError) continue;
      failed++;
      ctx.log("auto-approval failed", { milestoneId: id, error: String(error) });
    }
  }
  return { approved, failed };
}
