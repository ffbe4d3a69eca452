import { and, asc, eq, gt, inArray, ne, sql } from "drizzle-orm";
import { projects, savedSearchDeliveries, savedSearches, users, type Notification, type SavedSearch } from "../../../db/schema";
import type { DomainContext } from "../context";
import { notificationEmail } from "../notifications/emails";
import { pushNotificationLive } from "../notifications/live";
import { preferenceFor, unsubscribeUrl } from "../notifications/preferences";
import { notSentYetSql, onlyProjectSql, savedSearchPage } from "./matching";
import { MATCH_BATCH_SIZE } from "./rules";

const TYPE = "saved_search_match";

/** The instant saved searches (of others than the project's client) the project matches, by the project search itself. */
async function matchingSearches(ctx: DomainContext, projectId: string, clientId: string): Promise<SavedSearch[]> {
  const matched: SavedSearch[] = [];
  let after = "";
  for (;;) {
    const chunk = await ctx.db
      .select()
      .from(savedSearches)
      .where(and(eq(savedSearches.frequency, "instant"), ne(savedSearches.userId, clientId), gt(savedSearches.id, after)))
      .orderBy(asc(savedSearches.id))
      .limit(MATCH_BATCH_SIZE);
    if (chunk.length === 0) return matched;
    after = chunk[chunk.length - 1].id;
    const pages = await Promise.all(
      chunk.map((search) => savedSearchPage(ctx, search, [onlyProjectSql(projectId), notSentYetSql(search.id)], { limit: 1 })),
    );
    const runnable = chunk.flatMap((search, i) => (pages[i] ? [{ search, page: pages[i] }] : []));
    if (runnable.length > 0) {
      const results = await ctx.db.batch(runnable.map(({ page }) => ctx.db.all<{ id: string }>(page)) as never as [never]);
      runnable.forEach(({ search }, i) => {
        if ((results[i] as unknown as { id: string }[]).length > 0) matched.push(search);
      });
    }
    if (chunk.length < MATCH_BATCH_SIZE) return matched;
  }
}

/**
 * A newly published project: each owner of an instant saved search it matches gets a live notification (and an
 * e-mail, as their notification settings say), once per search and project however often the job runs. The
 * delivery record and the in-app notification are written in one transaction, the notification only while the
 * project was not delivered for that search; live pushes and e-mails go out after the commit, by the winner only.
 */
export async function alertSavedSearches(ctx: DomainContext, projectId: string): Promise<{ alerted: number }> {
  const [project] = await ctx.db
    .select({ id: projects.id, title: projects.title, clientId: projects.clientId })
    .from(projects)
    .where(eq(projects.id, projectId))
    .limit(1);
  if (!project) return { alerted: 0 };
  const matched = await matchingSearches(ctx, project.id, project.clientId);
  if (matched.length === 0) return { alerted: 0 };
  const owners = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, [...new Set(matched.map((s) => s.userId))]));
  const ownerOf = new Map(owners.map((o) => [o.id, o]));
  const now = ctx.clock.now();
  const link = `/projects/${project.id}`;
  let alerted = 0;
  for (const search of matched) {
    const owner = ownerOf.get(search.userId);
    if (!owner) continue;
    const preference = await preferenceFor(ctx, owner.id, TYPE);
    const payload = {
      title: `New project for “${search.name}”: ${project.title}`.slice(0, 200),
      body: `A newly published project matches your saved search “${search.name}”: ${project.title}. Open it to read it and send a proposal.`,
      link,
    };
    const note: Notification = { id: ctx.newId(), userId: owner.id, type: TYPE, ...payload, readAt: null, createdAt: now };
    const unsent = sql`NOT EXISTS (SELECT 1 FROM saved_search_deliveries WHERE saved_search_id = ${search.id} AND project_id = ${project.id})`;
    const claim = ctx.db
      .insert(savedSearchDeliveries)
      .values({ savedSearchId: search.id, projectId: project.id, digestId: null, createdAt: now })
      .onConflictDoNothing()
      .returning({ projectId: savedSearchDeliveries.projectId });
    const statements = preference.inApp
      ? [
          ctx.db.run(
            sql`INSERT INTO notifications (id, user_id, type, title, body, link, created_at) SELECT ${note.id}, ${note.userId}, ${note.type}, ${note.title}, ${note.body}, ${note.link}, ${now.getTime()} WHERE ${unsent}`,
          ),
          claim,
        ]
      : [claim];
    const results = await ctx.db.batch(statements as unknown as [typeof claim]);
    const claimed = (results.at(-1) as { projectId: string }[]).length > 0;
    if (!claimed) continue;
    alerted++;
    if (preference.inApp) await pushNotificationLive(ctx, note);
    if (preference.email) {
      try {
        const unsubscribeHref = await unsubscribeUrl(ctx, owner.id, TYPE);
        await ctx.sendEmail(
          notificationEmail({ to: owner.email, name: owner.name, type: TYPE, payload, appOrigin: ctx.config.appOrigin, unsubscribeHref }),
        );
      } catch (error) {
        ctx.log("saved search alert email failed", { savedSearchId: search.id, projectId, error: String(error) });
      }
    }
  }
  return { alerted };
}
