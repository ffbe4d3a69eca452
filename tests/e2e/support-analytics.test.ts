import { describe, expect, inject, it } from "vitest";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { signedIn } from "./people";

const baseUrl = inject("baseUrl");
const MINIMAL_PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

const browser = browserForThisFile();

const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));

describe("support and analytics in the browser", () => {
  it("a freelancer opens a ticket with a file, an admin answers it, and the freelancer reads the answer", async () => {
    const subject = `Payout question ${Date.now().toString(36)}`;
    const user = (
      await signedIn(browser, "freelancer@demo.test", { redirectTo: "/support", context: { viewport: { width: 375, height: 800 } } })
    ).page;
    const userWatch = watchConsoleErrors(user);
    await expectAccessible(user);
    await user.getByLabel("What is it about?").selectOption("payments");
    await user.getByLabel("Subject").fill(subject);
    await user.getByLabel("Describe the problem").fill("My payout from last week has not reached my bank yet.");
    await user.getByLabel(/Attach files/).setInputFiles({ name: "statement.pdf", mimeType: "application/pdf", buffer: MINIMAL_PDF });
    await user.getByRole("button", { name: "Send to support" }).click();
    await user.waitForURL(new RegExp(`${baseUrl}/support/[0-9A-Z]+$`));
    const ticketUrl = user.url();
    await expect.poll(() => user.getByRole("heading", { level: 1 }).textContent()).toContain(subject);
    expect(await user.getByRole("link", { name: "statement.pdf" }).count()).toBe(1);
    expect(await user.getByText("Waiting for support").count()).toBe(1);

    const admin = (await signedIn(browser, "admin@demo.test", { redirectTo: "/admin/support", width: 1280 })).page;
    const adminWatch = watchConsoleErrors(admin);
    await admin.getByRole("link", { name: subject }).click();
    await admin.waitForURL(new RegExp(`${baseUrl}/admin/support/[0-9A-Z]+$`));
    await expectAccessible(admin);
    await admin.getByRole("textbox", { name: "Answer" }).fill("The payout left on Monday; banks take up to 3 days.");
    await admin.getByRole("button", { name: "Send reply" }).click();
    await expect.poll(() => admin.getByText("Support replied").count()).toBeGreaterThan(0);
    expect(await admin.getByText(/assigned to /).textContent()).not.toContain("nobody assigned");

    await user.goto(ticketUrl);
    await expect.poll(() => user.getByText("The payout left on Monday; banks take up to 3 days.").count()).toBe(1);
    expect(await user.getByText("MegiLance support").count()).toBeGreaterThan(0);
    await user.getByRole("button", { name: "Close this ticket" }).click();
    await expect.poll(() => user.getByText("Closed", { exact: true }).count()).toBe(1);

    expect(unexpected(userWatch.errors)).toEqual([]);
    expect(unexpected(adminWatch.errors)).toEqual([]);
  });

  it("the admin reads charts for a range, exports CSV, and portals show their own figures", async () => {
    const admin = (await signedIn(browser, "admin@demo.test", { redirectTo: "/admin/analytics", width: 1280 })).page;
    const watch = watchConsoleErrors(admin);
    await expect.poll(() => admin.getByRole("heading", { level: 1 }).textContent()).toBe("Analytics");
    expect(await admin.getByRole("img", { name: /Users per day/ }).count()).toBe(1);
    expect(await admin.getByRole("img", { name: /Projects posted and hires per day/ }).count()).toBe(1);
    await expectAccessible(admin);

    await admin.getByRole("textbox", { name: "From", exact: true }).fill("2026-01-01");
    await admin.getByRole("textbox", { name: "To", exact: true }).fill("2026-01-31");
    await admin.getByRole("button", { name: "Show" }).click();
    await admin.waitForURL(/from=2026-01-01&to=2026-01-31/);
    await expect.poll(() => admin.getByText("2026-01-01 to 2026-01-31 (31 days, UTC)", { exact: false }).count()).toBe(1);

    const csvLink = admin.getByRole("link", { name: "Download CSV of Day by day" });
    const response = await admin.request.get(new URL((await csvLink.getAttribute("href"))!, baseUrl).toString());
    expect(response.headers()["content-type"]).toContain("text/csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^day,new users,active users,projects posted,hires/);
    expect(lines).toHaveLength(32);

    await admin.goto(`${baseUrl}/admin/analytics?from=2026-02-10&to=2026-01-01`);
    expect(await admin.getByRole("alert").filter({ hasText: "after the end date" }).count()).toBe(1);

    // The same charts in the dark theme stay accessible (contrast included).
    await admin.getByRole("button", { name: /switch to dark theme/i }).click();
    await expect.poll(() => admin.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    await expectAccessible(admin);
    expect(unexpected(watch.errors)).toEqual([]);

    const freelancer = (
      await signedIn(browser, "freelancer@demo.test", {
        redirectTo: "/freelancer/analytics",
        context: { viewport: { width: 375, height: 800 } },
      })
    ).page;
    await expect.poll(() => freelancer.getByRole("heading", { level: 1 }).textContent()).toBe("Your analytics");
    expect(await freelancer.getByText("Proposal success rate").count()).toBe(1);
    expect(await freelancer.getByRole("img", { name: /Profile views per day/ }).count()).toBe(1);
    await expectAccessible(freelancer);

    const client = (await signedIn(browser, "client@demo.test", { redirectTo: "/client/spending", width: 1280 })).page;
    await expect.poll(() => client.getByRole("heading", { level: 1 }).textContent()).toBe("Spending by project");
    await expectAccessible(client);
  });
});
