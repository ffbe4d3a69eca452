import { signPayload, verifyPayload } from "../auth/signed";
import { roomPath, type RoomRef, roomName } from "./names";

export const ROOM_TICKET_TTL_MS = 60 * 1000;

export interface RoomTicketPayload {
  sub: string;
  room: string;
  exp: number;
  /** Keeps tickets and access tokens (same secret) from standing in for each other. */
  typ: "room";
}

export async function signRoomTicket(secret: string, userId: string, room: RoomRef, nowMs: number): Promise<string> {
  const payload: RoomTicketPayload = { sub: userId, room: roomName(room), exp: nowMs + ROOM_TICKET_TTL_MS, typ: "room" };
  return signPayload(secret, { ...payload });
}

/** The ticket's payload when it is ours, unexpired and a room ticket; otherwise null. */
export async function verifyRoomTicket(secret: string, ticket: string, nowMs: number): Promise<RoomTicketPayload | null> {
  const payload = await verifyPayload<RoomTicketPayload>(secret, ticket, nowMs);
  if (!payload || payload.typ !== "room" || typeof payload.sub !== "string" || typeof payload.room !== "string") return null;
  return payload;
}

/** The WebSocket address to open: same host as the request, ws or wss to match its scheme. */
export function roomSocketUrl(requestUrl: string, room: RoomRef, ticket: string): string {
  const origin = new URL(requestUrl);
  const scheme = origin.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${origin.host}${roomPath(room)}?ticket=${encodeURIComponent(ticket)}`;
}
