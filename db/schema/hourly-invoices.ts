import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { contracts } from "./marketplace-projects";
import { milestones, payments } from "./money";
import { users } from "./users";
import { TIME_ENTRY_SOURCES, TIMESHEET_STATUSES, INVOICE_KINDS, TAX_KINDS, TAX_STATUSES, TAX_TREATMENTS } from "./values";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * Time a freelancer logs on an hourly contract. A running timer is a `timer` entry without `stoppedAt`
 * (0 minutes until it stops). `weekStart` is the Monday (UTC) of the ISO week the entry counts in.
 */
export const timeEntries = sqliteTable(
  "time_entries",
  {
    id: idColumn(),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    freelancerId: text("freelancer_id")
      .notNull()
      .references(() => users.id),
    /** YYYY-MM-DD, a Monday. */
    weekStart: text("week_start").notNull(),
    /** YYYY-MM-DD (UTC) the work was done on. */
    date: text("date").notNull(),
    minutes: integer("minutes").notNull().default(0),
    memo: text("memo").notNull().default(""),
    source: text("source", { enum: TIME_ENTRY_SOURCES }).notNull(),
    startedAt: timestamp("started_at"),
    stoppedAt: timestamp("stopped_at"),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [
    index("time_entries_week_idx").on(t.contractId, t.weekStart, t.id),
    // One running timer per contract, so two "start" clicks can never both count.
    uniqueIndex("time_entries_running_unique")
      .on(t.contractId)
      .where(sql`source = 'timer' and stopped_at is null`),
    check("time_entries_minutes_range", sql`${t.minutes} >= 0 and ${t.minutes} <= 1440`),
  ],
);

/**
 * One week of an hourly contract handed to the client. Approval charges `amount` and pays it out like a
 * milestone: `milestoneId` is the week's milestone, `paymentId` its charge (docs/decisions/015).
 */
export const timesheets = sqliteTable(
  "timesheets",
  {
    id: idColumn(),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    weekStart: text("week_start").notNull(),
    status: text("status", { enum: TIMESHEET_STATUSES }).notNull(),
    /** Snapshot of the week's logged minutes at submission (entries are locked while submitted). */
    minutes: integer("minutes").notNull(),
    hourlyRate: integer("hourly_rate").notNull(),
    /** minutes × rate / 60, rounded half up to the minor unit. */
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    submittedAt: timestamp("submitted_at").notNull(),
    decidedAt: timestamp("decided_at"),
    disputeReason: text("dispute_reason"),
    autoApproved: integer("auto_approved", { mode: "boolean" }).notNull().default(false),
    milestoneId: text("milestone_id").references(() => milestones.id),
    paymentId: text("payment_id").references(() => payments.id),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("timesheets_week_unique").on(t.contractId, t.weekStart),
    index("timesheets_status_idx").on(t.status, t.submittedAt),
    check("timesheets_minutes_positive", sql`${t.minutes} > 0`),
  ],
);

/** A party as printed on an invoice: copied when the invoice is issued, never updated afterwards. */
export interface InvoiceParty {
  name: string;
  email: string | null;
  company: string | null;
  country: string | null;
  taxId: string | null;
  address: string | null;
}

export interface InvoiceLine {
  description: string;
  /** Hours may be fractional (2.5); everything else is a whole count. */
  quantity: number;
  unitAmount: number;
  amount: number;
}

/** Next invoice sequence number per calendar year, advanced in the same batch that issues an invoice. */
export const invoiceSequences = sqliteTable("invoice_sequences", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull().default(0),
});

/**
 * A document for every charge, payout and release fee. `sourceKey` (payment:<id>, payout:<id>, fee:<ledger
 * transaction id>) is unique, so issuing again for the same money is a no-op. Never edited after issue.
 */
export const invoices = sqliteTable(
  "invoices",
  {
    id: idColumn(),
    /** ML-<year>-<6-digit sequence>. */
    number: text("number").notNull(),
    year: integer("year").notNull(),
    sequence: integer("sequence").notNull(),
    kind: text("kind", { enum: INVOICE_KINDS }).notNull(),
    sourceKey: text("source_key").notNull(),
    /** Null when the platform issues or receives it. */
    issuerId: text("issuer_id").references(() => users.id),
    recipientId: text("recipient_id").references(() => users.id),
    issuer: text("issuer", { mode: "json" }).$type<InvoiceParty>().notNull(),
    recipient: text("recipient", { mode: "json" }).$type<InvoiceParty>().notNull(),
    lines: text("lines", { mode: "json" }).$type<InvoiceLine[]>().notNull(),
    currency: text("currency").notNull(),
    subtotal: integer("subtotal").notNull(),
    /** The platform fee deducted from the subtotal (release fee statements); 0 otherwise. */
    feeRateBps: integer("fee_rate_bps").notNull().default(0),
    feeAmount: integer("fee_amount").notNull().default(0),
    taxRateBps: integer("tax_rate_bps").notNull().default(0),
    taxAmount: integer("tax_amount").notNull().default(0),
    /** subtotal − feeAmount + taxAmount. */
    total: integer("total").notNull(),
    /** On a fee statement: the VAT or GST included in feeAmount (the fee is tax-inclusive). */
    feeTaxAmount: integer("fee_tax_amount").notNull().default(0),
    feeTaxRateBps: integer("fee_tax_rate_bps").notNull().default(0),
    /** How tax applies to the buyer: none, charged, or reverse charge (the recipient accounts for the VAT). */
    taxTreatment: text("tax_treatment", { enum: TAX_TREATMENTS }).notNull().default("none"),
    taxKind: text("tax_kind", { enum: TAX_KINDS }).notNull().default("none"),
    /** Where the tax is owed: DE, GB, CA-ON; null when none is. */
    taxJurisdiction: text("tax_jurisdiction"),
    contractId: text("contract_id").references(() => contracts.id),
    milestoneId: text("milestone_id").references(() => milestones.id),
    paymentId: text("payment_id"),
    payoutId: text("payout_id"),
    ledgerTransactionId: text("ledger_transaction_id"),
    /**
     * Set when the client paid in another currency than the contract's: what was charged (or, on a credit
     * note, given back) in that currency, at the rate locked when the milestone was funded.
     */
    chargedAmount: integer("charged_amount"),
    chargedCurrency: text("charged_currency"),
    exchangeRate: text("exchange_rate"),
    rateFetchedAt: timestamp("rate_fetched_at"),
    /** On a credit note: the charge invoice it credits. */
    creditsInvoiceId: text("credits_invoice_id"),
    issuedAt: timestamp("issued_at").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("invoices_number_unique").on(t.number),
    uniqueIndex("invoices_sequence_unique").on(t.year, t.sequence),
    uniqueIndex("invoices_source_unique").on(t.sourceKey),
    index("invoices_issuer_idx").on(t.issuerId, t.id),
    index("invoices_recipient_idx").on(t.recipientId, t.id),
    index("invoices_contract_idx").on(t.contractId, t.id),
    check("invoices_total_balanced", sql`${t.total} = ${t.subtotal} - ${t.feeAmount} + ${t.taxAmount}`),
  ],
);

/** What a user wants printed on invoices they issue or receive: copied onto each invoice when it is issued. */
export const billingDetails = sqliteTable("billing_details", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  legalName: text("legal_name"),
  taxId: text("tax_id"),
  address: text("address"),
  country: text("country"),
  /** Business or personal: an EU business with a VAT number is charged no VAT (reverse charge). */
  taxStatus: text("tax_status", { enum: TAX_STATUSES }),
  /** Canadian province (two letters), for GST or HST. */
  province: text("province"),
  updatedAt: timestamp("updated_at").notNull(),
});

export type TimeEntry = typeof timeEntries.$inferSelect;
export type BillingDetails = typeof billingDetails.$inferSelect;
export type Timesheet = typeof timesheets.$inferSelect;
export type Invoice = typeof invoices.$inferSelect;
