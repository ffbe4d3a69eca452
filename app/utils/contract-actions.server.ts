import { z } from "zod";
import type { User } from "../../db/schema";
import { acceptContract, declineContract, endContract, updateContractTerms } from "../../worker/domain/contracts/lifecycle";
import type { DomainContext } from "../../worker/domain/context";
import { weeklyHourLimit } from "../../worker/domain/contract-core/terms-input";
import { declineReason, endReason } from "../../worker/domain/contracts/input";
import { AppError } from "../../worker/domain/errors";
import { changeRequest, milestoneTitle } from "../../worker/domain/milestones/inputs";
import { moneyReason } from "../../worker/domain/shared/reasons";
import { parseInput } from "../../worker/domain/shared/validate";
import { addMilestone } from "../../worker/domain/milestones/manage";
import { approveMilestone, refundHeldFunds, releaseHeldFunds } from "../../worker/domain/milestones/release";
import { requestMilestoneChanges, submitMilestoneWithUploads } from "../../worker/domain/milestones/workflow";
import type { FileBucket, UploadedFile } from "../../worker/domain/files/uploads";
import { cancelPayment } from "../../worker/domain/payments/cancel";
import type { ChargeQuote } from "../../worker/domain/currency/payable";
import { fundMilestone } from "../../worker/domain/payments/fund";
import { quoteMilestoneCharge } from "../../worker/domain/payments/quote";
import { toMinorUnits } from "./money";

export { chosenFiles } from "../../worker/domain/files/uploads";

const text = (max: number) => z.string().trim().max(max);
const required = (max: number, message: string) => z.string().trim().min(1, message).max(max);
const date = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2031-12-31.")]).optional();
const milestoneId = z.string().min(1).max(64);
/** One random key per rendered form: submitting the same form twice moves money once. */
const key = z.string().min(8).max(100);

/** Every button on the contract page; one schema, handled by one switch. */
export const contractIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept") }),
  z.object({ intent: z.literal("decline"), reason: declineReason.optional() }),
  z.object({ intent: z.literal("end"), reason: endReason }),
  z.object({
    intent: z.literal("terms"),
    amount: text(30).optional(),
    hourlyRate: text(30).optional(),
    weeklyHourLimit: text(5).optional(),
    startDate: date,
  }),
  z.object({
    intent: z.literal("add-milestone"),
    title: milestoneTitle,
    amount: required(30, "Enter an amount."),
    dueDate: date,
  }),
  z.object({
    intent: z.literal("fund"),
    milestoneId,
    key,
    currency: z.string().trim().max(3).optional(),
    /** The charge the client saw, in minor units of the paying currency. */
    chargedAmount: z
      .string()
      .regex(/^\d{1,15}$/, "Check the amount to charge.")
      .optional(),
  }),
  z.object({ intent: z.literal("cancel-payment"), milestoneId, paymentId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("submit"), milestoneId, message: text(5000).optional() }),
  z.object({ intent: z.literal("approve"), milestoneId, key }),
  z.object({ intent: z.literal("request-changes"), milestoneId, message: changeRequest }),
  z.object({
    intent: z.literal("release"),
    milestoneId,
    key,
    amount: required(30, "Enter an amount."),
    reason: moneyReason,
  }),
  z.object({
    intent: z.literal("refund"),
    milestoneId,
    key,
    amount: required(30, "Enter an amount."),
    reason: moneyReason,
  }),
]);
export type ContractIntent = z.infer<typeof contractIntentSchema>;

function minor(value: string | undefined, currency: string, field: string): number | undefined {
  if (!value) return undefined;
  const amount = toMinorUnits(value, currency);
  if (amount === null || amount <= 0) {
    throw new AppError(422, "validation_failed", "Enter a positive amount, like 150.00.", {
      [field]: ["Enter a positive amount, like 150.00."],
    });
  }
  return amount;
}

/**
 * Paying in another currency than the contract's shows the exact charge first: a fund request for such a
 * currency that does not name the charge the client saw gets the quote to confirm instead of paying.
 */
export async function chargeToConfirm(
  ctx: DomainContext,
  actor: User,
  contract: { currency: string },
  intent: ContractIntent,
): Promise<ChargeQuote | null> {
  if (intent.intent !== "fund" || !intent.currency || intent.currency.toUpperCase() === contract.currency || intent.chargedAmount)
    return null;
  return quoteMilestoneCharge(ctx, actor, intent.milestoneId, intent.currency);
}

/** Runs one intent for the signed-in party; domain errors (AppError) go back to the form. */
export async function runContractIntent(
  ctx: DomainContext,
  actor: User,
  contract: { id: string; currency: string; type: string },
  intent: ContractIntent,
  uploads: { bucket: FileBucket; files: UploadedFile[] },
) {
  const { currency } = contract;
  switch (intent.intent) {
    case "accept":
      return acceptContract(ctx, actor, contract.id);
    case "decline":
      return declineContract(ctx, actor, contract.id, { reason: intent.reason });
    case "end":
      return endContract(ctx, actor, contract.id, { reason: intent.reason });
    case "terms": {
      const weekly = intent.weeklyHourLimit
        ? parseInput(z.object({ weeklyHourLimit }), { weeklyHourLimit: Number(intent.weeklyHourLimit) }).weeklyHourLimit
        : null;
      return updateContractTerms(
        ctx,
        actor,
        contract.id,
        contract.type === "hourly"
          ? { hourlyRate: minor(intent.hourlyRate, currency, "hourlyRate"), weeklyHourLimit: weekly, startDate: intent.startDate || null }
          : { amount: minor(intent.amount, currency, "amount"), startDate: intent.startDate || null },
      );
    }
    case "add-milestone":
      return addMilestone(ctx, actor, contract.id, {
        title: intent.title,
        amount: minor(intent.amount, currency, "amount")!,
        dueDate: intent.dueDate || null,
      });
    case "fund":
      return fundMilestone(ctx, actor, intent.milestoneId, {
        provider: "sandbox",
        idempotencyKey: intent.key,
        currency: intent.currency || null,
        chargedAmount: intent.chargedAmount ? Number(intent.chargedAmount) : null,
      });
    case "cancel-payment":
      return cancelPayment(ctx, actor, intent.paymentId);
    case "submit":
      return submitMilestoneWithUploads(ctx, uploads.bucket, actor, intent.milestoneId, { message: intent.message, files: uploads.files });
    case "approve":
      return approveMilestone(ctx, actor, intent.milestoneId, { idempotencyKey: intent.key });
    case "request-changes":
      return requestMilestoneChanges(ctx, actor, intent.milestoneId, { message: intent.message });
    case "release":
    case "refund": {
      const move = intent.intent === "release" ? releaseHeldFunds : refundHeldFunds;
      return move(ctx, actor, intent.milestoneId, {
        amount: minor(intent.amount, currency, "amount")!,
        reason: intent.reason,
        idempotencyKey: intent.key,
      });
    }
    default:
      return intent satisfies never;
  }
}
