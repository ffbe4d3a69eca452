import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { contracts } from "./marketplace-projects";
import { users } from "./users";
import { MILESTONE_STATUSES, LEDGER_KINDS, PAYMENT_PROVIDERS, PAYMENT_STATUSES, PAYOUT_STATUSES } from "./values";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/** Everything that happened on a contract, oldest first: written in the same batch as the change itself. */
export const contractEvents = sqliteTable(
  "contract_events",
  {
    id: idColumn(),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    milestoneId: text("milestone_id"),
    type: text("type").notNull(),
    /** Null when the platform acted (e.g. auto-approval). */
    actorId: text("actor_id"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("contract_events_contract_idx").on(t.contractId, t.createdAt, t.id)],
);

/** A fixed-price chunk of a contract. Money held for it lives in the ledger, never in this row. */
export const milestones = sqliteTable(
  "milestones",
  {
    id: idColumn(),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    /** A calendar date, YYYY-MM-DD. */
    dueDate: text("due_date"),
    status: text("status", { enum: MILESTONE_STATUSES }).notNull().default("pending"),
    submissionMessage: text("submission_message"),
    /** Keys of the files handed in with the latest submission (uploads of the freelancer, readable by both parties). */
    submissionFiles: text("submission_files", { mode: "json" }).$type<string[]>().notNull().default([]),
    changesMessage: text("changes_message"),
    fundedAt: timestamp("funded_at"),
    submittedAt: timestamp("submitted_at"),
    approvedAt: timestamp("approved_at"),
    autoApproved: integer("auto_approved", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [
    index("milestones_contract_idx").on(t.contractId, t.position),
    index("milestones_status_submitted_idx").on(t.status, t.submittedAt),
    check("milestones_amount_positive", sql`${t.amount} > 0`),
  ],
);

/** One balanced movement of money. `idempotencyKey` makes every retry land on the first attempt. */
export const ledgerTransactions = sqliteTable(
  "ledger_transactions",
  {
    id: idColumn(),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    contractId: text("contract_id").references(() => contracts.id),
    milestoneId: text("milestone_id").references(() => milestones.id),
    currency: text("currency").notNull(),
    actorId: text("actor_id"),
    memo: text("memo"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("ledger_transactions_idempotency_unique").on(t.idempotencyKey),
    index("ledger_transactions_contract_idx").on(t.contractId),
    index("ledger_transactions_milestone_idx").on(t.milestoneId),
  ],
);

/** One line of a transaction: a signed amount (minor units) on an account such as `escrow:<contractId>`. */
export const ledgerEntries = sqliteTable(
  "ledger_entries",
  {
    id: idColumn(),
    transactionId: text("transaction_id")
      .notNull()
      .references(() => ledgerTransactions.id),
    account: text("account").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("ledger_entries_account_idx").on(t.account, t.currency, t.id),
    index("ledger_entries_transaction_idx").on(t.transactionId),
    check("ledger_entries_amount_nonzero", sql`${t.amount} <> 0`),
  ],
);

/** Money a client sends to fund a milestone; confirmed once by its provider (webhook or sandbox). */
export const payments = sqliteTable(
  "payments",
  {
    id: idColumn(),
    provider: text("provider", { enum: PAYMENT_PROVIDERS }).notNull(),
    status: text("status", { enum: PAYMENT_STATUSES }).notNull().default("pending"),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    milestoneId: text("milestone_id")
      .notNull()
      .references(() => milestones.id),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    payerId: text("payer_id")
      .notNull()
      .references(() => users.id),
    providerRef: text("provider_ref"),
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: createdAtColumn(),
    confirmedAt: timestamp("confirmed_at"),
    /** Set when the client paid in another currency than the contract's: the rate locked at funding. */
    paidCurrency: text("paid_currency"),
    paidAmount: integer("paid_amount"),
    exchangeRate: text("exchange_rate"),
    rateFetchedAt: timestamp("rate_fetched_at"),
  },
  (t) => [
    uniqueIndex("payments_idempotency_unique").on(t.idempotencyKey),
    uniqueIndex("payments_provider_ref_unique").on(t.provider, t.providerRef),
    // At most one live payment per milestone, so two fund clicks can never charge twice.
    uniqueIndex("payments_live_milestone_unique")
      .on(t.milestoneId)
      .where(sql`status in ('pending', 'succeeded')`),
    check("payments_amount_positive", sql`${t.amount} > 0`),
    // Activity windows read by the trust signals.
    index("trust_payments_created_idx").on(t.createdAt),
    index("trust_payments_payer_idx").on(t.payerId, t.createdAt),
  ],
);

/** Money a freelancer takes out of their balance. */
export const payouts = sqliteTable(
  "payouts",
  {
    id: idColumn(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    provider: text("provider", { enum: PAYMENT_PROVIDERS }).notNull(),
    status: text("status", { enum: PAYOUT_STATUSES }).notNull().default("pending"),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    providerRef: text("provider_ref"),
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: createdAtColumn(),
    paidAt: timestamp("paid_at"),
  },
  (t) => [
    uniqueIndex("payouts_idempotency_unique").on(t.idempotencyKey),
    index("payouts_user_idx").on(t.userId, t.id),
    check("payouts_amount_positive", sql`${t.amount} > 0`),
  ],
);

export type ContractEvent = typeof contractEvents.$inferSelect;
export type Milestone = typeof milestones.$inferSelect;
export type LedgerTransaction = typeof ledgerTransactions.$inferSelect;
export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type Payment = typeof payments.$inferSelect;
export type Payout = typeof payouts.$inferSelect;
