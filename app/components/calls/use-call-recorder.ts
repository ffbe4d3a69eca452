import { useEffect, useRef, useState } from "react";
import { RECORDING_CONTENT_TYPES, RECORDING_TIMESLICE_MS } from "../../../worker/domain/recordings/rules";
import { RecordingPieces } from "./recording-pieces";
import { mixForRecording, recorderMimeType } from "./recording-mix.client";
import type { CallMedia } from "./use-call-media";

export interface RecorderProgress {
  pieces: number;
  bytes: number;
  error: string | null;
}

const KEEPALIVE_MAX_BYTES = 60 * 1024;
/** Waits between tries of a piece the network or the server failed: it is kept and tried again, in order. */
const RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000];

/** Why a piece was not stored, and whether trying it again can help (the network or the server, not the piece). */
class UploadError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

/** Sends one piece; a piece already stored is acknowledged by the server, so a retry is safe. */
async function uploadPiece(recordingId: string, seq: number, piece: Blob, contentType: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/recordings/${recordingId}/chunks/${seq}`, {
      method: "PUT",
      headers: { "Content-Type": contentType },
      body: piece,
      // Small pieces outlive a closing tab.
      keepalive: piece.size <= KEEPALIVE_MAX_BYTES,
    });
  } catch (cause) {
    throw new UploadError((cause as Error).message || "The network failed.", true);
  }
  if (res.ok) return;
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new UploadError(body?.error?.message ?? `The server answered ${res.status}.`, res.status >= 500 || res.status === 429);
}

/**
 * In the browser that asked to record, once everyone agreed: records the call with MediaRecorder and uploads a
 * piece every two seconds while the call goes on, so a closed tab loses at most the last piece.
 */
export function useCallRecorder(media: CallMedia): RecorderProgress {
  const [progress, setProgress] = useState<RecorderProgress>({ pieces: 0, bytes: 0, error: null });
  const recording = media.recording;
  const mine = recording.phase === "on" && recording.recorderPeerId === media.peerId ? recording : null;
  const streams = useRef<MediaStream[]>([]);
  streams.current = [media.local, ...media.peers.map((p) => p.stream)].filter((s): s is MediaStream => Boolean(s));

  useEffect(() => {
    if (!mine) return;
    const { recordingId, kind } = mine;
    const mix = mixForRecording(kind, streams.current);
    const recorder = new MediaRecorder(mix.stream, { mimeType: recorderMimeType(kind) });
    const contentType = RECORDING_CONTENT_TYPES[kind];
    const pieces = new RecordingPieces(contentType);
    let draining = false;
    let stopped = false;
    let refused = false;
    setProgress({ pieces: 0, bytes: 0, error: null });
    // Only one piece is ever in flight, so the server receives them in order.
    const drain = async () => {
      if (draining) return;
      draining = true;
      let failures = 0;
      for (let next = pieces.next(stopped); next; next = pieces.next(stopped)) {
        const { seq: n, piece } = next;
        try {
          await uploadPiece(recordingId, n, piece, contentType);
          pieces.stored();
          failures = 0;
          setProgress((p) => ({ pieces: p.pieces + 1, bytes: p.bytes + piece.size, error: null }));
        } catch (cause) {
          const error = cause as UploadError;
          const retrying = error.transient && !stopped;
          setProgress((p) => ({
            ...p,
            error: `Part ${n + 1} of the recording did not upload: ${error.message}${retrying ? " Trying again…" : ""}`,
          }));
          if (!error.transient) {
            // The server refused the piece itself: later pieces cannot follow it.
            refused = true;
            pieces.clear();
          }
          if (!retrying) break;
          // Past the last wait, the piece stays first in line and is tried again when the recorder hands over more.
          if (failures >= RETRY_DELAYS_MS.length) break;
          await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[failures++]));
        }
      }
      draining = false;
    };
    recorder.addEventListener("dataavailable", (event) => {
      if (!event.data.size || refused) return;
      pieces.add(event.data);
      void drain();
    });
    recorder.addEventListener("stop", () => mix.stop());
    recorder.start(RECORDING_TIMESLICE_MS);
    const flush = () => {
      if (recorder.state === "recording") recorder.requestData();
    };
    window.addEventListener("pagehide", flush);
    return () => {
      stopped = true;
      window.removeEventListener("pagehide", flush);
      if (recorder.state !== "inactive") recorder.stop();
    };
    // The recording is this id's; streams are read once when it starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mine?.recordingId]);

  return progress;
}
