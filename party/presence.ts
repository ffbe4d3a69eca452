import { Server, type Connection, type ConnectionContext, type WSMessage } from "partyserver";
import type { Env } from "../worker/env";
import { answerHeartbeats, closeDead, deadConnections, lastActivityMs, scheduleSweep, type Liveness } from "./heartbeat";
import { admittedUser, NOT_ADMITTED } from "./identity";
import { parseClientFrame, presenceClientMessage, type PresenceServerMessage, type PresenceStatus } from "./messages";

interface SocketState extends Liveness {
  userId: string;
  status: "online" | "away";
  /** Set when the heartbeat sweep gave up on the socket, so its late close is not counted twice. */
  gone?: true;
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

  onStart() {
    answerHeartbeats(this.ctx);
  }

  getConnectionTags(_connection: Connection, ctx: ConnectionContext): string[] {
    const userId = admittedUser(ctx.request, "presence");
    return userId ? [userId] : [];
  }

  onConnect(connection: Connection<SocketState>, ctx: ConnectionContext) {
    const userId = admittedUser(ctx.request, "presence");
    if (!userId) return connection.close(NOT_ADMITTED.code, NOT_ADMITTED.reason);
    const before = this.statusOf(userId, connection.id);
    const now = Date.now();
    connection.setState({ userId, status: "online", since: now });
    this.send(connection, { type: "snapshot", users: this.snapshot() });
    if (before !== "online") this.announce({ type: "presence", userId, status: "online" }, [connection.id]);
    return scheduleSweep(this.ctx.storage, now);
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
        connection.setState({ ...state, status: message.status });
        const after = this.statusOf(state.userId);
        if (after !== before) this.announce({ type: "presence", userId: state.userId, status: after });
        return;
      }
      default:
        message.type satisfies never;
    }
  }

  async onClose(connection: Connection<SocketState>) {
    const state = connection.state;
    if (state && !state.gone) await this.left(connection, state);
  }

  async onError(connection: Connection<SocketState>) {
    const state = connection.state;
    if (state && !state.gone) await this.left(connection, state);
  }

  async onAlarm() {
    await this.sweep(Date.now());
  }

  /**
   * Closes sockets whose heartbeat stopped at `nowMs` and counts their users as gone, so nobody shows as
   * online from a vanished device. Runs from the alarm; public so tests can sweep at a chosen time.
   */
  async sweep(nowMs: number): Promise<number> {
    const dead = deadConnections(this.ctx, this.getConnections<SocketState>(), nowMs);
    for (const connection of dead) {
      const state = connection.state;
      if (!state || state.gone) continue;
      const lastSign = lastActivityMs(this.ctx, connection);
      connection.setState({ ...state, gone: true });
      closeDead(connection);
      await this.left(connection, state, lastSign);
    }
    if ([...this.getConnections()].length > 0) await scheduleSweep(this.ctx.storage, nowMs);
    return dead.length;
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

  /** A socket is gone (closed, failed, or silent since `atMs`): the user's combined status may change. */
  private async left(connection: Connection<SocketState>, state: SocketState, atMs = Date.now()) {
    const after = this.statusOf(state.userId, connection.id);
    const before = state.status === "online" || after === "online" ? "online" : "away";
    if (after === "offline") await this.ctx.storage.put(seenKey(state.userId), atMs);
    if (after !== before) this.announce({ type: "presence", userId: state.userId, status: after });
  }

  /** Online if any socket is, away if all are away, offline without sockets. */
  private statusOf(userId: string, ignoring?: string): PresenceStatus {
    let status: PresenceStatus = "offline";
    for (const socket of this.getConnections<SocketState>(userId)) {
      if (socket.id === ignoring || !socket.state || socket.state.gone) continue;
      if (socket.state.status === "online") return "online";
      status = "away";
    }
    return status;
  }

  private snapshot(): Array<{ userId: string; status: "online" | "away" }> {
    const users = new Map<string, "online" | "away">();
    for (const socket of this.getConnections<SocketState>()) {
      const state = socket.state;
      if (!state || state.gone || users.get(state.userId) === "online") continue;
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
