import type { RecordingKind } from "../../../db/schema/values";

/** Recordings are kept this long, as the product promises, then deleted by the daily task. */
export const RECORDING_RETENTION_DAYS = 30;
export const RECORDING_RETENTION_MS = RECORDING_RETENTION_DAYS * 24 * 60 * 60 * 1000;
/** The browser sends a piece every few seconds; a piece of video at a high bitrate stays well under this. */
export const RECORDING_CHUNK_MAX_BYTES = 8 * 1024 * 1024;
export const RECORDING_MAX_BYTES = 2 * 1024 * 1024 * 1024;
/** How often the recording browser uploads what it recorded: a closed tab loses at most this much. */
export const RECORDING_TIMESLICE_MS = 2000;
/** The last piece may arrive just after the recording was stopped (by someone else, or by the call ending). */
export const RECORDING_LATE_CHUNK_MS = 60 * 1000;
export const RECORDINGS_PAGE_MAX = 50;

/** What the browser records into and uploads as, per kind: WebM, the format MediaRecorder writes. */
export const RECORDING_CONTENT_TYPES: Record<RecordingKind, string> = { audio: "audio/webm", video: "video/webm" };

/** The EBML magic every WebM file starts with: the first piece must carry it. */
export const WEBM_MAGIC = [0x1a, 0x45, 0xdf, 0xa3] as const;

export const chunkKey = (recordingId: string, seq: number) => `recordings/${recordingId}/${String(seq).padStart(6, "0")}`;
