import { Server, type Connection } from "partyserver";
import type { Env } from "../worker/env";
import type { PresenceServerMessage } from "./messages";

/** Counts who is connected and tells everyone whenever that number changes. */
export class PresenceRoom extends Server<Env> {
  static options = { hibernate: true };

  onConnect(connection: Connection) {
    connection.send(JSON.stringify(this.countMessage()));
    this.broadcast(JSON.stringify(this.countMessage()), [connection.id]);
  }

  onClose() {
    this.broadcast(JSON.stringify(this.countMessage()));
  }

  onMessage(connection: Connection, raw: string | ArrayBuffer | ArrayBufferView) {
    if (raw === "ping") connection.send("pong");
  }

  private countMessage(): PresenceServerMessage {
    let count = 0;
    for (const _ of this.getConnections()) count++;
    return { type: "count", count };
  }
}
