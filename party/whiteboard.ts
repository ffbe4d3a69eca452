import type { Connection, ConnectionContext, WSMessage } from "partyserver";
import { YServer } from "y-partyserver";
import * as Y from "yjs";
import { answerHeartbeats, closeDead, deadConnections, scheduleSweep, type Liveness } from "./heartbeat";
import { admittedUser, NOT_ADMITTED } from "./identity";
import { BoardStore } from "./whiteboard-store";

interface SocketState extends Liveness {
  userId: string;
}

/**
 * A contract's shared whiteboard (`whiteboard:<contractId>`): a Yjs document synced by y-partyserver, with
 * awareness for live cursors. Every update is written to the room's own storage before the next one is
 * handled, so the board survives everyone leaving and the object being evicted (see decision 017).
 */
export class WhiteboardRoom extends YServer {
  static options = { hibernate: true };
  private store = new BoardStore(this.ctx.storage);

  async onStart() {
    answerHeartbeats(this.ctx);
    await super.onStart();
    this.document.on("update", (update: Uint8Array) => this.store.append(update));
  }

  async onLoad() {
    this.store.load(this.document);
  }

  /** Updates are persisted one by one as they arrive (above); nothing is left for the debounced save. */
  async onSave() {}

  onConnect(connection: Connection, ctx: ConnectionContext) {
    const userId = admittedUser(ctx.request, `whiteboard:${this.name}`);
    if (!userId) return connection.close(NOT_ADMITTED.code, NOT_ADMITTED.reason);
    const now = Date.now();
    connection.setState((previous: object | null) => ({ ...previous, userId, since: now }) satisfies SocketState);
    super.onConnect(connection, ctx);
    return scheduleSweep(this.ctx.storage, now);
  }

  onMessage(connection: Connection, message: WSMessage) {
    if (!(connection.state as SocketState | null)?.userId) return;
    super.onMessage(connection, message);
  }

  /** Nothing but Yjs sync and awareness is spoken here. */
  onCustomMessage() {}

  async onAlarm() {
    await this.sweep(Date.now());
  }

  /** Drops sockets whose heartbeat stopped, and with them their cursors. */
  async sweep(nowMs: number): Promise<number> {
    const dead = deadConnections(this.ctx, this.getConnections<SocketState>(), nowMs);
    for (const connection of dead) {
      closeDead(connection);
      this.onClose(connection, 4000, "No heartbeat", false);
    }
    if ([...this.getConnections()].length > 0) await scheduleSweep(this.ctx.storage, nowMs);
    return dead.length;
  }

  /** The board as one Yjs update (for tests and exports on the server side). */
  async snapshot(): Promise<Uint8Array> {
    return Y.encodeStateAsUpdate(this.document);
  }
}
