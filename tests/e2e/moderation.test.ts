import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { afterAll, describe, expect, inject, it } from "vitest";
import * as schema from "../../db/schema";
import { newId } from "../../db/schema/ids";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { signInOn } from "./people";

const baseUrl = inject("baseUrl");
const client = createClient({ url: inject("stackDatabaseUrl") });
const db = drizzle(client, { schema });
const browser = browserForThisFile();

afterAll(() => {
  client.close();
});

/** A freelancer with a public profile and two ended, reviewed contracts: one 5-star review, one abusive 1-star review. */
async function plantReviewedFreelancer(tag: string) {
  const now = new Date();
  const freelancerId = newId();
  const clientId = newId();
  const handle = `mod${tag}`;
  await db.insert(schema.users).values([
    {
      id: freelancerId,
      email: `f-${tag}@example.test`,
      name: `Robin Reviewed ${tag}`,
      roles: ["freelancer"],
      createdAt: now,
      updatedAt: now,
    },
    { id: clientId, email: `c-${tag}@example.test`, name: `Client ${tag}`, roles: ["client"], createdAt: now, updatedAt: now },
  ]);
  await db.insert(schema.freelancerProfiles).values({
    userId: freelancerId,
    handle,
    headline: "Careful TypeScript developer",
    languages: [{ code: "en", level: "native" }],
    // As the reviews below leave it: (5 + 1) / 2.
    ratingAvg: 3,
    ratingCount: 2,
  });
  for (const [rating, comment] of [
    [5, `Wonderful collaboration ${tag}`],
    [1, `Abusive words about the freelancer ${tag}`],
  ] as const) {
    const projectId = newId();
    const proposalId = newId();
    const contractId = newId();
    await db.insert(schema.projects).values({
      id: projectId,
      clientId,
      title: `Finished job ${rating} ${tag}`,
      description: "A finished piece of work used by the moderation journey.",
      categorySlug: "web-development",
      budgetType: "fixed",
      budgetMin: 50_000,
      budgetMax: 80_000,
      currency: "USD",
      attachments: [],
      status: "closed",
      createdAt: now,
    });
    await db.insert(schema.proposals).values({
      id: proposalId,
      projectId,
      freelancerId,
      coverLetter: "Planted proposal for the moderation journey.",
      bidAmount: 60_000,
      currency: "USD",
      estimatedDays: 5,
      attachments: [],
      status: "accepted",
      createdAt: now,
    });
    await db.insert(schema.contracts).values({
      id: contractId,
      projectId,
      clientId,
      freelancerId,
      proposalId,
      status: "ended",
      amount: 60_000,
      currency: "USD",
      endedAt: now,
      createdAt: now,
    });
    await db.insert(schema.reviews).values([
      {
        id: newId(),
        contractId,
        authorId: clientId,
        subjectId: freelancerId,
        authorRole: "client",
        rating,
        skillRatings: [],
        comment,
        publishedAt: now,
        createdAt: now,
      },
      {
        id: newId(),
        contractId,
        authorId: freelancerId,
        subjectId: clientId,
        authorRole: "freelancer",
        rating: 5,
        skillRatings: [],
        comment: "A fair client.",
        publishedAt: now,
        createdAt: now,
      },
    ]);
  }
  return { freelancerId, handle };
}

describe("review moderation", () => {
  it("an admin hides an abusive review with a reason; the freelancer's public profile drops it and its average changes", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const { freelancerId, handle } = await plantReviewedFreelancer(tag);
    const abusive = `Abusive words about the freelancer ${tag}`;

    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const watch = watchConsoleErrors(page);
    await page.goto(`${baseUrl}/f/${handle}`);
    await expect.poll(() => page.getByText("3.0 / 5").count()).toBe(1);
    expect(await page.getByText(abusive).count()).toBe(1);

    await signInOn(page, "admin@demo.test", { landsOn: "/admin" });
    await page.getByRole("link", { name: "Review moderation" }).click();
    await page.waitForURL(`${baseUrl}/admin/reviews`);
    await page.getByLabel("User id (author or subject)").fill(freelancerId);
    await page.getByLabel("Status", { exact: true }).selectOption("visible");
    await page.getByRole("search", { name: "Search reviews" }).getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/status=visible/);
    await expect.poll(() => page.getByRole("listitem").filter({ hasText: abusive }).count()).toBe(1);
    await expectAccessible(page);

    // The rest happens on a phone in dark theme.
    await context.addCookies([{ name: "theme", value: "dark", url: baseUrl }]);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    const item = page.getByRole("listitem").filter({ hasText: abusive });
    await item.getByText("Hide this review").click();
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await item.getByLabel("Reason told to both sides").fill("Abusive language breaks the review rules");
    await item.getByRole("button", { name: "Hide the review" }).click();
    await expect.poll(() => page.getByText(/is hidden; both sides were told why/).count(), { timeout: 15_000 }).toBe(1);

    await page.goto(`${baseUrl}/f/${handle}`);
    await expect.poll(() => page.getByText("5.0 / 5").count()).toBe(1);
    expect(await page.getByText(abusive).count()).toBe(0);
    expect(await page.getByText(`Wonderful collaboration ${tag}`).count()).toBe(1);
    expect(await page.getByText(/Rated 5\.0 out of 5 from 1 review\b/).count()).toBe(1);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
