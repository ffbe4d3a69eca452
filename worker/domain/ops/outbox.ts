import { and, desc, eq, lt } from "drizzle-orm";
import { outbox } from "../../../db/schema";
import type { Viewer } from "../auth/sessions";
import type { DomainContext } from "../context";
import { AppError } from "../errors";

export const OUTBOX_PAGE_MAX = 100;

export type OutboxMail = typeof outbox.$inferSelect;

/** Mail can hold sign-in codes and reset links, so only admins may read the outbox. */
function requireAdmin(viewer: Viewer): void {
  if (!viewer.user.roles.includes("admin")) throw new AppError(403, "forbidden", "Only admins can read the outbox.");
}

/** The local outbox, newest first; `to` narrows it to one recipient. */
export async function listOutbox(ctx: DomainContext, viewer: Viewer, options: { limit: number; cursor?: string; to?: string }) {
  requireAdmin(viewer);
  const limit = Math.min(Math.max(options.limit, 1), OUTBOX_PAGE_MAX);
  const rows = await ctx.db
    .select({
      id: outbox.id,
      toAddress: outbox.toAddress,
      subject: outbox.subject,
      template: outbox.template,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(
      and(
        options.to ? eq(outbox.toAddress, options.to.trim().toLowerCase()) : undefined,
        options.cursor ? lt(outbox.id, options.cursor) : undefined,
      ),
    )
    .orderBy(desc(outbox.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

export async function getOutboxMail(ctx: DomainContext, viewer: Viewer, id: string): Promise<OutboxMail> {
  requireAdmin(viewer);
  const [mail] = await ctx.db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
  if (!mail) throw new AppError(404, "not_found", "No such mail in the outbox.");
  return mail;
}
