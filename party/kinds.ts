/** Room kinds served at /parties/<kind>/<id>, and the wrangler binding of each (partykit.json lists the same). */
export const ROOM_BINDINGS = {
  presence: "Presence",
  conversation: "Conversation",
  user: "User",
  whiteboard: "Whiteboard",
  call: "Call",
} as const;

export type RoomKind = keyof typeof ROOM_BINDINGS;

export function roomKindOf(pathname: string): RoomKind | null {
  const kind = pathname.split("/")[2] ?? "";
  return Object.hasOwn(ROOM_BINDINGS, kind) ? (kind as RoomKind) : null;
}
