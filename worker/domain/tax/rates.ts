/**
 * VAT and GST rates with the dates they apply from. The table lives in code, not in the database: a rate
 * changes by law on a known date, so the change is a reviewed commit that adds a row with its
 * `effectiveFrom` (the old row stays for documents dated before it). Rates are basis points (1900 = 19%).
 * Rows dated 2024-01-01 are the rates in force when this table starts; earlier history is not kept.
 */
import type { TaxKind } from "../../../db/schema/values";

export type { TaxKind };

export interface TaxRateRow {
  /** ISO 3166-1 alpha-2 country, or country-province for Canada (CA-ON). */
  jurisdiction: string;
  kind: Exclude<TaxKind, "none">;
  rateBps: number;
  /** ISO date (UTC) from which the rate applies. */
  effectiveFrom: string;
}

const START = "2024-01-01";

/** EU standard VAT rates for electronically supplied services to consumers (the place of supply is the customer's). */
const EU_VAT: [string, number][] = [
  ["AT", 2000],
  ["BE", 2100],
  ["BG", 2000],
  ["CY", 1900],
  ["CZ", 2100],
  ["DE", 1900],
  ["DK", 2500],
  ["EE", 2200],
  ["ES", 2100],
  ["FI", 2400],
  ["FR", 2000],
  ["GR", 2400],
  ["HR", 2500],
  ["HU", 2700],
  ["IE", 2300],
  ["IT", 2200],
  ["LT", 2100],
  ["LU", 1700],
  ["LV", 2100],
  ["MT", 1800],
  ["NL", 2100],
  ["PL", 2300],
  ["PT", 2300],
  ["RO", 1900],
  ["SE", 2500],
  ["SI", 2200],
  ["SK", 2000],
];

export const EU_COUNTRIES: ReadonlySet<string> = new Set(EU_VAT.map(([country]) => country));

/** Canadian provinces charging the harmonized sales tax; the rest charge the federal GST only (5%). */
const HST: [string, number][] = [
  ["CA-ON", 1300],
  ["CA-NB", 1500],
  ["CA-NL", 1500],
  ["CA-NS", 1500],
  ["CA-PE", 1500],
];
export const CANADIAN_PROVINCES = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"] as const;

export const TAX_RATES: readonly TaxRateRow[] = [
  ...EU_VAT.map(([jurisdiction, rateBps]): TaxRateRow => ({ jurisdiction, kind: "vat", rateBps, effectiveFrom: START })),
  // Changes in force since the table starts.
  { jurisdiction: "FI", kind: "vat", rateBps: 2550, effectiveFrom: "2024-09-01" },
  { jurisdiction: "SK", kind: "vat", rateBps: 2300, effectiveFrom: "2025-01-01" },
  { jurisdiction: "EE", kind: "vat", rateBps: 2400, effectiveFrom: "2025-07-01" },
  { jurisdiction: "RO", kind: "vat", rateBps: 2100, effectiveFrom: "2025-08-01" },
  { jurisdiction: "GB", kind: "vat", rateBps: 2000, effectiveFrom: START },
  { jurisdiction: "AU", kind: "gst", rateBps: 1000, effectiveFrom: START },
  { jurisdiction: "NZ", kind: "gst", rateBps: 1500, effectiveFrom: START },
  // India: 18% GST on online services (IGST for a supplier outside India).
  { jurisdiction: "IN", kind: "gst", rateBps: 1800, effectiveFrom: START },
  { jurisdiction: "CA", kind: "gst", rateBps: 500, effectiveFrom: START },
  ...HST.map(([jurisdiction, rateBps]): TaxRateRow => ({ jurisdiction, kind: "hst", rateBps, effectiveFrom: START })),
  { jurisdiction: "CA-NS", kind: "hst", rateBps: 1400, effectiveFrom: "2025-04-01" },
];

/** Countries (not provinces) the table knows; every other valid country is charged no tax. */
export const TAXED_COUNTRIES: ReadonlySet<string> = new Set(TAX_RATES.map((r) => r.jurisdiction.slice(0, 2)));

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** The row in force on `at` for one jurisdiction: the latest whose effectiveFrom is not after that day. */
export function rateRowOn(jurisdiction: string, at: Date): TaxRateRow | null {
  const day = isoDay(at);
  let found: TaxRateRow | null = null;
  for (const row of TAX_RATES) {
    if (row.jurisdiction !== jurisdiction || row.effectiveFrom > day) continue;
    if (!found || row.effectiveFrom > found.effectiveFrom) found = row;
  }
  return found;
}

/** The rate for a country (and Canadian province when known) on a day: the province's HST, else the country's rate. */
export function rateFor(country: string, province: string | null, at: Date): TaxRateRow | null {
  if (country === "CA" && province) {
    const hst = rateRowOn(`CA-${province}`, at);
    if (hst) return hst;
  }
  return rateRowOn(country, at);
}
