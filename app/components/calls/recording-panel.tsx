import type { CallView, RecordingNote } from "../../../party/call-messages";
import { Button } from "../ui/button";
import { nameOf } from "./format";
import type { CallMedia } from "./use-call-media";
import { useCallRecorder } from "./use-call-recorder";

function noteText(call: CallView, note: RecordingNote | undefined): string | null {
  if (!note) return null;
  switch (note.reason) {
    case "refused":
      return `${nameOf(call, note.userId)} did not agree, so nothing was recorded.`;
    case "joined":
      return `The recording stopped: ${nameOf(call, note.userId)} joined and has not agreed to it.`;
    case "stopped":
      return `${nameOf(call, note.userId)} stopped the recording. It is in the conversation's call history.`;
    case "recorder-left":
      return note.recordingId ? "The recording stopped: the person recording left. What was recorded is in the call history." : null;
    case "failed":
      return "The recording could not start. Try again.";
    default:
      return note satisfies never;
  }
}

/**
 * Recording in a call: anyone may ask; it starts only after everyone in the call agreed, everyone sees while it
 * is on, and anyone may stop it.
 */
export function RecordingPanel({ call, me, media }: { call: CallView; me: string; media: CallMedia }) {
  const state = media.recording;
  const progress = useCallRecorder(media);
  const kindText = (kind: "audio" | "video") => (kind === "audio" ? "audio only" : "video and audio");
  return (
    <section aria-labelledby="recording-title" className="border-subtle surface rounded-card border p-4 text-sm">
      <h2 id="recording-title" className="font-semibold">
        Recording
      </h2>
      <div role="status" className="mt-1">
        {state.phase === "on" ? (
          <p className="font-semibold text-red-700 dark:text-red-300">
            <span aria-hidden="true">● </span>Recording is on ({kindText(state.kind)}) — everyone in the call agreed.
          </p>
        ) : state.phase === "asking" ? (
          state.waitingFor.includes(me) ? (
            <p>
              {nameOf(call, state.requestedBy)} asks to record this call ({kindText(state.kind)}). It starts only when everyone agrees.
            </p>
          ) : (
            <p>Waiting for {state.waitingFor.map((id) => nameOf(call, id)).join(", ") || "everyone"} to agree to the recording…</p>
          )
        ) : (
          <p className="text-muted">
            {noteText(call, state.note) ??
              "Not recording. A recording starts only after everyone in the call agrees, and is kept for 30 days."}
          </p>
        )}
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        {state.phase === "off" ? (
          <>
            <Button type="button" size="sm" variant="secondary" onClick={() => media.sendRecording({ type: "record-ask", kind: "audio" })}>
              Record audio
            </Button>
            <Button type="button" size="sm" variant="secondary" onClick={() => media.sendRecording({ type: "record-ask", kind: "video" })}>
              Record video
            </Button>
          </>
        ) : null}
        {state.phase === "asking" && state.waitingFor.includes(me) ? (
          <>
            <Button type="button" size="sm" onClick={() => media.sendRecording({ type: "record-answer", agree: true })}>
              Agree to record
            </Button>
            <Button
              type="button"
              size="sm"
              variant="secondary"
              onClick={() => media.sendRecording({ type: "record-answer", agree: false })}
            >
              Do not record
            </Button>
          </>
        ) : null}
        {state.phase === "asking" && !state.waitingFor.includes(me) ? (
          <Button type="button" size="sm" variant="secondary" onClick={() => media.sendRecording({ type: "record-stop" })}>
            Cancel the request
          </Button>
        ) : null}
        {state.phase === "on" ? (
          <Button type="button" size="sm" variant="danger" onClick={() => media.sendRecording({ type: "record-stop" })}>
            Stop recording
          </Button>
        ) : null}
      </div>
      {state.phase === "on" && state.recorderPeerId === media.peerId ? (
        <p className="text-muted mt-2 text-xs">
          This browser records the call and saves it as it goes: {progress.pieces} parts saved ({(progress.bytes / 1024).toFixed(0)} KB).
        </p>
      ) : null}
      {progress.error ? <p className="mt-2 text-xs text-red-700 dark:text-red-300">{progress.error}</p> : null}
    </section>
  );
}
