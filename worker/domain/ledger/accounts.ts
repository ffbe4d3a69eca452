import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

export const TAX_ACCOUNT_PREFIX = "tax:";

/**
 * Ledger account names. Internal accounts (escrow, freelancer balances, platform fees) can never go below
 * zero; `external:` accounts stand for money outside the platform and are negative or positive freely.
 */
export const ledgerAccounts = {
  /** Funds held for a contract's milestones until they are released or refunded. */
  escrow: (contractId: string) => `escrow:${contractId}`,
  /** What a freelancer has earned and not yet paid out. */
  freelancer: (userId: string) => `freelancer:${userId}`,
  platformFees: "platform:fees",
  /** VAT or GST the platform collected on its fees and owes to one jurisdiction (DE, GB, CA-ON). */
  tax: (jurisdiction: string) => `${TAX_ACCOUNT_PREFIX}${jurisdiction}`,
  /** The client's card, bank or wallet: the source of funding. */
  clientFunding: (userId: string) => `external:client:${userId}`,
  /** Money sent back to the client. */
  clientRefunds: (userId: string) => `external:refunds:${userId}`,
  /** Money that left to freelancers' bank accounts or wallets. */
  payouts: "external:payouts",
} as const;

/** ledgerAccounts.escrow in SQL, for a contract id given as SQL (a column or an expression). */
export function escrowAccountSql(contractId: SQLWrapper): SQL {
  return sql`${ledgerAccounts.escrow("")} || ${contractId}`;
}

/** ledgerAccounts.clientFunding in SQL, for a user id given as SQL or a value. */
export function clientFundingAccountSql(userId: SQLWrapper | string): SQL {
  return sql`${ledgerAccounts.clientFunding("")} || ${userId}`;
}

/** ledgerAccounts.clientRefunds in SQL, for a user id given as SQL or a value. */
export function clientRefundsAccountSql(userId: SQLWrapper | string): SQL {
  return sql`${ledgerAccounts.clientRefunds("")} || ${userId}`;
}

export function isExternalAccount(account: string): boolean {
  return account.startsWith("external:");
}

export function isTaxAccount(account: string): boolean {
  return account.startsWith(TAX_ACCOUNT_PREFIX);
}
