import { WebSocket as ReconnectingWebSocket } from "partysocket";
import { useEffect, useRef } from "react";
import type { CallView } from "../../../party/call-messages";
import type { UserRoomMessage } from "../../../party/messages";
import { apiJson } from "./api.client";

/**
 * Calls the user is in, as they change (started, answered, over), from their personal room. A fresh
 * ticket is fetched on every (re)connect. `userId` null: nothing is opened.
 */
export function useCallUpdates(userId: string | null, onCall: (call: CallView) => void) {
  const handler = useRef(onCall);
  handler.current = onCall;
  useEffect(() => {
    if (!userId) return;
    const socket = new ReconnectingWebSocket(
      async () => (await apiJson<{ url: string }>("/api/rooms/ticket", { room: `user:${userId}` })).url,
      [],
      { maxRetries: Infinity },
    );
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(String(event.data)) as UserRoomMessage;
      if (message.type === "call") handler.current(message.call);
    });
    return () => socket.close();
  }, [userId]);
}
