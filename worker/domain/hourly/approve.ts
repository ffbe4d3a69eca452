import { and, asc, desc, eq, lte, sql } from "drizzle-orm";
import {
  contracts,
  milestones,
  payments,
  timesheets,
  type Contract,
  type PaymentProviderName,
  type Timesheet,
  type User,
} from "../../../db/schema";
import { requireMoneyReady, requireParty } from "../contract-core/access";
import { bumpContractStatement, contractEventStatement } from "../contract-core/events";
import { paymentsOf, type DomainContext } from "../context";
import { AppError } from "../errors";
import { commitMoneyBatch, DuplicateKeyError, isChangedMeanwhile } from "../ledger/batch";
import { milestoneForParty, wrongState } from "../milestones/access";
import { commitHeldMovement } from "../milestones/release";
import { AUTO_APPROVE_AFTER_MS } from "../milestones/view";
import { auditStatement } from "../shared/audit";
import { confirmPayment } from "../payments/confirm";
import { PROVIDER_NAMES } from "../payments/fund";
import type { FundingProvider, PaymentProviders } from "../payments/provider";
import { timesheetKey } from "../payments/timesheet-keys";
import { timesheetNotices } from "./notify";
import { loadTimesheet, timesheetForParty, toTimesheetView, type TimesheetView } from "./timesheets";
import { formatMinutes, isoWeekLabel } from "../time/weeks";

export interface ApproveResult {
  timesheet: TimesheetView;
  /** Where the week's money stands: charged and paid out, or waiting for the provider to confirm the charge. */
  settlement: "paid" | "awaiting_payment";
  replayed: boolean;
}

const SETTLE_ATTEMPTS = 3;
const AUTO_APPROVE_BATCH = 200;

/** The provider the client paid with last on this contract, else the sandbox. */
async function providerFor(
  ctx: DomainContext,
  contract: Contract,
  providers: PaymentProviders,
  asked?: PaymentProviderName,
): Promise<FundingProvider> {
  let name = asked;
  if (!name) {
    const [last] = await ctx.db
      .select({ provider: payments.provider })
      .from(payments)
      .where(and(eq(payments.contractId, contract.id), eq(payments.status, "succeeded")))
      .orderBy(desc(payments.id))
      .limit(1);
    name = last?.provider ?? "sandbox";
  }
  const provider = providers.funding[name];
  if (!provider) {
    throw new AppError(422, "provider_unavailable", `${PROVIDER_NAMES[name]} is not available on this server.`, {
      provider: ["Not available on this server."],
    });
  }
  return provider;
}

/**
 * Approval, step one (one atomic batch): the week becomes a milestone of the contract holding the approved
 * amount, submitted for the week, and a pending charge with the key `timesheet:<id>`. A repeated or racing
 * approval fails on that key or on the contract version, and only settles.
 */
async function recordApproval(ctx: DomainContext, contract: Contract, sheet: Timesheet, actorId: string | null, provider: FundingProvider) {
  const now = ctx.clock.now();
  const milestoneId = ctx.newId();
  const paymentId = ctx.newId();
  const data = {
    timesheetId: sheet.id,
    weekStart: sheet.weekStart,
    minutes: sheet.minutes,
    amount: sheet.amount,
    currency: sheet.currency,
    auto: actorId === null,
  };
  await commitMoneyBatch(ctx, [
    bumpContractStatement(ctx, contract),
    ctx.db.insert(milestones).values({
      id: milestoneId,
      contractId: contract.id,
      position: sql<number>`(select coalesce(max(${milestones.position}), 0) + 1 from ${milestones} where ${milestones.contractId} = ${contract.id})`,
      title: `Hours for ${isoWeekLabel(sheet.weekStart)} (${formatMinutes(sheet.minutes)})`,
      amount: sheet.amount,
      currency: sheet.currency,
      status: "submitted",
      submittedAt: sheet.submittedAt,
      createdAt: now,
      updatedAt: now,
    }),
    ctx.db.insert(payments).values({
      id: paymentId,
      provider: provider.name,
      status: "pending",
      amount: sheet.amount,
      currency: sheet.currency,
      milestoneId,
      contractId: contract.id,
      payerId: contract.clientId,
      idempotencyKey: timesheetKey(sheet.id),
      createdAt: now,
    }),
    ctx.db
      .update(timesheets)
      .set({ status: "approved", decidedAt: now, updatedAt: now, milestoneId, paymentId, autoApproved: actorId === null })
      .where(and(eq(timesheets.id, sheet.id), eq(timesheets.status, "submitted"))),
    contractEventStatement(ctx, { contractId: contract.id, milestoneId, type: "timesheet.approved", actorId, data }),
    auditStatement(ctx, {
      type: "hourly.timesheet_approved",
      actorId,
      subjectType: "timesheet",
      subjectId: sheet.id,
      data: { ...data, paymentId },
    }),
  ]);
}

/**
 * Approval, step two, safe to repeat at any point: charge the client through the provider (the sandbox
 * settles at once and confirms through confirmPayment, like a webhook), then release the week's funds to
 * the freelancer less the fee with the key `timesheet:<id>`. Returns whether the week is fully paid.
 */
export async function settleTimesheet(
  ctx: DomainContext,
  timesheetId: string,
  providers: PaymentProviders,
): Promise<"paid" | "awaiting_payment"> {
  for (let attempt = 1; ; attempt++) {
    const sheet = await loadTimesheet(ctx, timesheetId);
    if (!sheet?.paymentId || !sheet.milestoneId) throw wrongState("This timesheet is not approved.");
    let [payment] = await ctx.db.select().from(payments).where(eq(payments.id, sheet.paymentId)).limit(1);
    if (payment.status === "pending" && !payment.providerRef) {
      const provider = providers.funding[payment.provider];
      if (!provider)
        throw new AppError(422, "provider_unavailable", `${PROVIDER_NAMES[payment.provider]} is not available on this server.`);
      let started;
      try {
        // The payment id doubles as the provider's idempotency key, so a repeated start never charges twice.
        started = await provider.startPayment({
          paymentId: payment.id,
          milestoneId: sheet.milestoneId,
          amount: payment.amount,
          currency: payment.currency,
          payerId: payment.payerId,
          description: `Hours for ${isoWeekLabel(sheet.weekStart)}`,
        });
      } catch (error) {
        ctx.log("payment provider refused a timesheet charge", { timesheetId, paymentId: payment.id, error: String(error) });
        throw new AppError(
          502,
          "provider_error",
          "The payment provider did not accept the charge. The week stays approved; try again shortly.",
        );
      }
      await ctx.db
        .update(payments)
        .set({ providerRef: started.providerRef })
        .where(and(eq(payments.id, payment.id), sql`${payments.providerRef} is null`));
      if (started.status === "succeeded") await confirmPayment(ctx, started.providerRef);
      [payment] = await ctx.db.select().from(payments).where(eq(payments.id, sheet.paymentId)).limit(1);
    }
    if (payment.status !== "succeeded") return "awaiting_payment";
    const [contract] = await ctx.db.select({ clientId: contracts.clientId }).from(contracts).where(eq(contracts.id, sheet.contractId));
    const access = await milestoneForParty(ctx, sheet.milestoneId, contract.clientId);
    if (access.funds.held <= 0 || access.milestone.status !== "submitted") return "paid";
    try {
      await commitHeldMovement(
        ctx,
        access,
        {
          kind: "release",
          amount: access.funds.held,
          reason: sheet.autoApproved ? "Timesheet approved automatically after the review period" : "Timesheet approved",
          idempotencyKey: timesheetKey(sheet.id),
          actorId: sheet.autoApproved ? null : contract.clientId,
          eventType: "timesheet.paid",
          statusWhenEmpty: "approved",
          milestoneChanges: { autoApproved: sheet.autoApproved },
          eventData: { timesheetId: sheet.id, weekStart: sheet.weekStart, minutes: sheet.minutes },
        },
        null,
      );
      await timesheetNotices.approved(ctx, access.contract, sheet);
      return "paid";
    } catch (error) {
      if (error instanceof DuplicateKeyError) return "paid";
      if (isChangedMeanwhile(error) && attempt < SETTLE_ATTEMPTS) continue;
      throw error;
    }
  }
}

async function approveAs(
  ctx: DomainContext,
  contract: Contract,
  sheet: Timesheet,
  actorId: string | null,
  providers: PaymentProviders,
  asked?: PaymentProviderName,
): Promise<{ settlement: ApproveResult["settlement"]; replayed: boolean }> {
  let replayed = sheet.status === "approved";
  if (!replayed) {
    if (sheet.status !== "submitted") throw wrongState(`Only a submitted timesheet can be approved; this one is ${sheet.status}.`);
    if (contract.status !== "active") throw wrongState("Timesheets can only be approved on an active contract.");
    const provider = await providerFor(ctx, contract, providers, asked);
    provider.assertCanCharge?.({ amount: sheet.amount, currency: sheet.currency });
    try {
      await recordApproval(ctx, contract, sheet, actorId, provider);
    } catch (error) {
      // A racing twin won on the key or the contract version: settle what it recorded.
      if (!(error instanceof DuplicateKeyError || isChangedMeanwhile(error))) throw error;
      if ((await loadTimesheet(ctx, sheet.id))?.status !== "approved") throw error;
      replayed = true;
    }
  }
  return { settlement: await settleTimesheet(ctx, sheet.id, providers), replayed };
}

/**
 * The client approves a submitted week: approved hours × rate is charged and paid to the freelancer less
 * the platform fee, like an approved milestone. Approving again returns the first result and charges nothing.
 */
export async function approveTimesheet(
  ctx: DomainContext,
  actor: User,
  timesheetId: string,
  input: { provider?: PaymentProviderName },
): Promise<ApproveResult> {
  const providers = paymentsOf(ctx);
  const { sheet, access } = await timesheetForParty(ctx, timesheetId, actor.id);
  requireParty(access, "client", "approve timesheets");
  requireMoneyReady(actor);
  const { settlement, replayed } = await approveAs(ctx, access.contract, sheet, actor.id, providers, input.provider);
  return { timesheet: toTimesheetView((await loadTimesheet(ctx, timesheetId)) as Timesheet), settlement, replayed };
}

/**
 * Daily: approves weeks the client left unanswered for the milestone review window, and finishes any
 * approval whose charge or release was interrupted.
 */
export async function autoApproveStaleTimesheets(ctx: DomainContext): Promise<{ approved: number; failed: number }> {
  const providers = paymentsOf(ctx);
  const cutoff = new Date(ctx.clock.now().getTime() - AUTO_APPROVE_AFTER_MS);
  const due = await ctx.db
    .select({ sheet: timesheets, contract: contracts })
    .from(timesheets)
    .innerJoin(contracts, eq(contracts.id, timesheets.contractId))
    .where(and(eq(timesheets.status, "submitted"), lte(timesheets.submittedAt, cutoff), eq(contracts.status, "active")))
    .orderBy(asc(timesheets.submittedAt))
    .limit(AUTO_APPROVE_BATCH);
  const unfinished = await ctx.db
    .select({ sheet: timesheets, contract: contracts })
    .from(timesheets)
    .innerJoin(contracts, eq(contracts.id, timesheets.contractId))
    .innerJoin(milestones, eq(milestones.id, timesheets.milestoneId))
    .where(and(eq(timesheets.status, "approved"), eq(milestones.status, "submitted")))
    .limit(AUTO_APPROVE_BATCH);
  let approved = 0;
  let failed = 0;
  for (const { sheet, contract } of [...due, ...unfinished]) {
    try {
      await approveAs(ctx, contract, sheet, null, providers);
      if (sheet.status === "submitted") approved++;
    } catch (error) {
      failed++;
      ctx.log("timesheet auto-approval failed", { timesheetId: sheet.id, error: String(error) });
    }
  }
  return { approved, failed };
}
