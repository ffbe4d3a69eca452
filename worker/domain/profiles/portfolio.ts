import { and, count, desc, eq } from "drizzle-orm";
import { portfolioItems, type PortfolioItem, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { fileViewsByKey, requireOwnedFiles, scopeFilesStatement, type FileTarget } from "../shared/file-records";
import { requireActorRole } from "../projects/access";
import { parseInput } from "../shared/validate";
import { MAX_PORTFOLIO_ITEMS, portfolioItemSchema, portfolioPatchSchema, type PortfolioInput, type PortfolioPatch } from "./input";
import { toPortfolioView, type PortfolioView } from "./views";

async function view(ctx: DomainContext, item: PortfolioItem): Promise<PortfolioView> {
  return toPortfolioView(item, await fileViewsByKey(ctx, item.imageKeys));
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
    .orderBy(desc(portfolioItems.createdAt), desc(portfolioItems.id))
    .limit(MAX_PORTFOLIO_ITEMS);
  const files = await fileViewsByKey(
    ctx,
    items.flatMap((i) => i.imageKeys),
  );
  return items.map((i) => toPortfolioView(i, files));
}

/** Portfolio images are shown to everyone, signed in or not. */
const PUBLIC: FileTarget = { scope: "public" };

/** Portfolio images must be images the freelancer uploaded. */
export async function addPortfolioItem(ctx: DomainContext, actor: User, input: PortfolioInput): Promise<PortfolioView> {
  requireActorRole(actor, "freelancer");
  const data = parseInput(portfolioItemSchema, input);
  const [{ n }] = await ctx.db.select({ n: count() }).from(portfolioItems).where(eq(portfolioItems.freelancerId, actor.id));
  if (n >= MAX_PORTFOLIO_ITEMS) throw new AppError(409, "portfolio_full", `A portfolio holds up to ${MAX_PORTFOLIO_ITEMS} items.`);
  const imageKeys = await requireOwnedFiles(ctx, actor.id, data.imageKeys ?? [], { field: "imageKeys", imagesOnly: true, target: PUBLIC });
  const now = ctx.clock.now();
  const [[item]] = await ctx.db.batch([
    ctx.db
      .insert(portfolioItems)
      .values({
        id: ctx.newId(),
        freelancerId: actor.id,
        title: data.title,
        description: data.description ?? "",
        url: data.url ?? null,
        imageKeys,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
    scopeFilesStatement(ctx, actor.id, imageKeys, PUBLIC),
  ]);
  return view(ctx, item);
}

export async function updatePortfolioItem(ctx: DomainContext, actor: User, id: string, patch: PortfolioPatch): Promise<PortfolioView> {
  const item = await requireOwnItem(ctx, actor, id);
  const data = parseInput(portfolioPatchSchema, patch);
  const changes: Partial<PortfolioItem> = { updatedAt: ctx.clock.now() };
  if (data.title !== undefined) changes.title = data.title;
  if (data.description !== undefined) changes.description = data.description;
  if (data.url !== undefined) changes.url = data.url;
  if (data.imageKeys !== undefined) {
    changes.imageKeys = await requireOwnedFiles(ctx, actor.id, data.imageKeys, { field: "imageKeys", imagesOnly: true, target: PUBLIC });
  }
  const [[updated]] = await ctx.db.batch([
    ctx.db
      .update(portfolioItems)
      .set(changes)
      .where(and(eq(portfolioItems.id, item.id), eq(portfolioItems.freelancerId, actor.id)))
      .returning(),
    scopeFilesStatement(ctx, actor.id, changes.imageKeys ?? [], PUBLIC),
  ]);
  return view(ctx, updated);
}

export async function removePortfolioItem(ctx: DomainContext, actor: User, id: string): Promise<void> {
  const item = await requireOwnItem(ctx, actor, id);
  await ctx.db.delete(portfolioItems).where(eq(portfolioItems.id, item.id));
}
