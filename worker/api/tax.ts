import { z } from "@hono/zod-openapi";
import { TAX_KINDS } from "../../db/schema";
import { lookUpTaxRate, taxRateQuery } from "../domain/tax/lookup";
import { SUMMARY_YEARS, taxSummary, taxSummaryCsv } from "../domain/tax/summary";
import { createRouter, type Router } from "./context";
import { fileBytes, jsonRoute } from "./openapi";
import { requireRole } from "./viewer";

const tags = ["tax"];

export const taxRateSchema = z
  .object({
    country: z.string().openapi({ example: "DE" }),
    province: z.string().nullable().openapi({ description: "Canadian province when asked for one" }),
    rate: z.number().openapi({ description: "Decimal fraction of the net amount: 0.19 for 19%", example: 0.19 }),
    rateBps: z.number().int().openapi({ description: "The same rate in basis points (1900 = 19%), as invoices keep it", example: 1900 }),
    kind: z.enum(TAX_KINDS).openapi({ description: "vat, gst, hst, or none where no tax is charged" }),
    effectiveFrom: z
      .string()
      .nullable()
      .openapi({ description: "ISO date the rate applies from; null for kind none", example: "2024-01-01" }),
  })
  .openapi("TaxRate");

const summaryRowSchema = z.object({
  currency: z.string(),
  earnings: z.number().int().openapi({ description: "Released to me, before the fee (minor units)" }),
  fees: z.number().int().openapi({ description: "Platform fees, tax included" }),
  taxCharged: z.number().int().openapi({ description: "VAT or GST charged on the fees" }),
  feesNet: z.number().int().openapi({ description: "fees − taxCharged" }),
  net: z.number().int().openapi({ description: "Credited to my balance: earnings − fees" }),
  documents: z.number().int().openapi({ description: "Fee statements counted" }),
});

export const taxSummarySchema = z
  .object({
    year: z.number().int(),
    totals: z.array(summaryRowSchema),
    months: z.array(summaryRowSchema.extend({ month: z.string().openapi({ example: "2026-03" }) })),
  })
  .openapi("TaxSummary");

export const taxRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/rates",
      tags,
      summary:
        "The VAT or GST rate a consumer in a country (and Canadian province) pays on the platform fee: {country, rate (decimal fraction, 0.19), rateBps, kind: vat|gst|hst|none, effectiveFrom}; optional date=YYYY-MM-DD",
      query: taxRateQuery,
      ok: { status: 200, description: "{country, province, rate, rateBps, kind, effectiveFrom}", schema: taxRateSchema },
      errors: [422],
    }),
    (c) => c.json(lookUpTaxRate(c.req.valid("query"), c.get("domain").clock.now()), 200),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/summary",
      tags,
      auth: true,
      summary:
        "A freelancer's yearly tax summary (UTC): earnings, platform fees and the VAT or GST charged on them, per currency and month. JSON by default; format=csv (or Accept: text/csv) for CSV, format=pdf for a PDF",
      query: z.object({
        year: z.coerce.number().int().min(SUMMARY_YEARS.min).max(SUMMARY_YEARS.max).openapi({ example: 2026 }),
        format: z.enum(["json", "csv", "pdf"]).optional(),
      }),
      ok: {
        status: 200,
        description: "{year, totals, months}, or the same as CSV or PDF",
        schema: taxSummarySchema,
        media: {
          "text/csv": z.string().openapi({ description: "A row per month and currency, then the year's totals; a header row first" }),
          "application/pdf": fileBytes("The summary as a PDF document"),
        },
      },
      errors: [403, 422],
    }),
    async (c) => {
      const viewer = requireRole(c, "freelancer");
      const ctx = c.get("domain");
      const { year, format: asked } = c.req.valid("query");
      const format = asked ?? (/\btext\/csv\b/.test(c.req.header("Accept") ?? "") ? "csv" : "json");
      const summary = await taxSummary(ctx, viewer.user.id, year);
      const headers = { "Cache-Control": "private, no-store" };
      if (format === "json") return c.json(summary, 200);
      if (format === "csv") {
        return c.body(taxSummaryCsv(summary), 200, {
          ...headers,
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="megilance-tax-summary-${year}.csv"`,
        });
      }
      // pdf-lib is loaded when a PDF is first asked for: it is large, and it builds tables when it loads.
      const { renderTaxSummaryPdf } = await import("../domain/tax/summary-pdf");
      const bytes = await renderTaxSummaryPdf(summary, viewer.user.name);
      return c.body(bytes as unknown as ArrayBuffer, 200, {
        ...headers,
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="megilance-tax-summary-${year}.pdf"`,
      });
    },
  );
