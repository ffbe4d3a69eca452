import { and, count, eq, gt, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { conversationMembers, messages } from "../../../db/schema";
import type { DomainContext } from "../context";

/**
 * Unread in the conversation of the current conversation_members row: messages from others after the
 * member's read pointer. Used as a correlated column in a query over conversation_members.
 */
export function unreadInConversationSql(userId: string) {
  return sql<number>`(select count(*) from ${messages} as m where m.conversation_id = ${conversationMembers.conversationId} and m.sender_id <> ${userId} and (${conversationMembers.lastReadMessageId} is null or m.id > ${conversationMembers.lastReadMessageId}))`;
}

/** All unread messages across the user's conversations (the header badge). */
export async function unreadTotal(ctx: DomainContext, userId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ unread: sql<number>`coalesce(sum(${unreadInConversationSql(userId)}), 0)` })
    .from(conversationMembers)
    .where(eq(conversationMembers.userId, userId));
  return Number(row?.unread ?? 0);
}

export async function unreadIn(ctx: DomainContext, userId: string, conversationId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ unread: unreadInConversationSql(userId) })
    .from(conversationMembers)
    .where(and(eq(conversationMembers.userId, userId), eq(conversationMembers.conversationId, conversationId)));
  return Number(row?.unread ?? 0);
}

/**
 * Every other member of the conversation with their unread total across all their conversations, in one grouped
 * query however many members there are: what a send puts in each recipient's personal room. Batchable, so it runs
 * in the send's own transaction and counts the message just stored.
 */
export function recipientUnreadTotalsQuery(ctx: DomainContext, conversationId: string, senderId: string) {
  const peer = alias(conversationMembers, "peer");
  return ctx.db
    .select({ userId: conversationMembers.userId, unread: count(messages.id) })
    .from(peer)
    .innerJoin(conversationMembers, eq(conversationMembers.userId, peer.userId))
    .leftJoin(
      messages,
      and(
        eq(messages.conversationId, conversationMembers.conversationId),
        ne(messages.senderId, conversationMembers.userId),
        or(isNull(conversationMembers.lastReadMessageId), gt(messages.id, conversationMembers.lastReadMessageId)),
      ),
    )
    .where(and(eq(peer.conversationId, conversationId), ne(peer.userId, senderId)))
    .groupBy(conversationMembers.userId);
}
