import { getServerByName } from "partyserver";
import type { UserRoomMessage } from "../../party/messages";
import type { PresenceEntry } from "../../party/presence";
import type { RoomPublisher } from "../domain/shared/publisher";
import { PRESENCE_ROOM_ID } from "../domain/rooms/names";
import type { Env } from "../env";

type RoomBindings = Pick<Env, "Conversation" | "User" | "Presence">;

/** Reaches the room Durable Objects over RPC; the rooms broadcast to their sockets. */
export function roomPublisher(env: Pick<Env, "Conversation" | "User">): RoomPublisher {
  return {
    async toConversation(conversationId, message) {
      const room = await getServerByName(env.Conversation, conversationId);
      await room.publish(message);
    },
    toUser: (userId, message) => pushToUser(env, userId, message),
  };
}

/** Sends a message to every tab the user has open (their personal room `user:<userId>`). */
export async function pushToUser(env: Pick<Env, "User">, userId: string, message: UserRoomMessage): Promise<void> {
  const room = await getServerByName(env.User, userId);
  await room.push(message);
}

export async function presenceOf(env: RoomBindings, userIds: string[]): Promise<PresenceEntry[]> {
  const room = await getServerByName(env.Presence, PRESENCE_ROOM_ID);
  return room.statuses(userIds);
}
