import type { Connection } from "partyserver";

/**
 * Dead-socket detection for rooms. A socket whose client vanished (a phone losing its network, a laptop
 * lid closing) may never report a close, so browsers send HEARTBEAT_PING every HEARTBEAT_EVERY_MS; the
 * runtime answers it without waking the room (WebSocket auto-response) and records when it did. An alarm
 * every SWEEP_EVERY_MS closes sockets silent for longer than DEAD_AFTER_MS.
 */
export const HEARTBEAT_PING = "heartbeat";
export const HEARTBEAT_PONG = "heartbeat-ok";
export const HEARTBEAT_EVERY_MS = 25_000;
/** Background tabs may run timers only once a minute, so this leaves room for one late beat. */
export const DEAD_AFTER_MS = 90_000;
export const SWEEP_EVERY_MS = 30_000;
/** Close code for a socket the room gave up on (4000-4999 are for applications). */
export const DEAD_SOCKET_CLOSE = { code: 4000, reason: "No heartbeat" } as const;

export interface Liveness {
  /** When the socket connected (ms). */
  since: number;
}

/** Answers heartbeats in the runtime, so an idle room can hibernate while its sockets stay checked. */
export function answerHeartbeats(ctx: DurableObjectState): void {
  ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(HEARTBEAT_PING, HEARTBEAT_PONG));
}

/** The last sign of life: the latest heartbeat the runtime answered, or the connection time. */
export function lastActivityMs<T extends Liveness>(ctx: DurableObjectState, connection: Connection<T>): number {
  const beat = ctx.getWebSocketAutoResponseTimestamp(connection as unknown as WebSocket);
  return Math.max(beat?.getTime() ?? 0, connection.state?.since ?? 0);
}

/** Sockets silent for longer than DEAD_AFTER_MS at `nowMs`. */
export function deadConnections<T extends Liveness>(
  ctx: DurableObjectState,
  connections: Iterable<Connection<T>>,
  nowMs: number,
): Array<Connection<T>> {
  return [...connections].filter((c) => nowMs - lastActivityMs(ctx, c) > DEAD_AFTER_MS);
}

/** Keeps one sweep alarm pending while the room has sockets. */
export async function scheduleSweep(storage: DurableObjectStorage, nowMs: number): Promise<void> {
  if ((await storage.getAlarm()) === null) await storage.setAlarm(nowMs + SWEEP_EVERY_MS);
}

/** Closes a socket the room gave up on; it may already be half gone, which is fine. */
export function closeDead(connection: Connection): void {
  try {
    connection.close(DEAD_SOCKET_CLOSE.code, DEAD_SOCKET_CLOSE.reason);
  } catch {
    // Already closed: nothing to tell the client.
  }
}
