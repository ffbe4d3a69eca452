/** A recorded call yesterday and a meeting tomorrow on the customer portal, and a new time waiting for an answer. */
import { readFileSync } from "node:fs";
import { acceptCall, endCall, startCall } from "../../../worker/domain/calls/calls";
import { createDomainContext, type FileStore } from "../../../worker/domain/context";
import { acceptMeeting, proposeMeeting } from "../../../worker/domain/meetings/meetings";
import { finishRecording, startRecording, storeRecordingChunk } from "../../../worker/domain/recordings/recordings";
import type { Cast } from "./cast";
import { DAY_MS, HOUR_MS, type StoryContext } from "./context";

/** A few seconds of the browser's synthetic microphone, recorded by Chromium's MediaRecorder (audio/webm, Opus). */
const RECORDING = new Uint8Array(readFileSync(new URL("./call-recording.webm", import.meta.url)));
const PIECE_BYTES = 4096;

export async function callsAndMeetings(s: StoryContext, cast: Cast, contractId: string): Promise<void> {
  const { client, freelancer } = cast;
  const ctx = createDomainContext({ ...s.ctx, files: s.bucket as unknown as FileStore });

  await s.at(1, 14);
  const call = await startCall(ctx, client, { contractId });
  await acceptCall(ctx, freelancer.user.id, call.id);
  await s.at(1, 14, 1);
  const recording = await startRecording(ctx, call.id, {
    recordedBy: client.user.id,
    kind: "audio",
    agreedBy: [client.user.id, freelancer.user.id],
  });
  const pieces = Math.ceil(RECORDING.byteLength / PIECE_BYTES);
  for (let seq = 0; seq < pieces; seq++) {
    // The pieces arrive as the browser sends them, over the recording's few seconds.
    await s.at(1, 14, 1 + ((seq + 1) / pieces) * 0.1);
    await storeRecordingChunk(ctx, client.user.id, recording.id, {
      seq,
      contentType: "audio/webm",
      bytes: RECORDING.subarray(seq * PIECE_BYTES, (seq + 1) * PIECE_BYTES),
    });
  }
  await finishRecording(ctx, recording.id);
  await s.at(1, 14, 12);
  await endCall(ctx, client.user.id, call.id);

  await s.at(1, 15);
  const day = new Date(s.now);
  const tomorrowAt = (hour: number) =>
    new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) + DAY_MS + hour * HOUR_MS);
  const demo = await proposeMeeting(ctx, client, {
    contractId,
    title: "Customer portal: demo of the orders pages",
    startsAt: tomorrowAt(15).toISOString(),
    durationMinutes: 45,
    timeZone: "Europe/Berlin",
  });
  await s.at(1, 17);
  await acceptMeeting(ctx, freelancer, demo.id, { timeZone: "Europe/London" });
  await s.at(0, 0, 30);
  await proposeMeeting(ctx, client, {
    contractId,
    title: "Plan the reports milestone",
    startsAt: new Date(tomorrowAt(16).getTime() + 2 * DAY_MS).toISOString(),
    durationMinutes: 30,
    timeZone: "Europe/Berlin",
  });
}
