import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { milestones, payments } from "./money";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * The latest known exchange rate per pair (how many `quote` one `base` buys), as an exact decimal string.
 * Refreshed hourly from the rates feed; a failed refresh leaves the last known rows in place.
 */
export const exchangeRates = sqliteTable(
  "exchange_rates",
  {
    base: text("base").notNull(),
    quote: text("quote").notNull(),
    rate: text("rate").notNull(),
    /** When the feed stamped the rate (not when we stored it). */
    fetchedAt: timestamp("fetched_at").notNull(),
    source: text("source").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.base, t.quote] })],
);

/** An on-chain transfer that funded a payment; a transaction can fund at most one payment, ever. */
export const cryptoTransfers = sqliteTable(
  "crypto_transfers",
  {
    id: idColumn(),
    chainId: integer("chain_id").notNull(),
    /** Lower-case 0x hash. */
    txHash: text("tx_hash").notNull(),
    paymentId: text("payment_id")
      .notNull()
      .references(() => payments.id),
    milestoneId: text("milestone_id")
      .notNull()
      .references(() => milestones.id),
    tokenAddress: text("token_address").notNull(),
    toAddress: text("to_address").notNull(),
    /** Token units (a decimal string: token amounts outgrow 2^53). */
    amount: text("amount").notNull(),
    blockNumber: integer("block_number").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex("crypto_transfers_tx_unique").on(t.chainId, t.txHash), index("crypto_transfers_payment_idx").on(t.paymentId)],
);

export type ExchangeRateRow = typeof exchangeRates.$inferSelect;
export type CryptoTransfer = typeof cryptoTransfers.$inferSelect;
