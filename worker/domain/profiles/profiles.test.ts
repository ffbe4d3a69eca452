import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { files } from "../../../db/schema";
import { testContext } from "../../test-support/context";
import { pdfBytes, pngBytes } from "../../test-support/images";
import { coverLetter, projectBody, uniqueWord } from "../../test-support/market";
import { createTestUser } from "../../test-support/users";
import { storeUpload } from "../files/uploads";
import { postProject } from "../projects/projects";
import { acceptProposal } from "../proposals/decide";
import { sendProposal } from "../proposals/send";
import { getClientProfile, getMyClientProfile, markClientPaymentVerified, saveClientProfile } from "./client";
import { getMyFreelancerProfile, getPublicFreelancerProfile, saveFreelancerProfile } from "./freelancer";
import { addPortfolioItem, listPortfolio, removePortfolioItem, updatePortfolioItem } from "./portfolio";

const profile = (handle = uniqueWord("h")) => ({
  handle,
  headline: "Full-stack developer for SaaS products",
  bio: "I build web apps end to end.",
  skills: [{ skill: "JS", years: 6 }, { skill: "react", years: 4 }, "Postgres"],
  hourlyRate: 6_500,
  currency: "usd",
  availabilityHoursPerWeek: 30,
  timezone: "Europe/Berlin",
  languages: [
    { code: "English", level: "native" as const },
    { code: "de", level: "fluent" as const },
  ],
  country: "de",
});

describe("freelancer profiles", () => {
  it("creates a profile with alias-resolved skills and years, normalized codes, and shows it publicly by handle", async () => {
    const { ctx } = testContext(env);
    const { user } = await createTestUser(ctx, { roles: ["freelancer"] });
    const handle = uniqueWord("Dev");
    const saved = await saveFreelancerProfile(ctx, user, profile(handle));
    expect(saved).toMatchObject({
      handle: handle.toLowerCase(),
      currency: "USD",
      country: "DE",
      timezone: "Europe/Berlin",
      hourlyRate: 6_500,
      url: `/f/${handle.toLowerCase()}`,
    });
    expect(saved.skills).toEqual([
      { slug: "javascript", name: "JavaScript", years: 6 },
      { slug: "react", name: "React", years: 4 },
      { slug: "postgresql", name: "PostgreSQL", years: 0 },
    ]);
    expect(saved.languages).toEqual([
      { code: "en", name: "English", level: "native" },
      { code: "de", name: "German", level: "fluent" },
    ]);
    const pub = await getPublicFreelancerProfile(ctx, handle.toUpperCase());
    expect(pub.userId).toBe(user.id);
    expect(JSON.stringify(pub)).not.toContain(user.email);
    await expect(getPublicFreelancerProfile(ctx, "nobody-has-this-handle")).rejects.toMatchObject({ status: 404 });
  });

  it("merges updates, keeps handles unique and validates time zone, country and currency", async () => {
    const { ctx } = testContext(env);
    const { user } = await createTestUser(ctx, { roles: ["freelancer"] });
    const other = await createTestUser(ctx, { roles: ["freelancer"] });
    await expect(getMyFreelancerProfile(ctx, user)).rejects.toMatchObject({ status: 404 });
    await expect(saveFreelancerProfile(ctx, user, { headline: "No handle yet here" })).rejects.toMatchObject({
      status: 422,
      fields: { handle: expect.any(Array) },
    });
    const first = await saveFreelancerProfile(ctx, user, profile());
    const updated = await saveFreelancerProfile(ctx, user, { headline: "Senior React engineer" });
    expect(updated).toMatchObject({ headline: "Senior React engineer", handle: first.handle, hourlyRate: 6_500 });
    expect(updated.skills).toHaveLength(3);
    await expect(saveFreelancerProfile(ctx, other.user, profile(first.handle))).rejects.toMatchObject({
      status: 409,
      code: "handle_taken",
    });
    await expect(saveFreelancerProfile(ctx, other.user, profile("admin"))).rejects.toMatchObject({ status: 409 });
    for (const languages of [
      [{ code: "Klingon", level: "fluent" as const }],
      [{ code: "de", level: "perfect" as "fluent" }],
      [
        { code: "German", level: "fluent" as const },
        { code: "de", level: "basic" as const },
      ],
    ])
      await expect(saveFreelancerProfile(ctx, user, { languages })).rejects.toMatchObject({ status: 422 });
    expect((await getMyFreelancerProfile(ctx, user)).languages.map((l) => l.code)).toEqual(["en", "de"]);
    await expect(saveFreelancerProfile(ctx, user, { timezone: "Mars/Olympus" })).rejects.toMatchObject({
      status: 422,
      fields: { timezone: expect.any(Array) },
    });
    await expect(saveFreelancerProfile(ctx, user, { country: "XX" })).rejects.toMatchObject({
      status: 422,
      fields: { country: expect.any(Array) },
    });
    await expect(saveFreelancerProfile(ctx, user, { currency: "BTC" })).rejects.toMatchObject({
      status: 422,
      fields: { currency: expect.any(Array) },
    });
    await expect(saveFreelancerProfile(ctx, user, { skills: ["Necromancy"] })).rejects.toMatchObject({ status: 422 });
    expect((await getMyFreelancerProfile(ctx, user)).timezone).toBe("Europe/Berlin");
    const client = await createTestUser(ctx, { roles: ["client"] });
    await expect(saveFreelancerProfile(ctx, client.user, profile())).rejects.toMatchObject({ status: 403 });
  });
});

describe("portfolio", () => {
  it("adds items with the freelancer's own images, edits and removes them; anyone else is told they do not exist", async () => {
    const { ctx } = testContext(env);
    const { user } = await createTestUser(ctx, { roles: ["freelancer"] });
    const other = await createTestUser(ctx, { roles: ["freelancer"] });
    const saved = await saveFreelancerProfile(ctx, user, profile());
    const image = await storeUpload(ctx, env.FILES, user, { bytes: pngBytes(800, 600) });
    const pdf = await storeUpload(ctx, env.FILES, user, { bytes: pdfBytes() });
    const theirs = await storeUpload(ctx, env.FILES, other.user, { bytes: pngBytes(10, 10) });
    const item = await addPortfolioItem(ctx, user, {
      title: "Shop redesign",
      description: "A new storefront",
      link: "https://example.com/shop",
      imageKeys: [image.key],
    });
    expect(item.images).toEqual([expect.objectContaining({ key: image.key, width: 800, height: 600 })]);
    await expect(addPortfolioItem(ctx, user, { title: "Bad", imageKeys: [pdf.key] })).rejects.toMatchObject({ status: 422 });
    await expect(addPortfolioItem(ctx, user, { title: "Bad", imageKeys: [theirs.key] })).rejects.toMatchObject({ status: 422 });
    await expect(addPortfolioItem(ctx, user, { title: "Bad", link: "javascript:alert(1)" })).rejects.toMatchObject({ status: 422 });
    expect((await updatePortfolioItem(ctx, user, item.id, { title: "Shop redesign 2.0" })).title).toBe("Shop redesign 2.0");
    await expect(updatePortfolioItem(ctx, other.user, item.id, { title: "Mine now" })).rejects.toMatchObject({ status: 404 });
    await expect(removePortfolioItem(ctx, other.user, item.id)).rejects.toMatchObject({ status: 404 });
    expect((await getPublicFreelancerProfile(ctx, saved.handle)).portfolio.map((p) => p.id)).toEqual([item.id]);
    await removePortfolioItem(ctx, user, item.id);
    expect(await listPortfolio(ctx, user)).toEqual([]);
    await expect(removePortfolioItem(ctx, user, item.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe("portfolio images in the bucket", () => {
  it("leave R2 when their item is deleted or they are taken off it, unless another item still shows them", async () => {
    const { ctx } = testContext(env);
    const { user } = await createTestUser(ctx, { roles: ["freelancer"] });
    await saveFreelancerProfile(ctx, user, profile());
    const [cover, detail, shared] = await Promise.all(
      [pngBytes(400, 300), pngBytes(300, 400), pngBytes(200, 200)].map((bytes) => storeUpload(ctx, env.FILES, user, { bytes })),
    );
    const inBucket = async (key: string) => (await env.FILES.get(key)) !== null;
    const recorded = async (key: string) => (await ctx.db.select().from(files).where(eq(files.key, key))).length === 1;
    const first = await addPortfolioItem(ctx, user, { title: "Brand kit", imageKeys: [cover.key, detail.key, shared.key] });
    const second = await addPortfolioItem(ctx, user, { title: "Poster", imageKeys: [shared.key] });
    for (const key of [cover.key, detail.key, shared.key]) expect(await inBucket(key)).toBe(true);

    // Taking one image off the item deletes that image only.
    await updatePortfolioItem(ctx, user, first.id, { imageKeys: [cover.key, shared.key] });
    expect(await inBucket(detail.key)).toBe(false);
    expect(await recorded(detail.key)).toBe(false);
    expect(await inBucket(cover.key)).toBe(true);

    // Deleting the item deletes its own image; the one the other item shows stays.
    await removePortfolioItem(ctx, user, first.id);
    expect(await inBucket(cover.key)).toBe(false);
    expect(await recorded(cover.key)).toBe(false);
    expect(await inBucket(shared.key)).toBe(true);
    expect((await listPortfolio(ctx, user))[0].images.map((i) => i.key)).toEqual([shared.key]);

    await removePortfolioItem(ctx, user, second.id);
    expect(await inBucket(shared.key)).toBe(false);
    expect(await recorded(shared.key)).toBe(false);
  });
});

describe("client profiles", () => {
  it("start empty, save company facts, count hiring history, and only payments can mark them verified", async () => {
    const { ctx } = testContext(env);
    const { user } = await createTestUser(ctx, { roles: ["client"] });
    expect(await getMyClientProfile(ctx, user)).toMatchObject({
      companyName: null,
      paymentVerified: false,
      hiring: { projectsPosted: 0, openProjects: 0, hires: 0 },
    });
    const saved = await saveClientProfile(ctx, user, {
      companyName: "Acme GmbH",
      companySize: "11-50",
      country: "at",
      paymentVerified: true,
    } as never);
    expect(saved).toMatchObject({ companyName: "Acme GmbH", companySize: "11-50", country: "AT", paymentVerified: false });
    await expect(saveClientProfile(ctx, user, { country: "ZZ" })).rejects.toMatchObject({ status: 422 });
    const project = await postProject(ctx, user, projectBody());
    await postProject(ctx, user, projectBody());
    const freelancer = await createTestUser(ctx, { roles: ["freelancer"] });
    const proposal = await sendProposal(ctx, freelancer.user, project.id, {
      coverLetter: coverLetter(),
      bidAmount: 100_000,
      estimatedDays: 5,
    });
    await acceptProposal(ctx, user, proposal.id);
    await markClientPaymentVerified(ctx, user.id);
    expect(await getClientProfile(ctx, user.id)).toMatchObject({
      paymentVerified: true,
      companyName: "Acme GmbH",
      hiring: { projectsPosted: 2, openProjects: 2, hires: 1 },
    });
    await expect(getMyClientProfile(ctx, freelancer.user)).rejects.toMatchObject({ status: 403 });
  });
});
