import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { contracts, projects, proposals } from "./marketplace-projects";
import { users } from "./users";

export interface MessageAttachment {
  /** The R2 key of an upload the sender owns (files table). */
  key: string;
  name: string;
  contentType: string;
  size: number;
}

/**
 * A one-to-one thread between a client and a freelancer, about a contract, a project, or nothing in
 * particular (`context_key` "direct"): at most one per pair and context.
 */
export const conversations = sqliteTable(
  "conversations",
  {
    id: idColumn(),
    clientId: text("client_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    freelancerId: text("freelancer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    projectId: text("project_id").references(() => projects.id),
    contractId: text("contract_id").references(() => contracts.id),
    /** The proposal the two talked about before a hire, remembered once either opened the thread from it. */
    proposalId: text("proposal_id").references(() => proposals.id, { onDelete: "set null" }),
    /** `contract:<id>`, `project:<id>` or `direct`: what makes a conversation unique for its pair. */
    contextKey: text("context_key").notNull(),
    lastMessageId: text("last_message_id"),
    lastActivityAt: integer("last_activity_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("conversations_pair_context_unique").on(t.clientId, t.freelancerId, t.contextKey),
    index("conversations_activity_idx").on(t.lastActivityAt, t.id),
  ],
);

export const conversationMembers = sqliteTable(
  "conversation_members",
  {
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Messages with a greater id (sent by someone else) are unread. */
    lastReadMessageId: text("last_read_message_id"),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] }), index("conversation_members_user_idx").on(t.userId)],
);

/** Ids are time-sortable (newId), so "before"/"after" cursors and unread counts compare ids. */
export const messages = sqliteTable(
  "messages",
  {
    id: idColumn(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    senderId: text("sender_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    attachments: text("attachments", { mode: "json" }).$type<MessageAttachment[]>().notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("messages_conversation_id_idx").on(t.conversationId, t.id),
    // Activity windows read by the trust signals.
    index("trust_messages_sender_created_idx").on(t.senderId, t.createdAt),
    index("trust_messages_created_idx").on(t.createdAt),
  ],
);

export type Conversation = typeof conversations.$inferSelect;
export type ConversationMember = typeof conversationMembers.$inferSelect;
export type Message = typeof messages.$inferSelect;
