import { eq } from "drizzle-orm";
import { clientProfiles, users, type User } from "../../../db/schema";
import { hiringCountsQuery, toHiringCounts } from "../clients/history";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { requireActorRole } from "../projects/access";
import { fieldError, parseInput } from "../shared/validate";
import { normalizeCountry } from "./countries";
import { clientProfileSchema, type ClientProfileInput } from "./input";

export interface ClientProfileView {
  userId: string;
  name: string;
  companyName: string | null;
  companySize: string | null;
  country: string | null;
  paymentVerified: boolean;
  hiring: { projectsPosted: number; openProjects: number; hires: number };
  memberSince: string;
}

/** A client's profile with hiring history counts (the same as "About the client" shows); a client who never saved one gets the defaults. */
export async function getClientProfile(ctx: DomainContext, userId: string): Promise<ClientProfileView> {
  const [people, profiles, hiring] = await ctx.db.batch([
    ctx.db.select({ name: users.name, createdAt: users.createdAt, roles: users.roles }).from(users).where(eq(users.id, userId)),
    ctx.db.select().from(clientProfiles).where(eq(clientProfiles.userId, userId)),
    hiringCountsQuery(ctx, userId),
  ]);
  const person = people[0];
  if (!person || !person.roles.includes("client")) throw new AppError(404, "not_found", "No such client.");
  const profile = profiles[0];
  const { projectsPosted, openProjects, hires } = toHiringCounts(hiring);
  return {
    userId,
    name: person.name,
    companyName: profile?.companyName ?? null,
    companySize: profile?.companySize ?? null,
    country: profile?.country ?? null,
    paymentVerified: profile?.paymentVerified ?? false,
    hiring: { projectsPosted, openProjects, hires },
    memberSince: person.createdAt.toISOString(),
  };
}

export async function getMyClientProfile(ctx: DomainContext, actor: User): Promise<ClientProfileView> {
  requireActorRole(actor, "client");
  return getClientProfile(ctx, actor.id);
}

/** The client edits company facts; `paymentVerified` is not theirs to set. */
export async function saveClientProfile(ctx: DomainContext, actor: User, input: ClientProfileInput): Promise<ClientProfileView> {
  requireActorRole(actor, "client");
  const data = parseInput(clientProfileSchema, input);
  const country = data.country ? normalizeCountry(data.country) : data.country;
  if (country === null && data.country) throw fieldError("country", "Use an ISO 3166 two-letter country code.");
  const now = ctx.clock.now();
  const set: Partial<typeof clientProfiles.$inferInsert> = { updatedAt: now };
  if (data.companyName !== undefined) set.companyName = data.companyName;
  if (data.companySize !== undefined) set.companySize = data.companySize;
  if (country !== undefined) set.country = country;
  await ctx.db
    .insert(clientProfiles)
    .values({ userId: actor.id, companyName: null, companySize: null, country: null, ...set, createdAt: now })
    .onConflictDoUpdate({ target: clientProfiles.userId, set });
  return getClientProfile(ctx, actor.id);
}

/** For the payments area: a confirmed payment method marks the client as payment-verified. */
export async function markClientPaymentVerified(ctx: DomainContext, userId: string, verified = true): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db
    .insert(clientProfiles)
    .values({ userId, paymentVerified: verified, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: clientProfiles.userId, set: { paymentVerified: verified, updatedAt: now } });
}
