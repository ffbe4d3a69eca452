import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { MessageView } from "../../../party/messages";
import { conversationMembers, conversations, files, messages, type MessageAttachment } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { requireOwnedFiles, scopeFilesStatement } from "../shared/file-records";
import { publishQuietly } from "../shared/publisher";
import { parseInput } from "../shared/validate";
import { requireMembership } from "./conversations";
import { MESSAGES_PAGE_MAX, MESSAGES_PER_MINUTE, sendMessageInput, type MessagePageQuery, type SendMessageInput } from "./inputs";
import { recipientUnreadTotalsQuery, unreadIn, unreadTotal } from "./unread";
import { messageView } from "./views";

const MINUTE_MS = 60 * 1000;

/**
 * Stores a message, then tells the conversation room and each recipient's personal room. Storing comes
 * first, so a live message is always one the history has, and nothing is lost if a socket drops.
 */
export async function sendMessage(
  ctx: DomainContext,
  senderId: string,
  conversationId: string,
  input: SendMessageInput,
): Promise<MessageView> {
  await requireMembership(ctx, conversationId, senderId);
  const valid = parseInput(sendMessageInput, input);
  const limit = await ctx.rateLimiter.hit(`messaging:send:${senderId}`, MESSAGES_PER_MINUTE, MINUTE_MS);
  if (limit.limited) {
    throw new AppError(429, "too_many_messages", "You are sending messages too quickly. Please wait a moment.", undefined, {
      "Retry-After": String(limit.retryAfterSeconds),
    });
  }
  const attachments = await ownedAttachments(ctx, senderId, conversationId, valid.attachments ?? []);
  const now = ctx.clock.now();
  const id = ctx.newId();
  const [inserted, , , , recipients] = await ctx.db.batch([
    ctx.db.insert(messages).values({ id, conversationId, senderId, body: valid.body, attachments, createdAt: now }).returning(),
    ctx.db.update(conversations).set({ lastMessageId: id, lastActivityAt: now }).where(eq(conversations.id, conversationId)),
    ctx.db
      .update(conversationMembers)
      .set({ lastReadMessageId: id })
      .where(and(eq(conversationMembers.conversationId, conversationId), eq(conversationMembers.userId, senderId))),
    scopeFilesStatement(
      ctx,
      senderId,
      attachments.map((a) => a.key),
      { scope: "conversation", id: conversationId },
    ),
    // The recipients and their unread badges, read in the same transaction: one query per send, not one per recipient.
    recipientUnreadTotalsQuery(ctx, conversationId, senderId),
  ]);
  const message = messageView(inserted[0]);
  const rooms = ctx.rooms;
  if (!rooms) return message;
  await publishQuietly(ctx, "message", [
    rooms.toConversation(conversationId, { type: "message", message }),
    ...recipients.map(({ userId, unread }) => rooms.toUser(userId, { type: "message", conversationId, message, unread: Number(unread) })),
  ]);
  return message;
}

/** Attachments must be the sender's own uploads, attached nowhere else; size and type come from what was stored. */
async function ownedAttachments(
  ctx: DomainContext,
  senderId: string,
  conversationId: string,
  wanted: NonNullable<SendMessageInput["attachments"]>,
): Promise<MessageAttachment[]> {
  if (wanted.length === 0) return [];
  const keys = await requireOwnedFiles(
    ctx,
    senderId,
    wanted.map((a) => a.key),
    { field: "attachments", target: { scope: "conversation", id: conversationId } },
  );
  const rows = await ctx.db.select().from(files).where(inArray(files.key, keys));
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return wanted.map((a) => {
    const file = byKey.get(a.key)!;
    return {
      key: a.key,
      name: a.name ?? file.originalName ?? `file.${file.contentType.split("/")[1]}`,
      contentType: file.contentType,
      size: file.size,
    };
  });
}

/**
 * A page of a conversation, oldest first. Without `after`: the newest `limit` messages (before `before`),
 * and `nextCursor` is the id to pass as `before` for older ones. With `after`: the messages after that
 * id, and `nextCursor` is the id to pass as `after` for the rest. `q` filters by text.
 */
export async function listMessages(
  ctx: DomainContext,
  userId: string,
  conversationId: string,
  query: MessagePageQuery,
): Promise<{ items: MessageView[]; nextCursor: string | null }> {
  await requireMembership(ctx, conversationId, userId);
  if (query.before && query.after) {
    throw new AppError(422, "validation_failed", "Use either before or after, not both.", { before: ["Conflicts with after."] });
  }
  const limit = Math.min(Math.max(query.limit, 1), MESSAGES_PAGE_MAX);
  const conditions: Array<SQL | undefined> = [eq(messages.conversationId, conversationId)];
  if (query.before) conditions.push(lt(messages.id, query.before));
  if (query.after) conditions.push(gt(messages.id, query.after));
  if (query.q) conditions.push(sql`${messages.body} like ${`%${escapeLike(query.q)}%`} escape '\\'`);
  const forward = Boolean(query.after);
  const rows = await ctx.db
    .select()
    .from(messages)
    .where(and(...conditions))
    .orderBy(forward ? asc(messages.id) : desc(messages.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const more = rows.length > limit;
  if (!forward) page.reverse();
  const edge = forward ? page[page.length - 1] : page[0];
  return { items: page.map(messageView), nextCursor: more && edge ? edge.id : null };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Moves the member's read pointer forward (never back) and tells the room. */
export async function markRead(
  ctx: DomainContext,
  userId: string,
  conversationId: string,
  lastReadId: string,
): Promise<{ lastReadId: string; unreadCount: number }> {
  await requireMembership(ctx, conversationId, userId);
  const [message] = await ctx.db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.id, lastReadId), eq(messages.conversationId, conversationId)))
    .limit(1);
  if (!message) {
    throw new AppError(422, "validation_failed", "That message is not in this conversation.", { lastReadId: ["Unknown message."] });
  }
  const member = and(eq(conversationMembers.conversationId, conversationId), eq(conversationMembers.userId, userId));
  const [moved] = await ctx.db
    .update(conversationMembers)
    .set({ lastReadMessageId: lastReadId })
    .where(and(member, or(isNull(conversationMembers.lastReadMessageId), lt(conversationMembers.lastReadMessageId, lastReadId))))
    .returning({ lastReadMessageId: conversationMembers.lastReadMessageId });
  const [current] = moved
    ? [moved]
    : await ctx.db.select({ lastReadMessageId: conversationMembers.lastReadMessageId }).from(conversationMembers).where(member);
  const effective = current?.lastReadMessageId ?? lastReadId;
  const rooms = ctx.rooms;
  if (moved && rooms) {
    await publishQuietly(ctx, "read", [
      rooms.toConversation(conversationId, { type: "read", userId, lastReadId: effective }),
      (async () => rooms.toUser(userId, { type: "unread", unread: await unreadTotal(ctx, userId) }))(),
    ]);
  }
  return { lastReadId: effective, unreadCount: await unreadIn(ctx, userId, conversationId) };
}
