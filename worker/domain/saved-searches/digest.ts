import { and, asc, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { projects, savedSearchDeliveries, savedSearchDigests, savedSearches, users, type SavedSearch } from "../../../db/schema";
import type { DomainContext } from "../context";
import { formatMoney } from "../currency/format";
import { notSentYetSql, savedSearchPage } from "./matching";
import { DIGEST_LOOKBACK_MS, DIGEST_PROJECTS_MAX, MATCH_BATCH_SIZE, savedSearchHref } from "./rules";
import { digestUnsubscribeUrl } from "./unsubscribe";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The daily cron's part: one queued job per saved search on the daily digest (run here when no queue is wired). */
export async function queueSavedSearchDigests(ctx: DomainContext): Promise<string> {
  let after = "";
  let queued = 0;
  let sent = 0;
  for (;;) {
    const chunk = await ctx.db
      .select({ id: savedSearches.id })
      .from(savedSearches)
      .where(and(eq(savedSearches.frequency, "daily"), gt(savedSearches.id, after)))
      .orderBy(asc(savedSearches.id))
      .limit(MATCH_BATCH_SIZE);
    for (const { id } of chunk) {
      if (ctx.enqueue) {
        await ctx.enqueue({ type: "saved-search.digest", savedSearchId: id });
        queued++;
      } else if ((await sendSavedSearchDigest(ctx, id)) === "sent") sent++;
    }
    if (chunk.length < MATCH_BATCH_SIZE) break;
    after = chunk[chunk.length - 1].id;
  }
  return ctx.enqueue ? `queued ${queued} saved-search digests` : `sent ${sent} saved-search digests`;
}

/** Records today's digest of new matching projects not sent before, claiming each project for this search once. */
async function recordDigest(ctx: DomainContext, search: SavedSearch): Promise<string | null> {
  const now = ctx.clock.now();
  const since = Math.max(search.createdAt.getTime(), now.getTime() - DIGEST_LOOKBACK_MS);
  const page = await savedSearchPage(ctx, search, [sql`${projects.createdAt} >= ${since}`, notSentYetSql(search.id)], {
    sort: "newest",
    limit: DIGEST_PROJECTS_MAX,
  });
  if (!page) return null;
  const found = (await ctx.db.all<{ id: string }>(page)).slice(0, DIGEST_PROJECTS_MAX);
  if (found.length === 0) return null;
  const digestId = ctx.newId();
  // A project another run claimed a moment ago stays out of this digest (the primary key of a delivery).
  await ctx.db.batch([
    ctx.db.insert(savedSearchDigests).values({ id: digestId, savedSearchId: search.id, createdAt: now, emailedAt: null }),
    ctx.db
      .insert(savedSearchDeliveries)
      .values(found.map((p) => ({ savedSearchId: search.id, projectId: p.id, digestId, createdAt: now })))
      .onConflictDoNothing(),
  ]);
  return digestId;
}

/**
 * One saved search's daily e-mail: the new projects it matches that it never sent (by instant alert or an earlier
 * digest), newest first. Safe to repeat when the queue retries: the projects are claimed with the digest in one
 * transaction before anything is sent, a digest recorded but not yet e-mailed is sent by the next run, and the
 * e-mail goes out only after this run marked the digest as its own to send.
 */
export async function sendSavedSearchDigest(ctx: DomainContext, savedSearchId: string): Promise<"sent" | "skipped"> {
  const [search] = await ctx.db.select().from(savedSearches).where(eq(savedSearches.id, savedSearchId)).limit(1);
  if (!search || search.frequency !== "daily") return "skipped";
  const [waiting] = await ctx.db
    .select({ id: savedSearchDigests.id })
    .from(savedSearchDigests)
    .where(and(eq(savedSearchDigests.savedSearchId, search.id), isNull(savedSearchDigests.emailedAt)))
    .orderBy(asc(savedSearchDigests.id))
    .limit(1);
  const digestId = waiting?.id ?? (await recordDigest(ctx, search));
  if (!digestId) return "skipped";
  const [owner, listed] = await ctx.db.batch([
    ctx.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, search.userId)),
    ctx.db
      .select({
        id: projects.id,
        title: projects.title,
        budgetType: projects.budgetType,
        budgetMin: projects.budgetMin,
        budgetMax: projects.budgetMax,
        currency: projects.currency,
      })
      .from(savedSearchDeliveries)
      .innerJoin(projects, eq(projects.id, savedSearchDeliveries.projectId))
      .where(eq(savedSearchDeliveries.digestId, digestId))
      .orderBy(desc(projects.createdAt)),
  ]);
  // This run sends the digest only if it is the one that marks it; a failure to hand the mail over unmarks it for the retry.
  const marked = await ctx.db
    .update(savedSearchDigests)
    .set({ emailedAt: ctx.clock.now() })
    .where(and(eq(savedSearchDigests.id, digestId), isNull(savedSearchDigests.emailedAt)))
    .returning({ id: savedSearchDigests.id });
  if (marked.length === 0 || !owner[0] || listed.length === 0) return "skipped";
  try {
    await ctx.sendEmail(await digestEmail(ctx, search, owner[0], listed));
  } catch (error) {
    await ctx.db
      .update(savedSearchDigests)
      .set({ emailedAt: null })
      .where(inArray(savedSearchDigests.id, [digestId]));
    throw error;
  }
  return "sent";
}

type DigestProject = { id: string; title: string; budgetType: string; budgetMin: number; budgetMax: number; currency: string };

async function digestEmail(ctx: DomainContext, search: SavedSearch, owner: { name: string; email: string }, listed: DigestProject[]) {
  const origin = ctx.config.appOrigin;
  const unsubscribeHref = await digestUnsubscribeUrl(ctx, search.id);
  const manageHref = `${origin}/freelancer/saved-searches`;
  const resultsHref = `${origin}${savedSearchHref(search.query)}`;
  const budget = (p: DigestProject) =>
    `${formatMoney(p.budgetMin, p.currency)}–${formatMoney(p.budgetMax, p.currency)}${p.budgetType === "hourly" ? " per hour" : ""}`;
  const count = listed.length === 1 ? "1 new project" : `${listed.length} new projects`;
  const subject = `${count} for “${search.name}”`.slice(0, 200);
  const text = [
    `Hi ${owner.name},`,
    `${count} matching your saved search “${search.name}” since the last digest:`,
    listed.map((p) => `- ${p.title} (${budget(p)})\n  ${origin}/projects/${p.id}`).join("\n"),
    `See every result: ${resultsHref}`,
    `Manage your saved searches: ${manageHref}`,
    "— MegiLance",
    `Stop this daily digest: ${unsubscribeHref}`,
  ].join("\n\n");
  const html =
    `<div style="font-family:system-ui,sans-serif;max-width:560px">` +
    `<p>Hi ${escape(owner.name)},</p><p>${escape(count)} matching your saved search “${escape(search.name)}” since the last digest:</p><ul>` +
    listed
      .map(
        (p) =>
          `<li><a href="${escape(`${origin}/projects/${p.id}`)}">${escape(p.title)}</a> <span style="color:#64748b">${escape(budget(p))}</span></li>`,
      )
      .join("") +
    `</ul><p><a href="${escape(resultsHref)}">See every result</a> · <a href="${escape(manageHref)}">Manage your saved searches</a></p>` +
    `<p style="color:#64748b">— MegiLance</p>` +
    `<p style="color:#64748b;font-size:12px"><a href="${escape(unsubscribeHref)}">Stop this daily digest</a></p></div>`;
  return { to: owner.email, subject, text, html, template: "saved_search.digest" };
}
