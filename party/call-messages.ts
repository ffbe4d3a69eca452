import { z } from "zod";
import { RECORDING_KINDS, type CallStatus, type RecordingKind } from "../db/schema/values";

/**
 * Where one person stands in a call: rung and not answered yet (`invited`), in it (`joined`; the caller from
 * the start), `declined`, or hung up while the others carried on (`left`).
 */
export type CallParticipantState = "invited" | "joined" | "declined" | "left";

export interface CallParticipantView {
  id: string;
  name: string;
  state: CallParticipantState;
  /** Who added them to a call under way; null for the conversation's own members. */
  invitedBy: string | null;
  /** When they were last rung. */
  invitedAt: string;
}

/** A call as the API and the rooms show it. */
export interface CallView {
  id: string;
  conversationId: string;
  contractId: string | null;
  startedBy: string;
  participants: CallParticipantView[];
  status: CallStatus;
  /** "p2p" (browser to browser) for two people; "sfu" (Cloudflare Calls) beyond that when configured. */
  media: "p2p" | "sfu";
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
}

/** Microphone, camera and screen flags a peer shares with the others. */
export const mediaState = z.object({
  muted: z.boolean(),
  cameraOff: z.boolean(),
  sharingScreen: z.boolean(),
});
export type MediaState = z.infer<typeof mediaState>;

export interface CallPeer extends MediaState {
  peerId: string;
  userId: string;
}

/** A track a peer pushed to Cloudflare Calls, for the others to pull (calls whose media is "sfu"). */
export const publishedTrack = z.object({
  sessionId: z.string().regex(/^[0-9A-Za-z_-]{1,128}$/),
  trackName: z.string().regex(/^[0-9A-Za-z_-]{1,128}$/),
  kind: z.enum(["audio", "video"]),
});
export type PublishedTrack = z.infer<typeof publishedTrack>;

/** The tracks one peer currently publishes (at most one microphone and one camera or screen). */
export interface PeerTracks {
  peerId: string;
  tracks: readonly PublishedTrack[];
}

const peerId = z.string().min(1).max(64);
/** Session descriptions carry SDP, which runs to a few kilobytes. */
const description = z.object({ type: z.enum(["offer", "answer"]), sdp: z.string().max(60_000) });
const candidate = z
  .object({
    candidate: z.string().max(2_000),
    sdpMid: z.string().max(64).nullish(),
    sdpMLineIndex: z.number().int().min(0).max(1000).nullish(),
    usernameFragment: z.string().max(256).nullish(),
  })
  .nullable();

/** What a browser may send to a call room: signalling is always addressed to one peer. */
export const callClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("join"), state: mediaState }),
  z.object({ type: z.literal("leave") }),
  z.object({ type: z.literal("state"), state: mediaState }),
  z.object({ type: z.literal("offer"), to: peerId, description }),
  z.object({ type: z.literal("answer"), to: peerId, description }),
  z.object({ type: z.literal("ice"), to: peerId, candidate }),
  /** The tracks this peer pushed to Cloudflare Calls (replaces what it published before). */
  z.object({ type: z.literal("tracks"), tracks: z.array(publishedTrack).max(4) }),
  /** Asks everyone in the call to agree to a recording (this peer records it). */
  z.object({ type: z.literal("record-ask"), kind: z.enum(RECORDING_KINDS) }),
  /** This person's answer to the recording asked for. */
  z.object({ type: z.literal("record-answer"), agree: z.boolean() }),
  /** Stops the recording (or withdraws the question); anyone in the call may. */
  z.object({ type: z.literal("record-stop") }),
]);
export type CallClientMessage = z.infer<typeof callClientMessage>;

/**
 * Where recording stands in a call: off; asked for and waiting for everyone in the call to agree; or on, recorded
 * by one peer's browser. `note` says why it last stopped or did not start.
 */
export type RecordingState =
  | { phase: "off"; note?: RecordingNote }
  | { phase: "asking"; kind: RecordingKind; requestedBy: string; recorderPeerId: string; agreed: string[]; waitingFor: string[] }
  | {
      phase: "on";
      kind: RecordingKind;
      requestedBy: string;
      recorderPeerId: string;
      recordingId: string;
      startedAt: string;
      agreed: string[];
    };

export type RecordingNote =
  | { reason: "refused" | "joined"; userId: string }
  | { reason: "stopped"; userId: string; recordingId: string }
  | { reason: "recorder-left" | "failed"; recordingId?: string };

export type CallServerMessage =
  /** Recording asked for, started, or stopped: everyone in the call sees it. */
  | { type: "recording"; recording: RecordingState }
  /** To a socket that just connected: its own peer id and who is already in the call. */
  | { type: "welcome"; peerId: string; peers: CallPeer[]; tracks: PeerTracks[]; recording: RecordingState }
  | { type: "joined"; peer: CallPeer }
  | { type: "left"; peerId: string }
  | { type: "state"; peerId: string; state: MediaState }
  | { type: "offer"; from: string; description: { type: "offer" | "answer"; sdp: string } }
  | { type: "answer"; from: string; description: { type: "offer" | "answer"; sdp: string } }
  | { type: "ice"; from: string; candidate: z.infer<typeof candidate> }
  /** A peer's published Calls tracks changed: pull these (stamped with the publisher's real peer id). */
  | ({ type: "tracks" } & PeerTracks)
  /** The call is over (declined, missed or ended); sockets close after this. */
  | { type: "ended"; call: CallView };

export const CALL_FRAME_MAX_CHARS = 64_000;

export function parseCallFrame(raw: string | ArrayBuffer | ArrayBufferView): CallClientMessage | null {
  if (typeof raw !== "string" || raw.length > CALL_FRAME_MAX_CHARS) return null;
  try {
    const parsed = callClientMessage.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
