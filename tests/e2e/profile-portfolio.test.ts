/**
 * The demo freelancer, by clicks alone: chooses and frames a photo and uploads it, adds a portfolio item with an
 * image, a link and a skill picked from suggestions, and sees both on the public profile; at 390 px wide none of
 * these pages scrolls sideways. The image uploads with a progress bar; languages are picked by name with a level.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-accounts";
import { wireframePng } from "../../db/seed/story/files";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { navigate, signIn } from "./clicks";
import { hydrated, unexpectedErrors } from "./demo-session";

const baseUrl = inject("baseUrl");
const browser = browserForThisFile();

const fitsWidth = (page: Page) =>
  page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) <= window.innerWidth);

describe("profile photo and portfolio", () => {
  it("uploads a framed photo, adds a portfolio item and shows both publicly", { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const watched = watchConsoleErrors(page);
    await page.goto(baseUrl);
    await signIn(page, "freelancer@demo.test", DEMO_PASSWORD);
    await navigate(page, "My profile");
    await page.waitForURL((url) => url.pathname === "/freelancer/profile");
    await hydrated(page);
    expect(await fitsWidth(page)).toBe(true);

    // A wide picture: the square is framed in the browser before it is sent.
    expect(await page.getByRole("img", { name: "Preview of your photo" }).count()).toBe(0);
    const menuPhoto = page.getByRole("button", { name: /account menu/i }).locator("img");
    // The demo freelancer starts with the seed's portrait.
    const seededSrc = await menuPhoto.getAttribute("src");
    expect(seededSrc).toMatch(/^\/api\/files\/[a-z0-9]+$/);
    await page.getByLabel("Change photo").setInputFiles({
      name: "holiday.png",
      mimeType: "image/png",
      buffer: Buffer.from(wireframePng(480, 320, [250, 204, 21])),
    });
    await expect.poll(() => page.getByRole("img", { name: "Preview of your photo" }).count()).toBe(1);
    await page.getByLabel("Zoom").fill("1.5");
    await page.getByLabel("Left to right").fill("30");
    await page.getByRole("button", { name: "Upload photo" }).click();
    await page.getByText("Your photo is saved.").waitFor();
    await expect.poll(() => menuPhoto.getAttribute("src")).not.toBe(seededSrc);
    const photoSrc = (await menuPhoto.getAttribute("src"))!;
    expect(photoSrc).toMatch(/^\/api\/files\/[a-z0-9]+$/);
    // The replaced portrait is gone.
    expect((await page.request.get(`${baseUrl}${seededSrc}`)).status()).toBe(404);
    const photo = await page.request.get(`${baseUrl}${photoSrc}`);
    expect(photo.headers()["content-type"]).toBe("image/jpeg");

    const title = `Bakery ordering app ${Date.now()}`;
    await page.getByRole("link", { name: "Add a portfolio item" }).click();
    await page.waitForURL((url) => url.pathname === "/freelancer/portfolio/new");
    await hydrated(page);
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("What you did").fill("Online ordering for a neighbourhood bakery: menus, pickup slots and card payments.");
    await page.getByLabel("Link").fill("https://bakery.example/order");
    await page.getByRole("searchbox", { name: /Add a skill/ }).fill("reac");
    await page.getByRole("button", { name: "Add React", exact: true }).click();
    await expect.poll(() => page.getByRole("list", { name: "Chosen skills used" }).textContent()).toContain("React");
    // The image uploads as soon as it is chosen, with a labelled progress bar; held here until the bar is checked.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/uploads", async (route) => {
      await held;
      await route.continue();
    });
    await page.getByLabel("Add images").setInputFiles({
      name: "order-screen.png",
      mimeType: "image/png",
      buffer: Buffer.from(wireframePng(480, 320, [234, 88, 12])),
    });
    const bar = page.getByRole("progressbar", { name: /Uploading order-screen\.png/ });
    await bar.waitFor();
    expect(await page.getByRole("button", { name: "Uploading images…" }).isDisabled()).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page);
    release();
    const chosen = page.getByRole("list", { name: "Images, in the order shown" });
    await expect.poll(() => chosen.getByRole("img", { name: "1 of 1" }).count()).toBe(1);
    expect(await bar.count()).toBe(0);
    await page.unroute("**/api/uploads");
    await page.getByRole("button", { name: "Add to portfolio" }).click();
    await page.waitForURL((url) => url.pathname === "/freelancer/profile");
    const yours = page.getByRole("list", { name: /Your portfolio/ });
    await expect.poll(() => yours.getByRole("listitem").first().textContent()).toContain(title);

    await page.getByRole("link", { name: "See your public page" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/f/"));
    const gallery = page.getByRole("list", { name: "Portfolio items" });
    const shown = gallery.getByRole("listitem").filter({ hasText: title });
    // An in-page navigation: the address changes before the public page is drawn, so wait for the item.
    await expect.poll(() => shown.getByRole("img", { name: `${title}, 1 of 1` }).count()).toBe(1);
    expect(await shown.getByRole("list", { name: `Skills used in ${title}` }).textContent()).toContain("React");
    expect(await shown.getByRole("link", { name: /bakery\.example/ }).getAttribute("href")).toBe("https://bakery.example/order");
    expect(await page.locator("main img").first().getAttribute("src")).toBe(photoSrc);
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page);

    const handle = new URL(page.url()).pathname.split("/").pop();
    const api = (await (await page.request.get(`${baseUrl}/api/freelancers/${handle}`)).json()) as {
      profile: { photoUrl: string; portfolio: Array<{ title: string; images: Array<{ url: string; width: number; height: number }> }> };
    };
    expect(new URL(api.profile.photoUrl).pathname).toBe(photoSrc);
    expect(api.profile.portfolio.find((i) => i.title === title)?.images).toEqual([expect.objectContaining({ width: 480, height: 320 })]);

    // Languages with a level, picked by name on the profile form, shown on the public page and in the API.
    await navigate(page, "My profile");
    await page.waitForURL((url) => url.pathname === "/freelancer/profile");
    await hydrated(page);
    const chosenLanguages = page.getByRole("list", { name: "Chosen languages" });
    const removeLanguage = chosenLanguages.getByRole("button", { name: /^Remove / });
    // An in-page navigation: the address changes before the form is drawn, and counting earlier would find nothing.
    await page.getByRole("searchbox", { name: "Add a language" }).waitFor();
    while ((await removeLanguage.count()) > 0) await removeLanguage.first().click();
    await page.getByRole("searchbox", { name: "Add a language" }).fill("germ");
    await page.getByRole("button", { name: "Add German", exact: true }).click();
    await page.getByRole("searchbox", { name: "Add a language" }).fill("portu");
    await page.getByRole("button", { name: "Add Portuguese", exact: true }).click();
    await page.getByLabel("Level of German").selectOption("native");
    await page.getByLabel("Level of Portuguese").selectOption("basic");
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save profile" }).last().click();
    await page.waitForURL((url) => url.pathname === `/f/${handle}`);
    const spoken = page.getByRole("list", { name: "Languages" });
    await expect.poll(() => spoken.textContent()).toBe("German · Native or bilingualPortuguese · Basic");
    expect(await fitsWidth(page)).toBe(true);
    const languages = (await (await page.request.get(`${baseUrl}/api/freelancers/${handle}`)).json()) as {
      profile: { languages: Array<{ code: string; name: string; level: string }> };
    };
    expect(languages.profile.languages).toEqual([
      { code: "de", name: "German", level: "native" },
      { code: "pt", name: "Portuguese", level: "basic" },
    ]);
    expect(unexpectedErrors(watched.errors)).toEqual([]);
    await context.close();
  });
});
