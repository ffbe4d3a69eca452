import { TAX_STATUSES, TAX_TREATMENTS, type TaxKind, type TaxStatus, type TaxTreatmentKind } from "../../../db/schema/values";
import { EU_COUNTRIES, rateFor } from "./rates";
import { normalVatNumber } from "./vat-numbers";

export { TAX_STATUSES, TAX_TREATMENTS };
export type { TaxStatus, TaxTreatmentKind };

/** What decides the tax on the platform's fee: the buyer's billing details. */
export interface TaxBuyer {
  country: string | null;
  /** Canadian province (two letters) when known. */
  province: string | null;
  status: TaxStatus | null;
  taxId: string | null;
}

export interface TaxTreatment {
  treatment: TaxTreatmentKind;
  kind: TaxKind;
  /** Basis points charged: 0 for no tax and for reverse charge. */
  rateBps: number;
  /** Where the tax is owed (DE, GB, CA-ON); null when none is. */
  jurisdiction: string | null;
}

export const NO_TAX: TaxTreatment = { treatment: "none", kind: "none", rateBps: 0, jurisdiction: null };

/** The legal wording printed on a reverse-charge invoice. */
export const REVERSE_CHARGE_WORDING = "Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC).";

/**
 * The platform is established outside the EU and sells an electronically supplied service (its fee):
 * - an EU business with a well-formed VAT number accounts for the VAT itself (reverse charge, Art. 196);
 * - anyone else in the EU pays their member state's VAT (place of supply: the customer, Art. 58);
 * - UK VAT, Australian, New Zealand and Indian GST, Canadian GST or the province's HST apply to everyone there;
 * - elsewhere, or without a known country, no tax.
 */
export function taxTreatmentFor(buyer: TaxBuyer, at: Date): TaxTreatment {
  const country = buyer.country?.toUpperCase() ?? null;
  if (!country) return NO_TAX;
  const row = rateFor(country, buyer.province?.toUpperCase() ?? null, at);
  if (!row) return NO_TAX;
  if (EU_COUNTRIES.has(country) && buyer.status === "business" && buyer.taxId && normalVatNumber(country, buyer.taxId)) {
    return { treatment: "reverse_charge", kind: "vat", rateBps: 0, jurisdiction: country };
  }
  return { treatment: "charged", kind: row.kind, rateBps: row.rateBps, jurisdiction: row.jurisdiction };
}

/**
 * Splits a tax-inclusive gross amount (minor units) into net and tax. Rounding rule: the tax is
 * gross × rate / (1 + rate) rounded half up to the minor unit, and the net is what remains, so
 * net + tax = gross exactly. BigInt keeps large amounts exact.
 */
export function splitInclusive(gross: number, rateBps: number): { net: number; tax: number } {
  if (!Number.isSafeInteger(gross) || gross < 0) throw new Error(`Tax on a non-integer or negative amount: ${gross}`);
  if (!Number.isInteger(rateBps) || rateBps < 0 || rateBps > 10_000) throw new Error(`Tax rate out of range: ${rateBps} bps`);
  const divisor = 10_000n + BigInt(rateBps);
  const tax = Number((BigInt(gross) * BigInt(rateBps) * 2n + divisor) / (2n * divisor));
  return { net: gross - tax, tax };
}
