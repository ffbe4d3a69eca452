import { routePartykitRequest } from "partyserver";
import { ROOM_NAME_HEADER, ROOM_USER_HEADER } from "../../party/identity";
import { roomKindOf } from "../../party/kinds";
import { errorBody } from "../domain/errors";
import { roomAtPath } from "../domain/rooms/names";
import { verifyRoomTicket } from "../domain/rooms/tickets";
import { readVars, type Env } from "../env";

const refuse = (status: 401 | 403 | 404 | 426, code: string, message: string) => Response.json(errorBody(code, message), { status });

/**
 * /parties/<kind>/<id>: a WebSocket upgrade is passed to the room only with a valid ticket for exactly
 * that room, and the room learns who connected from headers set here (never from the browser).
 */
export async function routeToRoom(request: Request, env: Env): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (!roomKindOf(pathname)) return refuse(404, "not_found", "No such room");
  const routed = await routePartykitRequest(request, env, {
    onBeforeConnect: (req, lobby) => admit(req, env, lobby.name),
    // Rooms talk to browsers over WebSockets only; the Worker reaches them over RPC.
    onBeforeRequest: () => refuse(426, "upgrade_required", "Rooms are reached over WebSocket."),
  });
  return routed ?? refuse(404, "not_found", "No such room");
}

async function admit(request: Request, env: Env, id: string): Promise<Request | Response> {
  const url = new URL(request.url);
  const room = roomAtPath(url.pathname.split("/")[2] ?? "", id);
  if (!room) return refuse(404, "not_found", "No such room");
  const ticket = url.searchParams.get("ticket");
  if (!ticket) return refuse(401, "ticket_required", "Ask POST /api/rooms/ticket for a ticket first.");
  const payload = await verifyRoomTicket(readVars(env as unknown as Record<string, unknown>).SESSION_SECRET, ticket, Date.now());
  if (!payload) return refuse(401, "invalid_ticket", "This room ticket is not valid or has expired.");
  if (payload.room !== room) return refuse(403, "wrong_room", "This ticket is for another room.");
  const admitted = new Request(request);
  admitted.headers.set(ROOM_USER_HEADER, payload.sub);
  admitted.headers.set(ROOM_NAME_HEADER, room);
  return admitted;
}
