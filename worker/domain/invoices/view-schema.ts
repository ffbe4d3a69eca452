import { z } from "zod";
import { INVOICE_KINDS, TAX_KINDS, TAX_STATUSES, TAX_TREATMENTS } from "../../../db/schema";
import { pageSchema, timestampSchema, type SameShape } from "../shared/views";
import type { BillingDetailsInput } from "./billing";
import type { InvoiceView } from "./queries";

/** A party as the invoice prints it, frozen when the invoice was issued. */
export const invoicePartySchema = z.object({
  name: z.string(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  country: z.string().nullable(),
  taxId: z.string().nullable(),
  address: z.string().nullable(),
});

export const invoiceViewSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(INVOICE_KINDS),
  title: z.enum(["Invoice", "Payout receipt", "Fee statement", "Credit note"]),
  issuer: invoicePartySchema,
  recipient: invoicePartySchema,
  lines: z.array(
    z.object({
      description: z.string(),
      /** Hours may be fractional (2.5); everything else is a whole count. */
      quantity: z.number(),
      unitAmount: z.number().int(),
      amount: z.number().int(),
    }),
  ),
  rows: z.array(
    z.object({
      description: z.string(),
      quantity: z.number(),
      unitAmount: z.number().int(),
      net: z.number().int(),
      tax: z.number().int(),
      gross: z.number().int(),
    }),
  ),
  tax: z.object({
    treatment: z.enum(TAX_TREATMENTS),
    kind: z.enum(TAX_KINDS),
    jurisdiction: z.string().nullable(),
    feeTaxAmount: z.number().int(),
    feeTaxRateBps: z.number().int(),
    note: z.string().nullable(),
  }),
  currency: z.string(),
  subtotal: z.number().int(),
  feeRateBps: z.number().int(),
  feeAmount: z.number().int(),
  taxRateBps: z.number().int(),
  taxAmount: z.number().int(),
  total: z.number().int(),
  contractId: z.string().nullable(),
  milestoneId: z.string().nullable(),
  paymentId: z.string().nullable(),
  payoutId: z.string().nullable(),
  ledgerTransactionId: z.string().nullable(),
  /** Set when the client paid in another currency: what was charged in it, at the locked rate. */
  charged: z.object({ amount: z.number().int(), currency: z.string(), rate: z.string(), rateFetchedAt: timestampSchema }).nullable(),
  /** On a credit note: the invoice it credits. */
  credits: z.object({ id: z.string(), number: z.string() }).nullable(),
  issuedAt: timestampSchema,
});
export const invoicesPageSchema = pageSchema(invoiceViewSchema);

/** What the viewer wants printed on invoices issued from now on. */
export const billingDetailsSchema = z.object({
  legalName: z.string().nullable(),
  taxId: z.string().nullable(),
  address: z.string().nullable(),
  country: z.string().nullable(),
  /** Business or personal: decides VAT reverse charge for EU businesses with a VAT number. */
  taxStatus: z.enum(TAX_STATUSES).nullable(),
  /** Canadian province, for GST or HST. */
  province: z.string().nullable(),
});

export const invoiceViewShape: SameShape<InvoiceView, z.infer<typeof invoiceViewSchema>> = true;
export const billingDetailsShape: SameShape<BillingDetailsInput, z.infer<typeof billingDetailsSchema>> = true;
