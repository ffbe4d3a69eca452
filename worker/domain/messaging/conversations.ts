import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { conversationMembers, conversations, freelancerProfiles, messages, projects, users, type Conversation } from "../../../db/schema";
import type { Viewer } from "../auth/sessions";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { fileUrl } from "../shared/file-records";
import { knownZone } from "../time/zones";
import { CONVERSATIONS_PAGE_MAX, type StartConversationInput } from "./inputs";
import { projectContextKey, resolveParties, type ConversationParties } from "./rules";
import { unreadInConversationSql } from "./unread";
import { conversationSubject, messageView, type ConversationView } from "./views";

/** Non-members get the same answer as for a conversation that does not exist. */
export const conversationNotFound = () => new AppError(404, "not_found", "No such conversation.");

export async function requireMembership(ctx: DomainContext, conversationId: string, userId: string): Promise<Conversation> {
  const [row] = await ctx.db
    .select({ conversation: conversations })
    .from(conversations)
    .innerJoin(conversationMembers, and(eq(conversationMembers.conversationId, conversations.id), eq(conversationMembers.userId, userId)))
    .where(eq(conversations.id, conversationId))
    .limit(1);
  if (!row) throw conversationNotFound();
  return row.conversation;
}

/** Finds or opens the conversation for this pair and subject; `created` says which. */
export async function startConversation(
  ctx: DomainContext,
  viewer: Pick<Viewer, "user">,
  input: StartConversationInput,
): Promise<{ conversation: ConversationView; created: boolean }> {
  const parties = await resolveParties(ctx, viewer.user, input);
  const existing =
    (await findByParties(ctx, parties.clientId, parties.freelancerId, parties.contextKey)) ?? (await carryOverToContract(ctx, parties));
  if (existing) {
    if (parties.proposalId && !existing.proposalId) {
      await ctx.db.update(conversations).set({ proposalId: parties.proposalId }).where(eq(conversations.id, existing.id));
    }
    return { conversation: await getConversation(ctx, viewer.user.id, existing.id), created: false };
  }
  const now = ctx.clock.now();
  const id = ctx.newId();
  try {
    await ctx.db.batch([
      ctx.db.insert(conversations).values({ id, ...parties, lastActivityAt: now, createdAt: now }),
      ctx.db.insert(conversationMembers).values([
        { conversationId: id, userId: parties.clientId, createdAt: now },
        { conversationId: id, userId: parties.freelancerId, createdAt: now },
      ]),
    ]);
  } catch (error) {
    // Both sides may open the same thread at once: the unique index keeps one, and the loser joins it.
    const winner = await findByParties(ctx, parties.clientId, parties.freelancerId, parties.contextKey);
    if (!winner) throw error;
    return { conversation: await getConversation(ctx, viewer.user.id, winner.id), created: false };
  }
  return { conversation: await getConversation(ctx, viewer.user.id, id), created: true };
}

/**
 * The pair's talk about the project before the hire becomes the contract's conversation, history and all, the
 * first time either party opens the contract's thread.
 */
async function carryOverToContract(ctx: DomainContext, parties: ConversationParties): Promise<Conversation | undefined> {
  if (!parties.contractId || !parties.projectId) return undefined;
  const preHireKey = projectContextKey(parties.projectId);
  try {
    const [moved] = await ctx.db
      .update(conversations)
      .set({ contextKey: parties.contextKey, contractId: parties.contractId, proposalId: parties.proposalId })
      .where(
        and(
          eq(conversations.clientId, parties.clientId),
          eq(conversations.freelancerId, parties.freelancerId),
          eq(conversations.contextKey, preHireKey),
        ),
      )
      .returning();
    return moved;
  } catch (error) {
    // The contract's thread appeared meanwhile (both parties at once): use it.
    const winner = await findByParties(ctx, parties.clientId, parties.freelancerId, parties.contextKey);
    if (winner) return winner;
    throw error;
  }
}

async function findByParties(ctx: DomainContext, clientId: string, freelancerId: string, contextKey: string) {
  return ctx.db.query.conversations.findFirst({
    where: and(
      eq(conversations.clientId, clientId),
      eq(conversations.freelancerId, freelancerId),
      eq(conversations.contextKey, contextKey),
    ),
  });
}

export async function getConversation(ctx: DomainContext, userId: string, conversationId: string): Promise<ConversationView> {
  const [view] = await selectViews(ctx, userId, eq(conversations.id, conversationId), 1);
  if (!view) throw conversationNotFound();
  return view;
}

/** The viewer's conversations, most recent activity first. Cursor: `<lastActivityMs>_<id>`. */
export async function listConversations(
  ctx: DomainContext,
  userId: string,
  page: { cursor?: string; limit: number },
): Promise<{ items: ConversationView[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(page.limit, 1), CONVERSATIONS_PAGE_MAX);
  let after: SQL | undefined;
  if (page.cursor) {
    const match = /^(\d{1,15})_([0-9A-Za-z_-]{1,64})$/.exec(page.cursor);
    if (!match) throw new AppError(422, "validation_failed", "The cursor is not valid.", { cursor: ["Not a cursor we issued."] });
    const at = new Date(Number(match[1]));
    after = or(lt(conversations.lastActivityAt, at), and(eq(conversations.lastActivityAt, at), lt(conversations.id, match[2])));
  }
  const views = await selectViews(ctx, userId, after, limit + 1);
  const items = views.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = views.length > limit && last ? `${Date.parse(last.lastActivityAt)}_${last.id}` : null;
  return { items, nextCursor };
}

async function selectViews(ctx: DomainContext, userId: string, where: SQL | undefined, limit: number): Promise<ConversationView[]> {
  const client = alias(users, "client");
  const freelancer = alias(users, "freelancer");
  const lastMessage = alias(messages, "last_message");
  const rows = await ctx.db
    .select({
      conversation: conversations,
      lastReadMessageId: conversationMembers.lastReadMessageId,
      clientName: client.name,
      clientPhoto: client.photoKey,
      clientZone: client.timeZone,
      freelancerName: freelancer.name,
      freelancerPhoto: freelancer.photoKey,
      freelancerZone: freelancer.timeZone,
      freelancerProfileZone: freelancerProfiles.timezone,
      lastMessage,
      projectTitle: projects.title,
      unreadCount: unreadInConversationSql(userId),
    })
    .from(conversationMembers)
    .innerJoin(conversations, eq(conversations.id, conversationMembers.conversationId))
    .leftJoin(projects, eq(projects.id, conversations.projectId))
    .innerJoin(client, eq(client.id, conversations.clientId))
    .innerJoin(freelancer, eq(freelancer.id, conversations.freelancerId))
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, conversations.freelancerId))
    .leftJoin(lastMessage, eq(lastMessage.id, conversations.lastMessageId))
    .where(and(eq(conversationMembers.userId, userId), where))
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(limit);
  return rows.map((row) => {
    const c = row.conversation;
    const participants = [
      {
        id: c.clientId,
        name: row.clientName,
        role: "client" as const,
        photoUrl: row.clientPhoto ? fileUrl(ctx, row.clientPhoto) : null,
        timeZone: knownZone(row.clientZone),
      },
      {
        id: c.freelancerId,
        name: row.freelancerName,
        role: "freelancer" as const,
        photoUrl: row.freelancerPhoto ? fileUrl(ctx, row.freelancerPhoto) : null,
        timeZone: knownZone(row.freelancerZone, row.freelancerProfileZone),
      },
    ];
    return {
      id: c.id,
      projectId: c.projectId,
      contractId: c.contractId,
      proposalId: c.proposalId,
      subject: conversationSubject(c, userId, row.projectTitle),
      clientId: c.clientId,
      freelancerId: c.freelancerId,
      participants,
      otherParticipant: participants.find((p) => p.id !== userId) ?? participants[0],
      lastMessage: row.lastMessage ? messageView(row.lastMessage) : null,
      lastReadMessageId: row.lastReadMessageId,
      unreadCount: Number(row.unreadCount),
      lastActivityAt: c.lastActivityAt.toISOString(),
      createdAt: c.createdAt.toISOString(),
    };
  });
}

/** Everyone in a conversation, for fan-out to personal rooms. */
export async function memberIds(ctx: DomainContext, conversationId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ userId: conversationMembers.userId })
    .from(conversationMembers)
    .where(eq(conversationMembers.conversationId, conversationId));
  return rows.map((r) => r.userId);
}

/** Each member's read pointer, for "seen" marks. */
export async function readPointers(
  ctx: DomainContext,
  conversationId: string,
): Promise<Array<{ userId: string; lastReadMessageId: string | null }>> {
  return ctx.db
    .select({ userId: conversationMembers.userId, lastReadMessageId: conversationMembers.lastReadMessageId })
    .from(conversationMembers)
    .where(eq(conversationMembers.conversationId, conversationId));
}
