import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { fundedMilestone } from "../domain/contracts/test-fixtures";
import { approveMilestone } from "../domain/milestones/release";
import { submitMilestone } from "../domain/milestones/workflow";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { pageText } from "../test-support/pdf";
import { createTestUser } from "../test-support/users";

describe("GET /api/tax/rates", () => {
  it("answers {country, rate, kind, effectiveFrom} for a country, without signing in", async () => {
    const de = await call("/api/tax/rates?country=DE");
    expect(de.status).toBe(200);
    expect(de.body).toEqual({ country: "DE", province: null, rate: 0.19, rateBps: 1900, kind: "vat", effectiveFrom: "2024-01-01" });
    expect((await call("/api/tax/rates?country=au")).body).toMatchObject({ country: "AU", rate: 0.1, kind: "gst" });
    expect((await call("/api/tax/rates?country=CA&province=ON")).body).toMatchObject({ rate: 0.13, kind: "hst" });
    expect((await call("/api/tax/rates?country=FI&date=2024-08-31")).body).toMatchObject({ rate: 0.24, effectiveFrom: "2024-01-01" });
    expect((await call("/api/tax/rates?country=US")).body).toMatchObject({ country: "US", rate: 0, kind: "none", effectiveFrom: null });
  });

  it("refuses a missing, malformed or unknown country with a 422 naming the field", async () => {
    for (const query of ["", "?country=Germany", "?country=XX", "?country=DE&province=ON", "?country=DE&date=tomorrow"]) {
      const res = await call(`/api/tax/rates${query}`);
      expect(res.status, query).toBe(422);
      expect(Object.keys(res.body.error.fields ?? {}).length, query).toBeGreaterThan(0);
    }
    expect((await call("/api/tax/rates?country=XX")).body.error.code).toBe("unknown_country");
  });
});

describe("GET /api/tax/summary", () => {
  it("sums a freelancer's year of releases, fees and the tax on them, as JSON, CSV and PDF", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 10_000);
    await call("/api/billing-details", { token: f.freelancerToken, method: "PUT", body: { country: "GB", taxStatus: "personal" } });
    await submitMilestone(ctx, f.freelancer, f.milestoneId, {});
    await approveMilestone(ctx, f.client, f.milestoneId);
    const year = ctx.clock.now().getUTCFullYear();
    const month = ctx.clock.now().toISOString().slice(0, 7);

    const json = await call(`/api/tax/summary?year=${year}`, { token: f.freelancerToken });
    expect(json.status).toBe(200);
    const row = { currency: "USD", earnings: 10_000, fees: 1_000, taxCharged: 167, feesNet: 833, net: 9_000, documents: 1 };
    expect(json.body).toEqual({ year, totals: [row], months: [{ month, ...row }] });
    expect((await call(`/api/tax/summary?year=${year - 1}`, { token: f.freelancerToken })).body).toEqual({
      year: year - 1,
      totals: [],
      months: [],
    });

    const csv = await SELF.fetch(`http://localhost/api/tax/summary?year=${year}`, {
      headers: { Authorization: `Bearer ${f.freelancerToken}`, Accept: "text/csv" },
    });
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    expect(csv.headers.get("Content-Disposition")).toContain(`megilance-tax-summary-${year}.csv`);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "Period,Currency,Earnings,Platform fees (tax incl.),Fees before tax,Tax charged on fees,Net credited,Fee statements",
    );
    expect(lines).toContain(`${month},USD,100.00,10.00,8.33,1.67,90.00,1`);
    expect(lines).toContain(`${year} total,USD,100.00,10.00,8.33,1.67,90.00,1`);
    const same = await call(`/api/tax/summary?year=${year}&format=csv`, { token: f.freelancerToken });
    expect(same.body).toContain(`${year} total,USD,100.00`);

    const pdf = await SELF.fetch(`http://localhost/api/tax/summary?year=${year}&format=pdf`, {
      headers: { Authorization: `Bearer ${f.freelancerToken}` },
    });
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const text = await pageText(new Uint8Array(await pdf.arrayBuffer()));
    for (const part of [`Tax summary ${year}`, `${year} total`, "100.00", "1.67", "90.00"]) expect(text).toContain(part);
  });

  it("is for signed-in freelancers, with a year in range", async () => {
    expect((await call("/api/tax/summary?year=2026")).status).toBe(401);
    const client = await createTestUser(env, { roles: ["client"] });
    expect((await call("/api/tax/summary?year=2026", { token: client.accessToken })).status).toBe(403);
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    for (const query of ["", "?year=twenty", "?year=1999", "?year=2026&format=xls"]) {
      expect((await call(`/api/tax/summary${query}`, { token: freelancer.accessToken })).status, query).toBe(422);
    }
  });
});

describe("billing details for tax", () => {
  it("keeps the country, business or personal status and Canadian province, and refuses a malformed EU VAT number unchanged", async () => {
    const user = await createTestUser(env, { roles: ["freelancer"] });
    const put = (body: Record<string, string>) => call("/api/billing-details", { token: user.accessToken, method: "PUT", body });
    const saved = await put({ country: "ca", province: "on", taxStatus: "business", taxId: "123456789RT0001" });
    expect(saved.body.billing).toMatchObject({ country: "CA", province: "ON", taxStatus: "business", taxId: "123456789RT0001" });
    const bad = await put({ country: "DE", taxStatus: "business", taxId: "DE12" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.taxId[0]).toContain("not a well-formed VAT number for DE");
    expect((await put({ country: "DE", province: "ON" })).body.error.fields).toHaveProperty("province");
    expect((await call("/api/billing-details", { token: user.accessToken })).body.billing).toMatchObject({ country: "CA", province: "ON" });
  });
});
