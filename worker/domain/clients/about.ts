import { eq, sql, type SQL } from "drizzle-orm";
import { clientProfiles, projects, users } from "../../../db/schema";
import { clientSpendTotalsSql, type SpendTotalRow } from "../analytics/personal";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { zoneOfCountry } from "../matching/client-zone";
import { toUserReviews, userReviewsQueries } from "../reviews/queries";
import { hiringCountsQuery, toHiringCounts } from "./history";

/** How many of the newest reviews from freelancers the client's panel shows. */
export const CLIENT_REVIEWS_SHOWN = 5;

/**
 * The reads behind "About the client", batchable with a page's own reads: `clientId` may be the SQL of an id
 * (a project page finds its client in the same round trip). Map the rows with clientAboutFrom.
 */
export function clientAboutQueries(ctx: DomainContext, clientId: string | SQL) {
  return [
    ctx.db
      .select({ id: users.id, name: users.name, createdAt: users.createdAt, roles: users.roles })
      .from(users)
      .where(eq(users.id, clientId)),
    ctx.db
      .select({ companyName: clientProfiles.companyName, country: clientProfiles.country, paymentVerified: clientProfiles.paymentVerified })
      .from(clientProfiles)
      .where(eq(clientProfiles.userId, clientId)),
    hiringCountsQuery(ctx, clientId),
    ctx.db.all<SpendTotalRow>(clientSpendTotalsSql(clientId)),
    ...userReviewsQueries(ctx, clientId, { limit: CLIENT_REVIEWS_SHOWN, as: "client" }),
  ] as const;
}

type Queries = ReturnType<typeof clientAboutQueries>;
export type ClientAboutRows = { -readonly [K in keyof Queries]: Awaited<Queries[K]> };

/** The client of a project, as SQL for clientAboutQueries. */
export function projectClientSql(projectId: string): SQL {
  return sql`(select ${projects.clientId} from ${projects} where ${projects.id} = ${projectId})`;
}

/** The client's local time ("14:05") in their zone, at the context's clock. */
function localTimeIn(ctx: DomainContext, timeZone: string | null): string | null {
  if (!timeZone) return null;
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ctx.clock.now());
}

/**
 * What a freelancer wants to know about a client before applying: payment method verified (set by a confirmed
 * funding), total spent (the ledger: paid in minus refunds, per currency), hires and hire rate, open projects,
 * member since, local time (their country's zone), and the reviews freelancers wrote with their average. Null when
 * the person is not a client.
 */
export function clientAboutFrom(ctx: DomainContext, rows: ClientAboutRows) {
  const [people, profiles, hiring, spent, reviewRows, ratingRows] = rows;
  const person = people[0];
  if (!person || !person.roles.includes("client")) return null;
  const profile = profiles[0];
  const timeZone = zoneOfCountry(profile?.country);
  const reviews = toUserReviews([reviewRows, ratingRows], { limit: CLIENT_REVIEWS_SHOWN });
  return {
    id: person.id,
    name: person.name,
    companyName: profile?.companyName ?? null,
    country: profile?.country ?? null,
    paymentVerified: profile?.paymentVerified ?? false,
    totalSpent: spent
      .map((row) => ({ currency: row.currency, amount: Number(row.paid) - Number(row.refunded) }))
      .filter((row) => row.amount !== 0),
    ...toHiringCounts(hiring),
    memberSince: person.createdAt.toISOString(),
    timeZone,
    localTime: localTimeIn(ctx, timeZone),
    rating: reviews.summary,
    reviews: reviews.items,
  };
}

export type ClientAbout = NonNullable<ReturnType<typeof clientAboutFrom>>;

/** About one client, in one round trip; 404 when the person is not a client. */
export async function getClientAbout(ctx: DomainContext, clientId: string): Promise<ClientAbout> {
  const rows = await ctx.db.batch(clientAboutQueries(ctx, clientId));
  const about = clientAboutFrom(ctx, rows as unknown as ClientAboutRows);
  if (!about) throw new AppError(404, "not_found", "No such client.");
  return about;
}

/** About the client of each key (a client id, or a project id read through projectClientSql), in one round trip. */
async function aboutEach(ctx: DomainContext, keys: string[], clientOf: (key: string) => string | SQL): Promise<Map<string, ClientAbout>> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return new Map();
  const perKey = unique.map((key) => clientAboutQueries(ctx, clientOf(key)));
  const width = perKey[0].length;
  const rows = (await ctx.db.batch(perKey.flat() as unknown as [Queries[number]])) as unknown[];
  const found = new Map<string, ClientAbout>();
  unique.forEach((key, i) => {
    const about = clientAboutFrom(ctx, rows.slice(i * width, (i + 1) * width) as unknown as ClientAboutRows);
    if (about) found.set(key, about);
  });
  return found;
}

/** About several clients by id, in one round trip; people who are not clients are left out. */
export function getClientAbouts(ctx: DomainContext, clientIds: string[]): Promise<Map<string, ClientAbout>> {
  return aboutEach(ctx, clientIds, (id) => id);
}
