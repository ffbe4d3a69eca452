import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { billingDetailsInput } from "../invoices/billing-input";
import { AppError } from "../errors";
import { lookUpTaxRate, taxRateQuery } from "./lookup";
import { rateFor, TAX_RATES } from "./rates";
import { REVERSE_CHARGE_WORDING, splitInclusive, taxTreatmentFor } from "./treatment";
import { normalVatNumber } from "./vat-numbers";

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const lookUp = (query: Record<string, string>, at = day("2026-12-07")) => lookUpTaxRate(taxRateQuery.parse(query), at);

describe("tax rates", () => {
  it("answers each jurisdiction's rate in force on a day, following effective dates", () => {
    expect(lookUp({ country: "de" })).toEqual({
      country: "DE",
      province: null,
      rate: 0.19,
      rateBps: 1900,
      kind: "vat",
      effectiveFrom: "2024-01-01",
    });
    expect(rateFor("FI", null, day("2024-08-31"))?.rateBps).toBe(2400);
    expect(rateFor("FI", null, day("2024-09-01"))).toMatchObject({ rateBps: 2550, effectiveFrom: "2024-09-01" });
    expect(rateFor("EE", null, day("2026-01-01"))?.rateBps).toBe(2400);
    expect(lookUp({ country: "GB" })).toMatchObject({ rate: 0.2, kind: "vat" });
    expect(lookUp({ country: "AU" })).toMatchObject({ rate: 0.1, kind: "gst" });
    expect(lookUp({ country: "NZ" })).toMatchObject({ rate: 0.15, kind: "gst" });
    expect(lookUp({ country: "IN" })).toMatchObject({ rate: 0.18, kind: "gst" });
    expect(lookUp({ country: "CA" })).toMatchObject({ rate: 0.05, kind: "gst" });
    expect(lookUp({ country: "CA", province: "on" })).toMatchObject({ province: "ON", rate: 0.13, kind: "hst" });
    expect(lookUp({ country: "CA", province: "QC" })).toMatchObject({ rate: 0.05, kind: "gst" });
    expect(lookUp({ country: "CA", province: "NS" }, day("2025-03-31"))).toMatchObject({ rate: 0.15, kind: "hst" });
    expect(lookUp({ country: "CA", province: "NS" }, day("2025-04-01"))).toMatchObject({ rate: 0.14, effectiveFrom: "2025-04-01" });
    expect(lookUp({ country: "US" })).toEqual({ country: "US", province: null, rate: 0, rateBps: 0, kind: "none", effectiveFrom: null });
    expect(lookUp({ country: "DE", date: "2023-06-01" })).toMatchObject({ kind: "none", effectiveFrom: null });
  });

  it("refuses an unknown country or province with a clear error", () => {
    const refusal = (query: Record<string, string>) => {
      try {
        lookUp(query);
      } catch (error) {
        return error instanceof AppError ? { status: error.status, code: error.code } : error;
      }
      throw new Error("not refused");
    };
    expect(refusal({ country: "XX" })).toEqual({ status: 422, code: "unknown_country" });
    expect(refusal({ country: "DE", province: "ON" })).toEqual({ status: 422, code: "unknown_province" });
    expect(refusal({ country: "CA", province: "ZZ" })).toEqual({ status: 422, code: "unknown_province" });
    expect(taxRateQuery.safeParse({ country: "DEU" }).success).toBe(false);
  });

  it("keeps one row per jurisdiction and day, all in basis points", () => {
    const keys = TAX_RATES.map((r) => `${r.jurisdiction}@${r.effectiveFrom}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of TAX_RATES) expect(Number.isInteger(r.rateBps) && r.rateBps > 0 && r.rateBps < 10_000).toBe(true);
  });
});

describe("VAT numbers", () => {
  it("checks the format per country and keeps the normal form", () => {
    expect(normalVatNumber("DE", "de 123.456-789")).toBe("DE123456789");
    expect(normalVatNumber("DE", "123456789")).toBe("DE123456789");
    expect(normalVatNumber("DE", "DE12345678")).toBeNull();
    expect(normalVatNumber("NL", "NL123456789B01")).toBe("NL123456789B01");
    expect(normalVatNumber("NL", "NL123456789")).toBeNull();
    expect(normalVatNumber("AT", "ATU12345678")).toBe("ATU12345678");
    expect(normalVatNumber("AT", "AT12345678")).toBeNull();
    expect(normalVatNumber("GR", "EL123456789")).toBe("EL123456789");
    expect(normalVatNumber("FR", "FR12345678901")).toBe("FR12345678901");
    expect(normalVatNumber("IE", "IE1234567T")).toBe("IE1234567T");
    expect(normalVatNumber("GB", "GB123456789")).toBeNull();
  });

  it("billing details refuse a malformed EU VAT number for a business, and a province outside Canada", () => {
    const fields = (input: Record<string, string>) => {
      const parsed = billingDetailsInput.safeParse(input);
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(fields({ country: "DE", taxStatus: "business", taxId: "DE1234" })).toHaveProperty("taxId");
    expect(fields({ country: "DE", taxStatus: "business", taxId: "DE123456789" })).toEqual({});
    expect(fields({ country: "DE", taxStatus: "personal", taxId: "12/345/67890" })).toEqual({});
    expect(fields({ country: "US", province: "ON" })).toHaveProperty("province");
    expect(fields({ country: "CA", province: "XX" })).toHaveProperty("province");
    expect(fields({ country: "CA", province: "ON", taxStatus: "someone" })).toHaveProperty("taxStatus");
  });
});

describe("tax on the platform fee", () => {
  const at = day("2026-12-07");
  it("follows the buyer's country and status", () => {
    expect(taxTreatmentFor({ country: "DE", province: null, status: "business", taxId: "DE123456789" }, at)).toEqual({
      treatment: "reverse_charge",
      kind: "vat",
      rateBps: 0,
      jurisdiction: "DE",
    });
    expect(taxTreatmentFor({ country: "DE", province: null, status: "personal", taxId: "DE123456789" }, at)).toMatchObject({
      treatment: "charged",
      rateBps: 1900,
    });
    expect(taxTreatmentFor({ country: "FR", province: null, status: "business", taxId: null }, at)).toMatchObject({
      treatment: "charged",
      rateBps: 2000,
    });
    expect(taxTreatmentFor({ country: "GB", province: null, status: "business", taxId: "GB123456789" }, at)).toMatchObject({
      treatment: "charged",
      kind: "vat",
      rateBps: 2000,
      jurisdiction: "GB",
    });
    expect(taxTreatmentFor({ country: "CA", province: "ON", status: null, taxId: null }, at)).toMatchObject({
      kind: "hst",
      jurisdiction: "CA-ON",
    });
    expect(taxTreatmentFor({ country: "CA", province: "BC", status: null, taxId: null }, at)).toMatchObject({
      kind: "gst",
      jurisdiction: "CA",
    });
    expect(taxTreatmentFor({ country: "US", province: null, status: "business", taxId: null }, at)).toMatchObject({
      treatment: "none",
      rateBps: 0,
    });
    expect(taxTreatmentFor({ country: null, province: null, status: null, taxId: null }, at)).toMatchObject({ treatment: "none" });
    expect(REVERSE_CHARGE_WORDING).toContain("Art. 196 Directive 2006/112/EC");
  });

  it("splits a tax-inclusive fee so that gross = net + tax, the tax rounded half up", () => {
    expect(splitInclusive(1_000, 2000)).toEqual({ net: 833, tax: 167 });
    expect(splitInclusive(12, 1900)).toEqual({ net: 10, tax: 2 });
    expect(splitInclusive(0, 1900)).toEqual({ net: 0, tax: 0 });
    expect(splitInclusive(999, 0)).toEqual({ net: 999, tax: 0 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 10_000 }), (gross, bps) => {
        const { net, tax } = splitInclusive(gross, bps);
        expect(net + tax).toBe(gross);
        expect(Number.isSafeInteger(tax) && tax >= 0 && net >= 0).toBe(true);
        // Within half a minor unit of the exact share: |tax·(1+r) − gross·r| ≤ (1+r)/2, in exact integers.
        const exact = BigInt(tax) * BigInt(10_000 + bps) - BigInt(gross) * BigInt(bps);
        expect(2n * (exact < 0n ? -exact : exact) <= BigInt(10_000 + bps)).toBe(true);
      }),
    );
  });
});
