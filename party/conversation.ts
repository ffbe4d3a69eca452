import { Server, type Connection, type ConnectionContext, type WSMessage } from "partyserver";
import type { Env } from "../worker/env";
import { admittedUser, NOT_ADMITTED } from "./identity";
import { conversationClientMessage, parseClientFrame, type ConversationServerMessage } from "./messages";

interface SocketState {
  userId: string;
}

/** Typing pings are dropped when the same user sent one less than this long ago. */
const TYPING_INTERVAL_MS = 1000;

/**
 * One conversation's live channel. Messages and read receipts arrive from the Worker over RPC after
 * they are stored; browsers may only say that they are typing.
 */
export class ConversationRoom extends Server<Env> {
  static options = { hibernate: true };
  private lastTyping = new Map<string, number>();

  getConnectionTags(_connection: Connection, ctx: ConnectionContext): string[] {
    const userId = admittedUser(ctx.request, `conversation:${this.name}`);
    return userId ? [userId] : [];
  }

  onConnect(connection: Connection<SocketState>, ctx: ConnectionContext) {
    const userId = admittedUser(ctx.request, `conversation:${this.name}`);
    if (!userId) return connection.close(NOT_ADMITTED.code, NOT_ADMITTED.reason);
    connection.setState({ userId });
  }

  onMessage(connection: Connection<SocketState>, raw: WSMessage) {
    const userId = connection.state?.userId;
    const message = userId ? parseClientFrame(conversationClientMessage, raw) : null;
    if (!userId || !message) return;
    switch (message.type) {
      case "typing": {
        const now = Date.now();
        if (now - (this.lastTyping.get(userId) ?? 0) < TYPING_INTERVAL_MS) return;
        this.lastTyping.set(userId, now);
        const own = [...this.getConnections(userId)].map((c) => c.id);
        this.send({ type: "typing", userId }, own);
        return;
      }
      default:
        message.type satisfies never;
    }
  }

  /** Called by the Worker once a message or a read receipt is stored. */
  async publish(message: ConversationServerMessage): Promise<void> {
    this.send(message);
  }

  private send(message: ConversationServerMessage, without: string[] = []) {
    this.broadcast(JSON.stringify(message), without);
  }
}
