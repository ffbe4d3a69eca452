import { usePresenceConnection } from "./presence-dot";

/** Placed once in the portal frame: a signed-in user with any portal page open shows as online (or away). */
export function PresenceBeacon() {
  usePresenceConnection();
  return null;
}
