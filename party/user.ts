import { Server, type Connection, type ConnectionContext } from "partyserver";
import type { Env } from "../worker/env";
import { admittedUser, NOT_ADMITTED } from "./identity";
import type { UserRoomMessage } from "./messages";

/**
 * A user's personal room (`user:<userId>`): notifications and unread counts reach every tab they have open.
 * Only that user is admitted; what browsers send here is ignored.
 */
export class UserRoom extends Server<Env> {
  static options = { hibernate: true };

  onConnect(connection: Connection, ctx: ConnectionContext) {
    const userId = admittedUser(ctx.request, `user:${this.name}`);
    if (userId !== this.name) connection.close(NOT_ADMITTED.code, NOT_ADMITTED.reason);
  }

  onMessage() {}

  /** Called by the Worker (worker/platform/rooms.ts pushToUser). */
  async push(message: UserRoomMessage): Promise<void> {
    this.broadcast(JSON.stringify(message));
  }
}
