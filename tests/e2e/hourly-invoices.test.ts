import { describe, expect, inject, it } from "vitest";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { confirmedClick } from "./demo-session";
import { DEMO_PASSWORD, signInOn } from "./people";

const baseUrl = inject("baseUrl");

const browser = browserForThisFile();

async function api(path: string, token: string | null, body?: unknown, method?: string) {
  const res = await fetch(`${baseUrl}${path}`, {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as any;
  expect(res.status, `${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}

async function token(email: string) {
  return (await api("/api/auth/login", null, { email, password: DEMO_PASSWORD })).accessToken as string;
}

/** An active hourly contract between the demo client and freelancer, made through the API. */
async function hourlyContract(): Promise<string> {
  const [client, freelancer] = [await token("client@demo.test"), await token("freelancer@demo.test")];
  const { project } = await api("/api/projects", client, {
    title: `Hourly help with our ${Date.now().toString(36)} React dashboard`,
    description: "We need a React and TypeScript developer for a few hours a week to keep our sales dashboard moving.",
    category: "web-development",
    skills: ["React", "TypeScript"],
    budgetType: "hourly",
    budgetMin: 3_000,
    budgetMax: 6_000,
    currency: "USD",
  });
  const { proposal } = await api(`/api/projects/${project.id}/proposals`, freelancer, {
    coverLetter:
      "I maintain two React dashboards for sales teams today. I would start with your slowest charts, then the weekly reports, and keep a short log of every hour.",
    bidAmount: 4_000,
    weeklyHours: 20,
  });
  const { contract } = await api(`/api/proposals/${proposal.id}/accept`, client, {});
  await api(`/api/contracts/${contract.id}`, client, { weeklyHourLimit: 20 }, "PATCH");
  await api(`/api/contracts/${contract.id}/accept`, freelancer, {});
  return contract.id;
}

describe("hourly work and invoices in the browser", () => {
  it("the freelancer tracks a week, the client approves it, and both find the invoice as HTML and PDF", async () => {
    const contractId = await hourlyContract();

    const freelancerContext = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const freelancer = await freelancerContext.newPage();
    const freelancerWatch = watchConsoleErrors(freelancer);
    await signInOn(freelancer, "freelancer@demo.test", { redirectTo: `/contracts/${contractId}` });
    await freelancer.getByRole("link", { name: "Time and timesheets" }).click();
    await freelancer.waitForURL(`${baseUrl}/contracts/${contractId}/time`);
    await expectAccessible(freelancer);

    await freelancer.getByLabel("What are you working on? (optional)").fill("Chart performance");
    await freelancer.getByRole("button", { name: "Start timer" }).click();
    await expect.poll(() => freelancer.getByRole("button", { name: "Stop timer" }).count()).toBe(1);
    await freelancer.getByRole("button", { name: "Stop timer" }).click();
    await expect.poll(() => freelancer.getByRole("button", { name: "Start timer" }).count()).toBe(1);

    await freelancer.getByLabel("Hours").fill("2");
    await freelancer.getByLabel("Minutes").fill("30");
    await freelancer.getByLabel("Memo").fill("Weekly report");
    await freelancer.getByRole("button", { name: "Log time" }).click();
    await expect.poll(() => freelancer.getByText("Weekly report").count()).toBe(1);
    await freelancer.getByLabel("Hours").fill("19");
    await freelancer.getByRole("button", { name: "Log time" }).click();
    await expect.poll(() => freelancer.getByRole("alert").filter({ hasText: "20-hour weekly limit" }).count()).toBe(1);
    await freelancer.getByRole("button", { name: /^Submit \d{4}-W\d{2} for approval/ }).click();
    await expect.poll(() => freelancer.getByText("Waiting for the client").count()).toBe(1);
    await expectAccessible(freelancer);
    expect(freelancerWatch.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);

    const clientContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "dark" });
    const client = await clientContext.newPage();
    const clientWatch = watchConsoleErrors(client);
    await signInOn(client, "client@demo.test", { redirectTo: "/settings/billing" });
    await expectAccessible(client);
    await client.getByLabel("Tax ID (VAT, GST, EIN)").fill("DE999888777");
    await client.getByRole("button", { name: "Save billing details" }).click();
    await expect.poll(() => client.getByText("Saved. Invoices issued from now on print these details.").count()).toBe(1);
    await client.goto(`${baseUrl}/contracts/${contractId}/time`);
    await expectAccessible(client);
    await confirmedClick(client, "Approve and pay $100.00");
    await expect.poll(() => client.getByText("Approved and paid").count()).toBe(1);

    await client.getByRole("link", { name: "Invoices for this contract" }).click();
    await client.waitForURL(new RegExp(`/invoices\\?contractId=${contractId}$`));
    await expectAccessible(client);
    const number = (await client
      .getByRole("link", { name: /^ML-\d{4}-\d{6}$/ })
      .first()
      .textContent()) as string;
    await client.getByRole("link", { name: number }).click();
    await client.waitForURL(/\/invoices\/[0-9A-Z]+$/);
    // "Invoice" exactly: the list the click came from is headed "Invoices and receipts" until the invoice is drawn.
    await expect.poll(() => client.getByRole("heading", { level: 1, name: "Invoice", exact: true }).count()).toBe(1);
    expect(await client.getByText("$100.00").count()).toBeGreaterThan(0);
    expect(await client.getByText("Tax ID: DE999888777").count()).toBe(1);
    await expectAccessible(client);
    const href = (await client.getByRole("link", { name: "Download PDF" }).getAttribute("href")) as string;
    const pdf = await client.request.get(`${baseUrl}${href}`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    expect(clientWatch.errors).toEqual([]);

    // The freelancer issued it: it is in their list too.
    await freelancer.goto(`${baseUrl}/invoices`);
    await expect.poll(() => freelancer.getByRole("link", { name: number }).count()).toBe(1);
    await expectAccessible(freelancer);

    await clientContext.close();
    await freelancerContext.close();
  });
});
