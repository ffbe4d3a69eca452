import { useEffect, useRef, useState } from "react";
import { RECORDING_CONTENT_TYPES, RECORDING_TIMESLICE_MS } from "../../../worker/domain/recordings/rules";
import { mixForRecording, recorderMimeType } from "./recording-mix.client";
import type { CallMedia } from "./use-call-media";

export interface RecorderProgress {
  pieces: number;
  bytes: number;
  error: string | null;
}

const KEEPALIVE_MAX_BYTES = 60 * 1024;
const ATTEMPTS = 3;

/** Sends one piece, in order, retrying a few times; a piece already stored is acknowledged by the server. */
async function uploadPiece(recordingId: string, seq: number, piece: Blob, contentType: string): Promise<void> {
  let lastError = "";
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      const res = await fetch(`/api/recordings/${recordingId}/chunks/${seq}`, {
        method: "PUT",
        headers: { "Content-Type": contentType },
        body: piece,
        // Small pieces outlive a closing tab.
        keepalive: piece.size <= KEEPALIVE_MAX_BYTES,
      });
      if (res.ok) return;
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      lastError = body?.error?.message ?? `The server answered ${res.status}.`;
      if (res.status < 500) break;
    } catch (cause) {
      lastError = (cause as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
  }
  throw new Error(lastError);
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
    let seq = 0;
    let queue = Promise.resolve();
    setProgress({ pieces: 0, bytes: 0, error: null });
    recorder.addEventListener("dataavailable", (event) => {
      if (!event.data.size) return;
      const piece = event.data;
      const n = seq++;
      queue = queue.then(() =>
        uploadPiece(recordingId, n, piece, contentType).then(
          () => setProgress((p) => ({ ...p, pieces: p.pieces + 1, bytes: p.bytes + piece.size })),
          (cause: Error) => setProgress((p) => ({ ...p, error: `A part of the recording did not upload: ${cause.message}` })),
        ),
      );
    });
    recorder.addEventListener("stop", () => mix.stop());
    recorder.start(RECORDING_TIMESLICE_MS);
    const flush = () => {
      if (recorder.state === "recording") recorder.requestData();
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      if (recorder.state !== "inactive") recorder.stop();
    };
    // The recording is this id's; streams are read once when it starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mine?.recordingId]);

  return progress;
}
