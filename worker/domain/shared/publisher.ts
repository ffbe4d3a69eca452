import type { ConversationServerMessage, UserRoomMessage } from "../../../party/messages";
import type { DomainContext } from "../context";

/** Tells live rooms about something already stored; the Worker's wiring is worker/platform/rooms.ts. */
export interface RoomPublisher {
  toConversation(conversationId: string, message: ConversationServerMessage): Promise<void>;
  toUser(userId: string, message: UserRoomMessage): Promise<void>;
}

/**
 * Live delivery is best effort: the data is already stored and clients catch up from the API on
 * reconnect, so a room that cannot be reached must not fail the request.
 */
export async function publishQuietly(ctx: DomainContext, what: string, deliveries: Array<Promise<void>>): Promise<void> {
  if (deliveries.length === 0) return;
  const results = await Promise.allSettled(deliveries);
  for (const result of results) {
    if (result.status === "rejected") ctx.log("room delivery failed", { what, error: String(result.reason) });
  }
}
