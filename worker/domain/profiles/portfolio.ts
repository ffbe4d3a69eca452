import { and, asc, count, desc, eq, inArray, min, sql } from "drizzle-orm";
import { contracts, files, portfolioItems, users, type PortfolioItem, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { requireOwnedFiles, scopeFilesStatement, type FileTarget } from "../shared/file-records";
import { requireActorRole } from "../projects/access";
import { fieldError, parseInput } from "../shared/validate";
import { requireSkills, skillsBySlug } from "../taxonomy/taxonomy";
import {
  MAX_PORTFOLIO_ITEMS,
  portfolioItemSchema,
  portfolioOrderSchema,
  portfolioPatchSchema,
  type PortfolioInput,
  type PortfolioOrderInput,
  type PortfolioPatch,
} from "./input";
import { portfolioImagesByKey, toPortfolioView, type PortfolioView } from "./views";

/** The order a portfolio is shown in, on the profile and in the editor. */
export const portfolioOrder = [asc(portfolioItems.position), desc(portfolioItems.createdAt), desc(portfolioItems.id)];

async function view(ctx: DomainContext, item: PortfolioItem): Promise<PortfolioView> {
  return toPortfolioView(item, await portfolioImagesByKey(ctx, item.imageKeys));
}

async function requireOwnItem(ctx: DomainContext, actor: User, id: string): Promise<PortfolioItem> {
  const item = await ctx.db.query.portfolioItems.findFirst({ where: eq(portfolioItems.id, id) });
  // Someone else's item is not in "my" portfolio: the same 404 as an unknown id.
  if (!item || item.freelancerId !== actor.id) throw new AppError(404, "not_found", "No such portfolio item.");
  return item;
}

export async function listPortfolio(ctx: DomainContext, actor: User): Promise<PortfolioView[]> {
  requireActorRole(actor, "freelancer");
  const items = await ctx.db
    .select()
    .from(portfolioItems)
    .where(eq(portfolioItems.freelancerId, actor.id))
    .orderBy(...portfolioOrder)
    .limit(MAX_PORTFOLIO_ITEMS);
  const images = await portfolioImagesByKey(
    ctx,
    items.flatMap((i) => i.imageKeys),
  );
  return items.map((i) => toPortfolioView(i, images));
}

export async function getPortfolioItem(ctx: DomainContext, actor: User, id: string): Promise<PortfolioView> {
  requireActorRole(actor, "freelancer");
  return view(ctx, await requireOwnItem(ctx, actor, id));
}

/** Portfolio images are shown to everyone, signed in or not. */
const PUBLIC: FileTarget = { scope: "public" };

async function resolveSkills(ctx: DomainContext, terms: string[]): Promise<Array<{ slug: string; name: string }>> {
  if (terms.length === 0) return [];
  const rows = await skillsBySlug(ctx, await requireSkills(ctx, terms));
  return rows.map((s) => ({ slug: s.slug, name: s.name }));
}

/** The project reference must be work the freelancer did here: a project they had a contract on. */
async function requireOwnProject(ctx: DomainContext, actor: User, projectId: string | null | undefined): Promise<string | null> {
  if (!projectId) return null;
  const [row] = await ctx.db
    .select({ id: contracts.projectId })
    .from(contracts)
    .where(and(eq(contracts.projectId, projectId), eq(contracts.freelancerId, actor.id)))
    .limit(1);
  if (!row) throw fieldError("projectId", "Pick a project you worked on here.");
  return projectId;
}

/** Portfolio images must be images the freelancer uploaded; a new item goes to the top. */
export async function addPortfolioItem(ctx: DomainContext, actor: User, input: PortfolioInput): Promise<PortfolioView> {
  requireActorRole(actor, "freelancer");
  const data = parseInput(portfolioItemSchema, input);
  const [{ n, first }] = await ctx.db
    .select({ n: count(), first: min(portfolioItems.position) })
    .from(portfolioItems)
    .where(eq(portfolioItems.freelancerId, actor.id));
  if (n >= MAX_PORTFOLIO_ITEMS) throw new AppError(409, "portfolio_full", `A portfolio holds up to ${MAX_PORTFOLIO_ITEMS} items.`);
  const imageKeys = await requireOwnedFiles(ctx, actor.id, data.imageKeys ?? [], { field: "imageKeys", imagesOnly: true, target: PUBLIC });
  const skills = await resolveSkills(ctx, data.skills ?? []);
  const projectId = await requireOwnProject(ctx, actor, data.projectId);
  const now = ctx.clock.now();
  const [[item]] = await ctx.db.batch([
    ctx.db
      .insert(portfolioItems)
      .values({
        id: ctx.newId(),
        freelancerId: actor.id,
        title: data.title,
        description: data.description ?? "",
        url: data.link ?? null,
        imageKeys,
        skills,
        projectId,
        position: n === 0 ? 0 : Number(first ?? 0) - 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
    scopeFilesStatement(ctx, actor.id, imageKeys, PUBLIC),
  ]);
  return view(ctx, item);
}

/**
 * Forgets the freelancer's public images among `keys` that no portfolio item shows any more (nor their photo): run in
 * the batch that changes the items, after the change, so the check sees the new lists. Returns the forgotten keys.
 */
function forgetUnusedImagesStatement(ctx: DomainContext, ownerId: string, keys: string[]) {
  return ctx.db
    .delete(files)
    .where(
      and(
        inArray(files.key, keys.length ? keys : [""]),
        eq(files.ownerId, ownerId),
        eq(files.scope, "public"),
        sql`NOT EXISTS (SELECT 1 FROM ${portfolioItems}, json_each(${portfolioItems.imageKeys}) AS shown
          WHERE ${portfolioItems.freelancerId} = ${ownerId} AND shown.value = ${files.key})`,
        sql`NOT EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${ownerId} AND ${users.photoKey} = ${files.key})`,
      ),
    )
    .returning({ key: files.key });
}

/** Takes forgotten images out of the bucket (R2 deletes are idempotent, so a retry is safe). */
async function deleteStoredImages(ctx: DomainContext, forgotten: Array<{ key: string }>): Promise<void> {
  if (forgotten.length === 0) return;
  if (!ctx.files) throw new Error("No file bucket is wired into this domain context.");
  await ctx.files.delete(forgotten.map((f) => f.key));
}

export async function updatePortfolioItem(ctx: DomainContext, actor: User, id: string, patch: PortfolioPatch): Promise<PortfolioView> {
  const item = await requireOwnItem(ctx, actor, id);
  const data = parseInput(portfolioPatchSchema, patch);
  const changes: Partial<PortfolioItem> = { updatedAt: ctx.clock.now() };
  if (data.title !== undefined) changes.title = data.title;
  if (data.description !== undefined) changes.description = data.description;
  if (data.link !== undefined) changes.url = data.link;
  if (data.imageKeys !== undefined) {
    changes.imageKeys = await requireOwnedFiles(ctx, actor.id, data.imageKeys, { field: "imageKeys", imagesOnly: true, target: PUBLIC });
  }
  if (data.skills !== undefined) changes.skills = await resolveSkills(ctx, data.skills);
  if (data.projectId !== undefined) changes.projectId = await requireOwnProject(ctx, actor, data.projectId);
  const dropped = changes.imageKeys ? item.imageKeys.filter((k) => !changes.imageKeys!.includes(k)) : [];
  const [[updated], , forgotten] = await ctx.db.batch([
    ctx.db
      .update(portfolioItems)
      .set(changes)
      .where(and(eq(portfolioItems.id, item.id), eq(portfolioItems.freelancerId, actor.id)))
      .returning(),
    scopeFilesStatement(ctx, actor.id, changes.imageKeys ?? [], PUBLIC),
    forgetUnusedImagesStatement(ctx, actor.id, dropped),
  ]);
  await deleteStoredImages(ctx, forgotten);
  return view(ctx, updated);
}

/** Puts the whole portfolio in the given order; the list must name every item exactly once. */
export async function reorderPortfolio(ctx: DomainContext, actor: User, input: PortfolioOrderInput): Promise<PortfolioView[]> {
  requireActorRole(actor, "freelancer");
  const { ids } = parseInput(portfolioOrderSchema, input);
  const mine = await ctx.db.select({ id: portfolioItems.id }).from(portfolioItems).where(eq(portfolioItems.freelancerId, actor.id));
  const known = new Set(mine.map((r) => r.id));
  if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((i) => !known.has(i))) {
    throw fieldError("ids", "List each of your portfolio items exactly once.");
  }
  const [first, ...rest] = ids.map((itemId, position) =>
    ctx.db
      .update(portfolioItems)
      .set({ position })
      .where(and(eq(portfolioItems.id, itemId), eq(portfolioItems.freelancerId, actor.id))),
  );
  await ctx.db.batch([first, ...rest]);
  return listPortfolio(ctx, actor);
}

/** Deletes the item, and its images from the bucket unless another of the freelancer's items shows them too. */
export async function removePortfolioItem(ctx: DomainContext, actor: User, id: string): Promise<void> {
  const item = await requireOwnItem(ctx, actor, id);
  const [, forgotten] = await ctx.db.batch([
    ctx.db.delete(portfolioItems).where(and(eq(portfolioItems.id, item.id), eq(portfolioItems.freelancerId, actor.id))),
    forgetUnusedImagesStatement(ctx, actor.id, item.imageKeys),
  ]);
  await deleteStoredImages(ctx, forgotten);
}
