import { and, eq, sql } from "drizzle-orm";
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
