import { describe, expect, it } from "vitest";
import { browserForThisFile, expectAccessible, watchConsoleErrors } from "./browser";
import { navigate } from "./clicks";
import { unexpectedErrors } from "./demo-session";
import { registered, signedIn } from "./people";

const browser = browserForThisFile();
const HAN = "林森海山川风雨雪星月云花草竹松梅兰菊桥塔城村港湾岛湖泉";
const mark = () => Array.from(crypto.getRandomValues(new Uint32Array(6)), (n) => [...HAN][n % [...HAN].length]).join("");

describe("search in any script in the browser", () => {
  it("finds a Chinese project by a part of its title, and follows “Did you mean” on projects and freelancers", async () => {
    const han = mark();
    const title = `为${han}连锁咖啡店开发移动应用和会员系统`;
    const client = (await signedIn(browser, await registered("client", "Lin Client"))).page;
    const posted = await client.evaluate(
      async (title) =>
        (
          await fetch("/api/projects", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({
              title,
              description: "我们需要一个 iOS 和 Android 移动应用：在线点单、会员积分和门店地图。",
              category: "mobile-development",
              skills: ["Flutter"],
              budgetType: "fixed",
              budgetMin: 300_000,
              budgetMax: 600_000,
              currency: "USD",
            }),
          })
        ).status,
      title,
    );
    expect(posted).toBe(201);

    const page = (await signedIn(browser, await registered("freelancer", "Mei Freelancer"), { width: 390 })).page;
    const watch = watchConsoleErrors(page);
    await navigate(page, "Find work");
    await page.waitForURL(/\/projects$/);
    // A part of the title, inside a run of Chinese with no spaces.
    await page.getByLabel("Search projects").fill(`${han}连锁咖啡店开发移动应用`);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(/\/projects\?q=/);
    await expect.poll(() => page.getByRole("link", { name: title }).count()).toBe(1);
    await expect.poll(() => page.getByText("1 project found").count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // A misspelt skill finds nothing, and offers the skill meant.
    await page.getByLabel("Search projects").fill("recat");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(/\/projects\?q=recat/);
    await expect.poll(() => page.getByText("Did you mean").count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole("link", { name: "React", exact: true }).click();
    await page.waitForURL(/\/projects\?q=React(&|$)/);
    await expect.poll(() => page.getByLabel("Search projects").inputValue()).toBe("React");
    await expect.poll(() => page.getByText("Did you mean").count()).toBe(0);

    expect(unexpectedErrors(watch.errors)).toEqual([]);

    // The same on Find freelancers, from the client's portal navigation.
    const clientWatch = watchConsoleErrors(client);
    await navigate(client, "Find freelancers");
    await client.waitForURL(/\/freelancers$/);
    await client.getByLabel("Search freelancers").fill("javscript");
    await client.getByRole("button", { name: "Search", exact: true }).click();
    await client.waitForURL(/\/freelancers\?q=javscript/);
    await client.getByRole("link", { name: "JavaScript", exact: true }).click();
    await client.waitForURL(/\/freelancers\?q=JavaScript(&|$)/);
    await expect.poll(() => client.getByLabel("Search freelancers").inputValue()).toBe("JavaScript");
    expect(unexpectedErrors(clientWatch.errors)).toEqual([]);
  });
});
