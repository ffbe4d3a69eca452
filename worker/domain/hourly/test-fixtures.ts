/** Hourly contracts for tests, made the way the product makes them (project, proposal, offer, terms, accept). */
import { eq, sql } from "drizzle-orm";
import { ledgerEntries, ledgerTransactions, payments } from "../../../db/schema";
import { acceptContract, updateContractTerms } from "../contracts/lifecycle";
import { offeredContract } from "../contracts/test-fixtures";
import type { DomainContext } from "../context";
import { ledgerAccounts } from "../ledger/accounts";
import { accountBalance } from "../ledger/balances";

/** An active hourly contract at `rate` minor units per hour with an optional weekly limit in hours. */
export async function hourlyContract(ctx: DomainContext, options: { rate?: number; weeklyHourLimit?: number | null } = {}) {
  const f = await offeredContract(ctx, { budgetType: "hourly", bid: options.rate ?? 5_000 });
  await updateContractTerms(ctx, f.client, f.contractId, {
    hourlyRate: options.rate ?? 5_000,
    weeklyHourLimit: options.weeklyHourLimit === undefined ? 10 : options.weeklyHourLimit,
  });
  await acceptContract(ctx, f.freelancer, f.contractId);
  return f;
}

/** The money picture of a contract: every transaction balanced, and the balances that matter. */
export async function moneyOf(ctx: DomainContext, f: { contractId: string; freelancer: { id: string }; currency: string }) {
  const unbalanced = await ctx.db
    .select({ id: ledgerTransactions.id })
    .from(ledgerTransactions)
    .innerJoin(ledgerEntries, eq(ledgerEntries.transactionId, ledgerTransactions.id))
    .where(eq(ledgerTransactions.contractId, f.contractId))
    .groupBy(ledgerTransactions.id, ledgerEntries.currency)
    .having(sql`sum(${ledgerEntries.amount}) <> 0`);
  const charges = await ctx.db.select().from(payments).where(eq(payments.contractId, f.contractId));
  return {
    unbalanced: unbalanced.length,
    charges: charges.filter((p) => p.status === "succeeded").map((p) => p.amount),
    escrow: await accountBalance(ctx, ledgerAccounts.escrow(f.contractId), f.currency),
    freelancer: await accountBalance(ctx, ledgerAccounts.freelancer(f.freelancer.id), f.currency),
  };
}
