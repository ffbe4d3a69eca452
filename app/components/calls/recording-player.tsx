import { useEffect, useRef, useState } from "react";
import type { RecordingView } from "../../../worker/domain/recordings/views";
import { formatDuration } from "./format";

/**
 * Plays a call recording. Files that MediaRecorder wrote carry no length in their header, so the player asks the
 * browser to find the end once (seeking far ahead), then returns to the start: the length shows and seeking works.
 */
export function RecordingPlayer({ recording }: { recording: RecordingView }) {
  const ref = useRef<HTMLMediaElement | null>(null);
  const [duration, setDuration] = useState<number | null>(null);
  useEffect(() => {
    const media = ref.current;
    if (!media) return;
    const measured = () => {
      if (Number.isFinite(media.duration) && media.duration > 0) {
        setDuration(media.duration);
        if (media.currentTime > media.duration - 0.01 && media.paused) media.currentTime = 0;
      }
    };
    const loaded = () => {
      if (media.duration === Infinity || Number.isNaN(media.duration)) media.currentTime = Number.MAX_SAFE_INTEGER;
      else measured();
    };
    media.addEventListener("loadedmetadata", loaded);
    media.addEventListener("durationchange", measured);
    if (media.readyState >= 1) loaded();
    return () => {
      media.removeEventListener("loadedmetadata", loaded);
      media.removeEventListener("durationchange", measured);
    };
  }, []);
  const label = `Recording of the call on ${recording.startedAt.slice(0, 10)}`;
  const common = {
    src: recording.fileUrl ?? undefined,
    controls: true,
    preload: "metadata" as const,
    "aria-label": label,
    "data-recording": recording.id,
    className: "w-full max-w-full",
  };
  return (
    <div className="space-y-1">
      {/* A call recording has no caption track to offer; its label names it. */}
      {recording.kind === "video" ? (
        // eslint-disable-next-line jsx-a11y/media-has-caption
        <video ref={(el) => void (ref.current = el)} {...common} playsInline />
      ) : (
        // eslint-disable-next-line jsx-a11y/media-has-caption
        <audio ref={(el) => void (ref.current = el)} {...common} />
      )}
      <p className="text-muted text-xs" data-testid="recording-length">
        {duration !== null ? `Length ${formatDuration(Math.round(duration))}` : "Reading the length…"}
      </p>
    </div>
  );
}
