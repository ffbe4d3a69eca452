/**
 * Headers the Worker sets on an upgrade after it has verified the room ticket (worker/api/rooms-gate.ts).
 * A request reaches a room only through the Worker, which always overwrites them, so a browser cannot forge them.
 */
export const ROOM_USER_HEADER = "x-megilance-room-user";
export const ROOM_NAME_HEADER = "x-megilance-room";

/** The admitted user, or null when the Worker did not admit this request to exactly `room`. */
export function admittedUser(request: Request, room: string): string | null {
  const userId = request.headers.get(ROOM_USER_HEADER);
  if (!userId || request.headers.get(ROOM_NAME_HEADER) !== room) return null;
  return userId;
}

/** Closed with 1008 (policy violation) when a socket arrives without an admitted identity. */
export const NOT_ADMITTED = { code: 1008, reason: "Not admitted to this room" } as const;
