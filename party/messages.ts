import { z } from "zod";
import type { CallView } from "./call-messages";

/** What room servers send to browsers and browsers to rooms; every message is JSON keyed on `type`. */

export type PresenceStatus = "online" | "away" | "offline";

export interface AttachmentView {
  key: string;
  name: string;
  contentType: string;
  size: number;
}

export interface MessageView {
  id: string;
  conversationId: string;
  senderId: string;
  body: string;
  attachments: AttachmentView[];
  createdAt: string;
}

export type PresenceServerMessage =
  | { type: "snapshot"; users: Array<{ userId: string; status: Exclude<PresenceStatus, "offline"> }> }
  | { type: "presence"; userId: string; status: PresenceStatus };

export type ConversationServerMessage =
  { type: "message"; message: MessageView } | { type: "read"; userId: string; lastReadId: string } | { type: "typing"; userId: string };

/** The personal room (`user:<id>`): notifications and the header's unread badge. */
export type UserRoomMessage =
  | { type: "notification"; notification: unknown }
  | { type: "message"; conversationId: string; message: MessageView; unread: number }
  | { type: "unread"; unread: number }
  /** A call the user is in was started, answered or finished (the incoming-call banner follows these). */
  | { type: "call"; call: CallView };

/** Typing is the only thing a browser may say in a conversation room; messages go through the API. */
export const conversationClientMessage = z.discriminatedUnion("type", [z.object({ type: z.literal("typing") })]);
export type ConversationClientMessage = z.infer<typeof conversationClientMessage>;

export const presenceClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("status"), status: z.enum(["online", "away"]) }),
]);
export type PresenceClientMessage = z.infer<typeof presenceClientMessage>;

/** Parses a socket frame against a schema; anything else (binary, bad JSON, unknown type) is null. */
export function parseClientFrame<T>(schema: z.ZodType<T>, raw: string | ArrayBuffer | ArrayBufferView): T | null {
  if (typeof raw !== "string" || raw.length > 1024) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
