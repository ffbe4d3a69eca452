import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { ledgerTransactions, milestones, payments, payouts } from "./money";
import { users } from "./users";
import { STRIPE_MOVE_STATUSES, STRIPE_RETURN_KINDS } from "./values";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/** Every Stripe webhook event handled, by its id: a repeated delivery finds its row and changes nothing. */
export const stripeEvents = sqliteTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  /** When Stripe created the event (its `created`), to read deliveries in their real order. */
  stripeCreatedAt: timestamp("stripe_created_at").notNull(),
  receivedAt: timestamp("received_at").notNull(),
});

/** The card charge behind a Stripe payment: what transfers and refunds point at. */
export const stripeCharges = sqliteTable(
  "stripe_charges",
  {
    paymentId: text("payment_id")
      .primaryKey()
      .references(() => payments.id),
    paymentIntentId: text("payment_intent_id").notNull(),
    chargeId: text("charge_id").notNull(),
    /** Refunded at Stripe so far, as its `charge.refunded` events report it. */
    amountRefunded: integer("amount_refunded").notNull().default(0),
    /** When the client and admins were told the funds near Stripe's 90-day limit (once per payment). */
    holdWarnedAt: timestamp("hold_warned_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex("stripe_charges_intent_unique").on(t.paymentIntentId), uniqueIndex("stripe_charges_charge_unique").on(t.chargeId)],
);

/** A freelancer's Stripe Connect (Express) account, where released card money is transferred. */
export const stripeAccounts = sqliteTable(
  "stripe_accounts",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id),
    accountId: text("account_id").notNull(),
    detailsSubmitted: integer("details_submitted", { mode: "boolean" }).notNull().default(false),
    payoutsEnabled: integer("payouts_enabled", { mode: "boolean" }).notNull().default(false),
    /** The `created` time of the newest `account.updated` event applied, so an older one arriving late is ignored. */
    stateAt: timestamp("state_at"),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [uniqueIndex("stripe_accounts_account_unique").on(t.accountId)],
);

/** The freelancer's share of one release, sent to their connected account from the funding charge. */
export const stripeTransfers = sqliteTable(
  "stripe_transfers",
  {
    id: idColumn(),
    /** The release this transfer pays out: one transfer per release, ever. */
    releaseTransactionId: text("release_transaction_id")
      .notNull()
      .references(() => ledgerTransactions.id),
    paymentId: text("payment_id")
      .notNull()
      .references(() => payments.id),
    milestoneId: text("milestone_id")
      .notNull()
      .references(() => milestones.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    /** The payout row (provider "stripe") that moved the share out of the freelancer's balance; null when skipped. */
    payoutId: text("payout_id").references(() => payouts.id),
    destination: text("destination"),
    sourceCharge: text("source_charge").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    status: text("status", { enum: STRIPE_MOVE_STATUSES }).notNull().default("pending"),
    transferId: text("transfer_id"),
    amountReversed: integer("amount_reversed").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAtColumn(),
    sentAt: timestamp("sent_at"),
  },
  (t) => [
    uniqueIndex("stripe_transfers_release_unique").on(t.releaseTransactionId),
    uniqueIndex("stripe_transfers_idempotency_unique").on(t.idempotencyKey),
    index("stripe_transfers_status_idx").on(t.status, t.createdAt),
    index("stripe_transfers_payment_idx").on(t.paymentId),
  ],
);

/** Money going back at Stripe for one ledger refund: a refund of the charge, or a reversal of a transfer. */
export const stripeReturns = sqliteTable(
  "stripe_returns",
  {
    id: idColumn(),
    ledgerTransactionId: text("ledger_transaction_id")
      .notNull()
      .references(() => ledgerTransactions.id),
    kind: text("kind", { enum: STRIPE_RETURN_KINDS }).notNull(),
    paymentId: text("payment_id")
      .notNull()
      .references(() => payments.id),
    /** The charge refunded, or the transfer reversed. */
    target: text("target").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    status: text("status", { enum: STRIPE_MOVE_STATUSES }).notNull().default("pending"),
    stripeRef: text("stripe_ref"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAtColumn(),
    sentAt: timestamp("sent_at"),
  },
  (t) => [
    uniqueIndex("stripe_returns_txn_target_unique").on(t.ledgerTransactionId, t.kind, t.target),
    uniqueIndex("stripe_returns_idempotency_unique").on(t.idempotencyKey),
    index("stripe_returns_status_idx").on(t.status, t.createdAt),
    check("stripe_returns_amount_positive", sql`${t.amount} > 0`),
  ],
);

export type StripeCharge = typeof stripeCharges.$inferSelect;
export type StripeAccount = typeof stripeAccounts.$inferSelect;
export type StripeTransfer = typeof stripeTransfers.$inferSelect;
export type StripeReturn = typeof stripeReturns.$inferSelect;
