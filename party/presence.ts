import { Server, type Connection, type ConnectionContext, type WSMessage } from "partyserver";
import type { Env } from "../worker/env";
import { admittedUser, NOT_ADMITTED } from "./identity";
import { parseClientFrame, presenceClientMessage, type PresenceServerMessage, type PresenceStatus } from "./messages";

interface SocketState {
  userId: string;
  status: "online" | "away";
}

export interface PresenceEntry {
  userId: string;
  status: PresenceStatus;
  /** ISO time: now for someone connected, when their last socket closed otherwise, null if never seen. */
  lastSeenAt: string | null;
}

const seenKey = (userId: string) => `seen:${userId}`;

/**
 * Who is online (one user may have several sockets): a snapshot on connect, a `presence` message
 * whenever someone's combined status changes, last-seen time kept in the room's storage.
 */
export class PresenceRoom extends Server<Env> {
  static options = { hibernate: true };

  getConnectionTags(_connection: Connection, ctx: ConnectionContext): string[] {
    const userId = admittedUser(ctx.request, "presence");
    return userId ? [userId] : [];
  }

  onConnect(connection: Connection<SocketState>, ctx: ConnectionContext) {
    const userId = admittedUser(ctx.request, "presence");
    if (!userId) return connection.close(NOT_ADMITTED.code, NOT_ADMITTED.reason);
    const before = this.statusOf(userId);
    connection.setState({ userId, status: "online" });
    this.send(connection, { type: "snapshot", users: this.snapshot() });
    if (before !== "online") this.announce({ type: "presence", userId, status: "online" }, [connection.id]);
  }

  onMessage(connection: Connection<SocketState>, raw: WSMessage) {
    // A bare "ping" answers "pong": a cheap liveness check for clients and the fan-out benchmark.
    if (raw === "ping") return connection.send("pong");
    const state = connection.state;
    const message = state ? parseClientFrame(presenceClientMessage, raw) : null;
    if (!state || !message) return;
    switch (message.type) {
      case "status": {
        const before = this.statusOf(state.userId);
        connection.setState({ userId: state.userId, status: message.status });
        const after = this.statusOf(state.userId);
        if (after !== before) this.announce({ type: "presence", userId: state.userId, status: after });
        return;
      }
      default:
        message.type satisfies never;
    }
  }

  async onClose(connection: Connection<SocketState>) {
    await this.left(connection);
  }

  async onError(connection: Connection<SocketState>) {
    await this.left(connection);
  }

  /** Called by the Worker for GET /api/presence. */
  async statuses(userIds: string[]): Promise<PresenceEntry[]> {
    const now = new Date().toISOString();
    const seen = await this.ctx.storage.get<number>(userIds.map(seenKey));
    return userIds.map((userId) => {
      const status = this.statusOf(userId);
      if (status !== "offline") return { userId, status, lastSeenAt: now };
      const at = seen.get(seenKey(userId));
      return { userId, status, lastSeenAt: at === undefined ? null : new Date(at).toISOString() };
    });
  }

  private async left(connection: Connection<SocketState>) {
    const state = connection.state;
    if (!state) return;
    const after = this.statusOf(state.userId, connection.id);
    const before = state.status === "online" || after === "online" ? "online" : "away";
    if (after === "offline") await this.ctx.storage.put(seenKey(state.userId), Date.now());
    if (after !== before) this.announce({ type: "presence", userId: state.userId, status: after });
  }

  /** Online if any socket is, away if all are away, offline without sockets. */
  private statusOf(userId: string, ignoring?: string): PresenceStatus {
    let status: PresenceStatus = "offline";
    for (const socket of this.getConnections<SocketState>(userId)) {
      if (socket.id === ignoring || !socket.state) continue;
      if (socket.state.status === "online") return "online";
      status = "away";
    }
    return status;
  }

  private snapshot(): Array<{ userId: string; status: "online" | "away" }> {
    const users = new Map<string, "online" | "away">();
    for (const socket of this.getConnections<SocketState>()) {
      const state = socket.state;
      if (!state || users.get(state.userId) === "online") continue;
      users.set(state.userId, state.status);
    }
    return [...users].map(([userId, status]) => ({ userId, status }));
  }

  private send(connection: Connection, message: PresenceServerMessage) {
    connection.send(JSON.stringify(message));
  }

  private announce(message: PresenceServerMessage, without: string[] = []) {
    this.broadcast(JSON.stringify(message), without);
  }
}
