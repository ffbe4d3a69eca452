import type { RecordingKind } from "../db/schema/values";
import type { DomainContext } from "../worker/domain/context";
import { finishCallRecordings, finishRecording, startRecording } from "../worker/domain/recordings/recordings";
import type { RecordingNote, RecordingState } from "./call-messages";

const KEY = "recording";

/** What the consent rules need from the call room. */
export interface RecordingHost {
  callId: string;
  storage: DurableObjectStorage;
  /** The people in the call right now (joined sockets). */
  joinedUserIds(): string[];
  announce(state: RecordingState): void;
  domain(): DomainContext;
}

const OFF: RecordingState = { phase: "off" };

async function read(host: RecordingHost): Promise<RecordingState> {
  return (await host.storage.get<RecordingState>(KEY)) ?? OFF;
}

async function write(host: RecordingHost, state: RecordingState): Promise<void> {
  await host.storage.put(KEY, state);
  host.announce(state);
}

export const currentRecording = read;

/**
 * Consent in the call: someone asks, everyone in the call must agree, and only then does the recording start (its
 * row is written and the asker's browser records). Anyone may stop it; someone joining who has not agreed, or the
 * recorder leaving, stops it too.
 */
export async function askToRecord(host: RecordingHost, who: { userId: string; peerId: string }, kind: RecordingKind): Promise<void> {
  if ((await read(host)).phase !== "off") return;
  const state: RecordingState = {
    phase: "asking",
    kind,
    requestedBy: who.userId,
    recorderPeerId: who.peerId,
    agreed: [who.userId],
    waitingFor: [],
  };
  await settle(host, state);
}

export async function answerRecording(host: RecordingHost, userId: string, agree: boolean): Promise<void> {
  const state = await read(host);
  if (state.phase !== "asking" || !host.joinedUserIds().includes(userId)) return;
  if (!agree) return write(host, { phase: "off", note: { reason: "refused", userId } });
  await settle(host, { ...state, agreed: [...new Set([...state.agreed, userId])] });
}

export async function stopRecording(host: RecordingHost, userId: string): Promise<void> {
  const state = await read(host);
  if (state.phase === "off" || !host.joinedUserIds().includes(userId)) return;
  if (state.phase === "on") {
    await finishRecording(host.domain(), state.recordingId);
    return write(host, { phase: "off", note: { reason: "stopped", userId, recordingId: state.recordingId } });
  }
  await write(host, { phase: "off", note: { reason: "refused", userId } });
}

/** Someone came into the call: a recording under way stops (they never agreed); a question now waits for them too. */
export async function peerJoined(host: RecordingHost, userId: string): Promise<void> {
  const state = await read(host);
  if (state.phase === "on") {
    if (state.agreed.includes(userId)) return;
    await finishRecording(host.domain(), state.recordingId);
    return write(host, { phase: "off", note: { reason: "joined", userId } });
  }
  if (state.phase === "asking") await settle(host, state);
}

/** Someone left: the recorder leaving ends the recording; a question is answered by those still there. */
export async function peerLeft(host: RecordingHost, peerId: string): Promise<void> {
  const state = await read(host);
  if (state.phase === "off") return;
  if (state.recorderPeerId === peerId) {
    if (state.phase === "on") await finishRecording(host.domain(), state.recordingId);
    return write(host, {
      phase: "off",
      note: { reason: "recorder-left", recordingId: state.phase === "on" ? state.recordingId : undefined },
    });
  }
  if (state.phase === "asking") await settle(host, state);
}

/** The call is over: whatever was recording is finished. */
export async function callOver(host: RecordingHost): Promise<void> {
  await finishCallRecordings(host.domain(), host.callId);
  await host.storage.put(KEY, OFF);
}

/** Starts the recording once everyone in the call agreed; otherwise tells everyone who it waits for. */
async function settle(host: RecordingHost, state: Extract<RecordingState, { phase: "asking" }>): Promise<void> {
  const present = [...new Set(host.joinedUserIds())];
  const waitingFor = present.filter((id) => !state.agreed.includes(id));
  if (waitingFor.length > 0 || !present.includes(state.requestedBy)) return write(host, { ...state, waitingFor });
  try {
    const recording = await startRecording(host.domain(), host.callId, {
      recordedBy: state.requestedBy,
      kind: state.kind,
      agreedBy: present,
    });
    await write(host, {
      phase: "on",
      kind: state.kind,
      requestedBy: state.requestedBy,
      recorderPeerId: state.recorderPeerId,
      recordingId: recording.id,
      startedAt: recording.startedAt,
      agreed: present,
    });
  } catch (error) {
    host.domain().log("recording did not start", { callId: host.callId, error: String(error) });
    const note: RecordingNote = { reason: "failed" };
    await write(host, { phase: "off", note });
  }
}
