/**
 * Contracts for money tests, made the way the product makes them: a client posts a project, a freelancer
 * proposes, the client accepts (the marketplace area's domain functions), then our own functions take over.
 */
import { and, eq, sql } from "drizzle-orm";
import { ledgerEntries, ledgerTransactions, type User } from "../../../db/schema";
import { coverLetter, projectBody } from "../../test-support/market";
import { createTestUser } from "../../test-support/users";
import type { DomainContext } from "../context";
import { postProject } from "../projects/projects";
import { acceptProposal } from "../proposals/decide";
import { sendProposal } from "../proposals/send";
import { addMilestone } from "../milestones/manage";
import { fundMilestone } from "../payments/fund";
import { acceptContract } from "./lifecycle";

export interface ContractFixture {
  client: User;
  freelancer: User;
  clientToken: string;
  freelancerToken: string;
  contractId: string;
  currency: string;
}

export async function offeredContract(
  ctx: DomainContext,
  options: {
    currency?: string;
    budgetType?: "fixed" | "hourly";
    bid?: number;
    clientVerified?: boolean;
    freelancerVerified?: boolean;
    /** Hire with an existing client or freelancer instead of new ones. */
    client?: { user: User; accessToken: string };
    freelancer?: { user: User; accessToken: string };
  } = {},
): Promise<ContractFixture> {
  const client = options.client ?? (await createTestUser(ctx, { roles: ["client"] }));
  const freelancer = options.freelancer ?? (await createTestUser(ctx, { roles: ["freelancer"] }));
  const currency = options.currency ?? "USD";
  const budgetType = options.budgetType ?? "fixed";
  const project = await postProject(ctx, client.user, projectBody({ currency, budgetType }));
  const proposal = await sendProposal(ctx, freelancer.user, project.id, {
    coverLetter: coverLetter(),
    bidAmount: options.bid ?? 200_000,
    ...(budgetType === "hourly" ? { weeklyHours: 40 } : { estimatedDays: 14 }),
  });
  const { contract } = await acceptProposal(ctx, client.user, proposal.id);
  // Verification is switched off after the fact: the marketplace steps above need verified users.
  const unverify = async (user: User, verified: boolean | undefined) => {
    if (verified !== false) return user;
    await ctx.db.run(sql`update users set email_verified_at = null where id = ${user.id}`);
    return { ...user, emailVerifiedAt: null };
  };
  return {
    client: await unverify(client.user, options.clientVerified),
    freelancer: await unverify(freelancer.user, options.freelancerVerified),
    clientToken: client.accessToken,
    freelancerToken: freelancer.accessToken,
    contractId: contract.id,
    currency,
  };
}

export async function activeContract(ctx: DomainContext, options: Parameters<typeof offeredContract>[1] = {}): Promise<ContractFixture> {
  const fixture = await offeredContract(ctx, options);
  await acceptContract(ctx, fixture.freelancer, fixture.contractId);
  return fixture;
}

/** An active contract with one milestone funded through the sandbox. */
export async function fundedMilestone(ctx: DomainContext, amount = 100_000, options: Parameters<typeof offeredContract>[1] = {}) {
  const fixture = await activeContract(ctx, options);
  const milestone = await addMilestone(ctx, fixture.client, fixture.contractId, { title: "First delivery", amount });
  const funded = await fundMilestone(ctx, fixture.client, milestone.id, { provider: "sandbox" });
  return { ...fixture, milestoneId: milestone.id, funded };
}

/** Every ledger transaction that touches this contract, with the sum of its entries per currency. */
export async function transactionSums(ctx: DomainContext, contractId: string) {
  return ctx.db
    .select({
      id: ledgerTransactions.id,
      kind: ledgerTransactions.kind,
      currency: ledgerEntries.currency,
      sum: sql<number>`sum(${ledgerEntries.amount})`,
    })
    .from(ledgerTransactions)
    .innerJoin(ledgerEntries, eq(ledgerEntries.transactionId, ledgerTransactions.id))
    .where(and(eq(ledgerTransactions.contractId, contractId)))
    .groupBy(ledgerTransactions.id, ledgerEntries.currency);
}
