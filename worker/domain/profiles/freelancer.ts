import { eq } from "drizzle-orm";
import { freelancerProfiles, freelancerSkills, type FreelancerProfile, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { loadPublicProfile } from "./public-page";
import { AppError } from "../errors";
import { normalizeCurrency } from "../currency/supported";
import { requireActorRole } from "../projects/access";
import { fieldError, parseInput } from "../shared/validate";
import { requireSkillMap, skillsBySlug, skillsSearchText } from "../taxonomy/taxonomy";
import { isValidTimeZone, normalizeCountry } from "./countries";
import { toLanguageEntries } from "./languages";
import { freelancerProfilePatchSchema, RESERVED_HANDLES, type FreelancerProfileInput } from "./input";
import { loadFreelancerProfileView, type FreelancerProfileView } from "./views";

type SkillEntry = NonNullable<FreelancerProfileInput["skills"]>[number];

function skillTerm(entry: SkillEntry): { term: string; years: number } {
  if (typeof entry === "string") return { term: entry, years: 0 };
  const term = entry.skill ?? entry.slug ?? entry.name;
  if (!term) throw fieldError("skills", "Name each skill (skill, slug or name).");
  return { term, years: entry.years ?? 0 };
}

export async function findFreelancerProfile(ctx: DomainContext, userId: string): Promise<FreelancerProfile | undefined> {
  return ctx.db.query.freelancerProfiles.findFirst({ where: eq(freelancerProfiles.userId, userId) });
}

export async function getMyFreelancerProfile(ctx: DomainContext, actor: User): Promise<FreelancerProfileView> {
  requireActorRole(actor, "freelancer");
  const view = await loadFreelancerProfileView(ctx, actor.id);
  if (!view) throw new AppError(404, "profile_missing", "You have not set up your freelancer profile yet.");
  return view;
}

/** Creates or updates the freelancer's own profile; fields left out keep their value. */
export async function saveFreelancerProfile(
  ctx: DomainContext,
  actor: User,
  input: FreelancerProfileInput,
): Promise<FreelancerProfileView> {
  requireActorRole(actor, "freelancer");
  const data = parseInput(freelancerProfilePatchSchema, input);
  const current = await findFreelancerProfile(ctx, actor.id);
  if (!current && (!data.handle || !data.headline)) {
    const fields: Record<string, string[]> = {};
    if (!data.handle) fields.handle = ["Choose a handle for your public page."];
    if (!data.headline) fields.headline = ["Write a headline."];
    throw new AppError(422, "validation_failed", "A new profile needs a handle and a headline.", fields);
  }
  const handle = data.handle?.toLowerCase();
  if (handle && handle !== current?.handle) {
    if (RESERVED_HANDLES.has(handle)) throw new AppError(409, "handle_taken", "That handle is taken.", { handle: ["Taken."] });
    const owner = await ctx.db.query.freelancerProfiles.findFirst({
      where: eq(freelancerProfiles.handle, handle),
      columns: { userId: true },
    });
    if (owner && owner.userId !== actor.id) throw new AppError(409, "handle_taken", "That handle is taken.", { handle: ["Taken."] });
  }
  const currency = data.currency !== undefined ? normalizeCurrency(data.currency) : undefined;
  if (currency === null) throw fieldError("currency", `We do not support the currency "${data.currency}" yet.`, "unsupported_currency");
  const country = data.country ? normalizeCountry(data.country) : data.country;
  if (country === null && data.country) throw fieldError("country", "Use an ISO 3166 two-letter country code.");
  if (data.timezone !== undefined && !isValidTimeZone(data.timezone))
    throw fieldError("timezone", "Use an IANA time zone such as Europe/Berlin.");

  const entries = data.skills?.map(skillTerm);
  const resolved = entries
    ? await requireSkillMap(
        ctx,
        entries.map((e) => e.term),
      )
    : null;
  const slugs = resolved?.slugs ?? null;
  const skillRows = slugs ? await skillsBySlug(ctx, slugs) : null;
  const yearsOf = new Map<string, number>();
  for (const e of entries ?? []) {
    const slug = resolved!.lookup(e.term);
    yearsOf.set(slug, Math.max(yearsOf.get(slug) ?? 0, e.years));
  }

  const now = ctx.clock.now();
  const values = {
    handle: handle ?? current!.handle,
    headline: data.headline ?? current!.headline,
    bio: data.bio ?? current?.bio ?? "",
    hourlyRate: data.hourlyRate !== undefined ? data.hourlyRate : (current?.hourlyRate ?? null),
    currency: currency ?? current?.currency ?? "USD",
    availabilityHoursPerWeek:
      data.availabilityHoursPerWeek !== undefined ? data.availabilityHoursPerWeek : (current?.availabilityHoursPerWeek ?? null),
    timezone: data.timezone ?? current?.timezone ?? "UTC",
    languages: data.languages ? toLanguageEntries(data.languages) : (current?.languages ?? []),
    country: country !== undefined ? country : (current?.country ?? null),
    certifications: data.certifications ?? current?.certifications ?? [],
    education: data.education ?? current?.education ?? [],
    skillsText: skillRows ? skillsSearchText(skillRows) : (current?.skillsText ?? ""),
    updatedAt: now,
  };
  const write = current
    ? ctx.db.update(freelancerProfiles).set(values).where(eq(freelancerProfiles.userId, actor.id))
    : ctx.db.insert(freelancerProfiles).values({ userId: actor.id, ...values, createdAt: now });
  if (slugs) {
    const replace = [ctx.db.delete(freelancerSkills).where(eq(freelancerSkills.userId, actor.id))];
    const insert = slugs.length
      ? [ctx.db.insert(freelancerSkills).values(slugs.map((s) => ({ userId: actor.id, skillSlug: s, years: yearsOf.get(s) ?? 0 })))]
      : [];
    await ctx.db.batch([write, ...replace, ...insert]);
  } else {
    await write;
  }
  return (await loadFreelancerProfileView(ctx, actor.id))!;
}

/** The public profile behind /f/:handle. */
export async function getPublicFreelancerProfile(ctx: DomainContext, handle: string): Promise<FreelancerProfileView> {
  return (await loadPublicProfile(ctx, handle)).profile;
}
