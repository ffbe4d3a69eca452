import type { CallParticipant, CallStatus } from "../../../db/schema";
import type { CallParticipantState } from "../../../party/call-messages";

/** A call nobody answers within this long is missed. */
export const RING_TIMEOUT_MS = 45 * 1000;
/** Browser-to-browser media is a full mesh; beyond two people it goes through Cloudflare Calls. */
export const P2P_MAX_PARTICIPANTS = 2;
/** How many people may be in one call (not counting those who declined or left): a browser mesh stays small. */
export const MESH_MAX_PARTICIPANTS = 4;
export const SFU_MAX_PARTICIPANTS = 12;
export const CALL_HISTORY_PAGE_MAX = 50;
export const INVITEES_PAGE_MAX = 50;
export const INVITEES_PAGE_DEFAULT = 20;
export const CALL_HISTORY_PAGE_DEFAULT = 20;

export const isLive = (status: CallStatus) => status === "ringing" || status === "active";

export function ringExpired(startedAt: Date, now: Date): boolean {
  return now.getTime() - startedAt.getTime() >= RING_TIMEOUT_MS;
}

/** Whole seconds from answer to end; null when nobody answered. */
export function callDurationSeconds(answeredAt: Date | null, endedAt: Date): number | null {
  return answeredAt ? Math.max(0, Math.round((endedAt.getTime() - answeredAt.getTime()) / 1000)) : null;
}

/** How a call ends when someone hangs up or everyone leaves: an answered call ended, an unanswered one was missed. */
export function endedStatus(status: "ringing" | "active"): CallStatus {
  return status === "active" ? "ended" : "missed";
}

export function participantState(p: Pick<CallParticipant, "answeredAt" | "declinedAt" | "leftAt">): CallParticipantState {
  if (p.declinedAt) return "declined";
  if (p.leftAt) return "left";
  return p.answeredAt ? "joined" : "invited";
}

/** The most people a call may hold at once. */
export const maxParticipants = (sfuConfigured: boolean) => (sfuConfigured ? SFU_MAX_PARTICIPANTS : MESH_MAX_PARTICIPANTS);
