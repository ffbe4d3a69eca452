import manifest from "../partykit.json";

/**
 * The room kinds, from partykit.json (the one list of rooms): each is served at /parties/<kind>/<id>, where
 * partyserver finds the Durable Object binding whose kebab-case name is the kind (tests/config/rooms.test.ts).
 */
export type RoomKind = keyof typeof manifest.parties;

export function roomKindOf(pathname: string): RoomKind | null {
  const kind = pathname.split("/")[2] ?? "";
  return Object.hasOwn(manifest.parties, kind) ? (kind as RoomKind) : null;
}
