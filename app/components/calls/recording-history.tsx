import type { RecordingView } from "../../../worker/domain/recordings/views";
import { LocalTime } from "../ui/local-time";
import { formatDuration } from "./format";
import { RecordingPlayer } from "./recording-player";

/**
 * The conversation's call recordings (those the viewer agreed to): play or download each; a deleted one stays
 * as a line saying when it was deleted.
 */
export function RecordingHistory({ recordings }: { recordings: RecordingView[] }) {
  if (recordings.length === 0) return null;
  return (
    <section aria-labelledby="recordings-title" className="border-subtle surface rounded-card border p-4 text-sm">
      <h2 id="recordings-title" className="font-semibold">
        Call recordings
      </h2>
      <p className="text-muted text-xs">Only the people who agreed to a recording can play it. Recordings are deleted after 30 days.</p>
      <ul className="mt-2 space-y-3">
        {recordings.map((r) => (
          <li key={r.id} className="min-w-0">
            <p>
              <span aria-hidden="true">⏺ </span>
              {r.kind === "video" ? "Video" : "Audio"} recording of the call on <LocalTime value={r.startedAt} />
              {r.status !== "deleted" ? `, about ${formatDuration(r.durationSeconds)}` : ""}
              {r.status === "recording" ? " (still recording)" : ""}
            </p>
            {r.status === "deleted" ? (
              <p className="text-muted">
                Deleted on <LocalTime value={r.deletedAt ?? r.expiresAt} dateOnly /> after 30 days.
              </p>
            ) : r.fileUrl && r.downloadUrl ? (
              <details className="mt-1">
                <summary className="cursor-pointer font-medium underline">Play the recording</summary>
                <div className="mt-2 space-y-1">
                  <RecordingPlayer recording={r} />
                  <a href={r.downloadUrl} download className="font-medium underline">
                    Download ({(r.bytes / (1024 * 1024)).toFixed(1)} MB, WebM)
                  </a>
                  <p className="text-muted text-xs">
                    Kept until <LocalTime value={r.expiresAt} dateOnly />.
                  </p>
                </div>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
