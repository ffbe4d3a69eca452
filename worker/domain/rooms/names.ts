import manifest from "../../../partykit.json";

/**
 * Room names as tickets carry them: `presence`, or `<kind>:<id>` for a conversation, a personal room
 * (`user:<userId>`), a contract's whiteboard or a call. Each maps to the path /parties/<kind>/<id>. The kinds are
 * partykit.json's rooms; a kind added there needs its admission rule in `issueRoomTicket` (./access.ts).
 */
export const PRESENCE_ROOM_ID = "global";

const ID = /^[0-9A-Za-z_-]{1,64}$/;
export type RoomKindWithId = Exclude<keyof typeof manifest.parties, "presence">;
const KINDS_WITH_ID = Object.keys(manifest.parties).filter((kind): kind is RoomKindWithId => kind !== "presence");

export type RoomRef = { kind: "presence"; id: typeof PRESENCE_ROOM_ID } | { kind: RoomKindWithId; id: string };

export function parseRoom(room: string): RoomRef | null {
  if (room === "presence") return { kind: "presence", id: PRESENCE_ROOM_ID };
  const separator = room.indexOf(":");
  if (separator < 0) return null;
  const kind = room.slice(0, separator);
  const id = room.slice(separator + 1);
  if (!(KINDS_WITH_ID as readonly string[]).includes(kind) || !ID.test(id)) return null;
  return { kind: kind as RoomKindWithId, id };
}

export function roomName(ref: RoomRef): string {
  return ref.kind === "presence" ? "presence" : `${ref.kind}:${ref.id}`;
}

/** The room a /parties/<kind>/<id> path serves, or null when the pair is not a valid room. */
export function roomAtPath(kind: string, id: string): string | null {
  const name = kind === "presence" ? (id === PRESENCE_ROOM_ID ? "presence" : null) : `${kind}:${id}`;
  return name && parseRoom(name) ? name : null;
}

export function roomPath(ref: RoomRef): string {
  return `/parties/${ref.kind}/${ref.id}`;
}
