/**
 * Long unbroken titles, names, e-mails and URLs never widen a page: at 390 px wide, with a phone's viewport, no
 * page scrolls sideways or zooms out; on a desktop the public list stays the window's width.
 */
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as schema from "../../db/schema";
import { newId } from "../../db/schema/ids";
import { hashPassword } from "../../worker/domain/auth/password";
import { browserForThisFile, watchConsoleErrors } from "./browser";
import { signedIn } from "./people";

const baseUrl = inject("baseUrl");
const client = createClient({ url: inject("stackDatabaseUrl") });
const db = drizzle(client, { schema });
const PASSWORD = "long-words-everywhere";
const PHONE = { width: 390, height: 844 };
/** A phone's browser: its width, touch and mobile viewport. */
const ON_A_PHONE = { viewport: PHONE, isMobile: true, hasTouch: true };
const browser = browserForThisFile();

afterAll(() => {
  client.close();
});

/** One word of `length` letters, no break opportunity anywhere. */
const word = (stem: string, length: number) => (stem + "abcdefghijklmnopqrstuvwxyz".repeat(20)).slice(0, length);

/**
 * A client and a freelancer whose names, e-mails, project, proposal, contract, milestone, profile, portfolio,
 * messages and notifications are all one long word or one long URL.
 */
async function plantLongWords(tag: string) {
  const now = new Date();
  const passwordHash = await hashPassword(PASSWORD);
  const clientId = newId();
  const freelancerId = newId();
  const clientEmail = `${word(`client${tag}`, 60)}@${word("subdomain", 50)}.example.test`;
  const freelancerEmail = `${word(`freelancer${tag}`, 60)}@${word("subdomain", 50)}.example.test`;
  const handle = `long${tag}`.slice(0, 30);
  const longUrl = `https://example.com/${word("path", 180)}?${word("query", 60)}=${word("value", 60)}`;
  await db.insert(schema.users).values([
    {
      id: clientId,
      email: clientEmail,
      name: word("Wolfeschlegelsteinhausenbergerdorff", 90),
      roles: ["client"],
      passwordHash,
      emailVerifiedAt: now,
      createdAt: now,
      updatedAt: now,
    },
    {
      id: freelancerId,
      email: freelancerEmail,
      name: word("Pneumonoultramicroscopicsilicovolcanoconiosis", 90),
      roles: ["freelancer"],
      passwordHash,
      emailVerifiedAt: now,
      createdAt: now,
      updatedAt: now,
    },
  ]);
  await db.insert(schema.clientProfiles).values({ userId: clientId, companyName: word("Company", 80) });
  await db.insert(schema.freelancerProfiles).values({
    userId: freelancerId,
    handle,
    headline: word("Headline", 120),
    bio: `See ${longUrl} and ${word("Biography", 200)}`,
    languages: [{ code: word("Language", 60), level: "fluent" }],
    skillsText: "",
  });
  await db.insert(schema.portfolioItems).values({
    id: newId(),
    freelancerId,
    title: word("Portfolio", 150),
    description: word("Description", 300),
    url: longUrl,
    imageKeys: [],
  });
  const title = word(`Supercalifragilisticexpialidocious${tag}`, 150);
  const projectId = newId();
  const hiredProjectId = newId();
  const proposalId = newId();
  const hiredProposalId = newId();
  const contractId = newId();
  const conversationId = newId();
  const project = (id: string) => ({
    id,
    clientId,
    title,
    description: `${word("Description", 400)} ${longUrl}`,
    categorySlug: "web-development",
    budgetType: "fixed" as const,
    budgetMin: 50_000,
    budgetMax: 90_000,
    currency: "USD",
    attachments: [],
    createdAt: now,
  });
  await db.insert(schema.projects).values([project(projectId), project(hiredProjectId)]);
  const proposal = (id: string, onProject: string, status: "pending" | "accepted") => ({
    id,
    projectId: onProject,
    freelancerId,
    coverLetter: `${word("Coverletter", 300)} ${longUrl}`,
    bidAmount: 70_000,
    currency: "USD",
    estimatedDays: 9,
    attachments: [],
    status,
    createdAt: now,
  });
  await db
    .insert(schema.proposals)
    .values([proposal(proposalId, projectId, "pending"), proposal(hiredProposalId, hiredProjectId, "accepted")]);
  await db.insert(schema.contracts).values({
    id: contractId,
    projectId: hiredProjectId,
    clientId,
    freelancerId,
    proposalId: hiredProposalId,
    status: "active",
    type: "fixed",
    amount: 70_000,
    currency: "USD",
    acceptedAt: now,
    createdAt: now,
  });
  await db.insert(schema.milestones).values({
    id: newId(),
    contractId,
    position: 1,
    title: word("Milestone", 150),
    amount: 70_000,
    currency: "USD",
    updatedAt: now,
    createdAt: now,
  });
  const messageId = newId();
  await db.insert(schema.conversations).values({
    id: conversationId,
    clientId,
    freelancerId,
    projectId: hiredProjectId,
    contractId,
    proposalId: hiredProposalId,
    contextKey: `contract:${contractId}`,
    lastMessageId: messageId,
    lastActivityAt: now,
    createdAt: now,
  });
  await db.insert(schema.conversationMembers).values([
    { conversationId, userId: clientId, createdAt: now },
    { conversationId, userId: freelancerId, createdAt: now },
  ]);
  await db.insert(schema.messages).values({
    id: messageId,
    conversationId,
    senderId: freelancerId,
    body: `${longUrl} ${word("Message", 300)}`,
    attachments: [{ key: word("key", 40), name: word("attachment", 120) + ".pdf", contentType: "application/pdf", size: 2048 }],
    createdAt: now,
  });
  await db.insert(schema.notifications).values(
    [clientId, freelancerId].map((userId) => ({
      id: newId(),
      userId,
      type: "milestone_funded",
      title: word("Notification", 180),
      body: `${word("Body", 250)} ${longUrl}`,
      link: `/contracts/${contractId}`,
      createdAt: now,
    })),
  );
  return { clientEmail, freelancerEmail, handle, projectId, contractId, conversationId, title };
}

/** Pages that show none of the planted words (they only frame the others), so they are measured but not required to. */
const FRAMES = new Set(["/", "/sign-in", "/freelancers"]);
const LONG = 40;

/**
 * How wide the page lays out, how wide the browser shows it (a phone zooms out to fit wider pages), and the longest
 * unbroken run of text it shows, which proves the planted words are really on the page being measured.
 */
async function widthOf(page: Page, path: string) {
  const res = await page.goto(`${baseUrl}${path}`);
  expect(res?.status(), path).toBe(200);
  return page.evaluate((at) => {
    const root = document.documentElement;
    const longestWord = Math.max(...document.body.innerText.split(/\s+/).map((w) => w.length));
    return { path: at, document: Math.max(root.scrollWidth, document.body.scrollWidth), viewport: window.innerWidth, longestWord };
  }, path);
}

async function expectNoSidewaysScroll(page: Page, paths: string[], width = PHONE.width) {
  const measured = [];
  for (const path of paths) measured.push(await widthOf(page, path));
  expect(measured.filter((m) => !FRAMES.has(m.path) && m.longestWord < LONG)).toEqual([]);
  expect(measured.filter((m) => m.document > width || m.viewport !== width)).toEqual([]);
}

/** The portal menu and the account menu (which names the person) open on a phone and stay on the screen. */
async function expectMenusFit(page: Page) {
  expect(await openMenuFits(page, page.getByRole("button", { name: "Menu", exact: true }))).toEqual([]);
  expect(await openMenuFits(page, page.getByRole("button", { name: /^Account menu for / }))).toEqual([]);
}

/** Opens a popover menu and lists whatever in it reaches past the screen's edge or past the menu's own box. */
async function openMenuFits(page: Page, button: Locator): Promise<string[]> {
  await button.click();
  const menu = page.locator(":popover-open");
  await menu.waitFor();
  const overflowing = await menu.evaluate((box) => {
    const edge = box.getBoundingClientRect();
    const out: string[] = [];
    if (edge.left < 0 || edge.right > window.innerWidth) out.push(`menu ${edge.left}..${edge.right}`);
    if (box.scrollWidth > box.clientWidth) out.push(`menu content ${box.scrollWidth} > ${box.clientWidth}`);
    return out;
  });
  await page.keyboard.press("Escape");
  await menu.waitFor({ state: "hidden" });
  return overflowing;
}

describe("long text never breaks a page", () => {
  let planted: Awaited<ReturnType<typeof plantLongWords>>;
  beforeAll(async () => {
    planted = await plantLongWords(Date.now().toString(36));
  });

  it("at 390 px, a visitor's public pages full of one-word titles, names and URLs fit the screen", async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const visitor = await context.newPage();
    const watch = watchConsoleErrors(visitor);
    await expectNoSidewaysScroll(visitor, [
      "/",
      "/projects",
      "/projects?category=web-development",
      `/projects/${planted.projectId}`,
      "/freelancers",
      `/f/${planted.handle}`,
      "/sign-in",
    ]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it("at 390 px, the client's dashboard, proposals, contract, messages and notifications fit the screen, menus too", async () => {
    const { context, page } = await signedIn(browser, planted.clientEmail, { password: PASSWORD, context: ON_A_PHONE });
    const watch = watchConsoleErrors(page);
    await expectNoSidewaysScroll(page, [
      "/client",
      "/projects",
      `/projects/${planted.projectId}`,
      `/f/${planted.handle}`,
      "/messages",
      `/messages/${planted.conversationId}`,
      `/client/projects/${planted.projectId}/proposals`,
      `/contracts/${planted.contractId}`,
      "/notifications",
      "/settings/account",
    ]);
    await expectMenusFit(page);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it("at 390 px, the freelancer's dashboard, profile, contract, messages and notifications fit the screen, menus too", async () => {
    const { context, page } = await signedIn(browser, planted.freelancerEmail, { password: PASSWORD, context: ON_A_PHONE });
    const watch = watchConsoleErrors(page);
    await expectNoSidewaysScroll(page, [
      "/freelancer",
      `/projects/${planted.projectId}`,
      `/contracts/${planted.contractId}`,
      `/messages/${planted.conversationId}`,
      "/messages",
      "/freelancer/profile",
      "/notifications",
    ]);
    await expectMenusFit(page);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it("on a desktop, the public list and the project page stay the window's width", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const wide = await context.newPage();
    await expectNoSidewaysScroll(wide, ["/projects", `/projects/${planted.projectId}`], 1280);
    await context.close();
  });
});
