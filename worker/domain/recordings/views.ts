import type { RecordingKind, RecordingStatus } from "../../../db/schema/values";
import type { CallRecording } from "../../../db/schema";
import { RECORDING_CONTENT_TYPES, RECORDING_RETENTION_MS } from "./rules";

/** A call recording as the API and the conversation page show it. */
export interface RecordingView {
  id: string;
  callId: string;
  conversationId: string;
  kind: RecordingKind;
  status: RecordingStatus;
  contentType: string;
  recordedBy: { id: string; name: string };
  /** Everyone who agreed to it in the call: the only people who may play it. */
  participants: { id: string; name: string }[];
  startedAt: string;
  endedAt: string | null;
  /** From the first to the last uploaded piece (the player reads the exact length from the file). */
  durationSeconds: number;
  bytes: number;
  /** When the daily task deletes (or deleted) it. */
  expiresAt: string;
  deletedAt: string | null;
  /** Playback and download addresses; null once deleted. */
  fileUrl: string | null;
  downloadUrl: string | null;
}

export function toRecordingView(row: CallRecording, names: Map<string, string>, participantIds: string[]): RecordingView {
  const end = row.endedAt ?? row.lastChunkAt ?? row.startedAt;
  const available = row.status !== "deleted" && row.chunkCount > 0;
  return {
    id: row.id,
    callId: row.callId,
    conversationId: row.conversationId,
    kind: row.kind,
    status: row.status,
    contentType: RECORDING_CONTENT_TYPES[row.kind],
    recordedBy: { id: row.recordedBy, name: names.get(row.recordedBy) ?? "Someone" },
    participants: participantIds.map((id) => ({ id, name: names.get(id) ?? "Someone" })),
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    durationSeconds: Math.max(0, Math.round((end.getTime() - row.startedAt.getTime()) / 1000)),
    bytes: row.bytes,
    expiresAt: new Date(row.startedAt.getTime() + RECORDING_RETENTION_MS).toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    fileUrl: available ? `/api/recordings/${row.id}/file` : null,
    downloadUrl: available ? `/api/recordings/${row.id}/file?download=1` : null,
  };
}
